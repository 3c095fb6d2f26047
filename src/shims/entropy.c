/* Internal helper for the randomness shims: fill a buffer from the kernel.
 *
 * Uses the getrandom system call directly (not libc's getrandom, which the
 * target may lack or which may report ENOSYS on an old kernel: Linux < 3.17,
 * e.g. CentOS 7's 3.10).  On ENOSYS it reads /dev/urandom instead; unlike
 * getrandom, /dev/urandom does not wait for the kernel's pool to be seeded
 * once at boot. */
#include "shim.h"
#include "entropy.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

SHIM ssize_t glibcpin_urandom_read(void *buf, size_t len, int flags)
{
  const char *dev = (flags & GLIBCPIN_GRND_RANDOM) ? "/dev/random" : "/dev/urandom";
  int fd = open(dev, O_RDONLY | O_CLOEXEC | ((flags & GLIBCPIN_GRND_NONBLOCK) ? O_NONBLOCK : 0));
  if (fd < 0)
    return -1;
  ssize_t n;
  do
    n = read(fd, buf, len);
  while (n < 0 && errno == EINTR);
  int saved = errno;
  close(fd);
  errno = saved;
  return n;
}

SHIM ssize_t glibcpin_getrandom(void *buf, size_t len, unsigned int flags)
{
  long n = syscall(SYS_getrandom, buf, len, flags);
  if (n < 0 && errno == ENOSYS)
    return glibcpin_urandom_read(buf, len, (int)flags);
  return n;
}

SHIM int glibcpin_fill_random(void *buf, size_t len)
{
  char *p = buf;
  while (len > 0) {
    ssize_t n = glibcpin_getrandom(p, len, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (n == 0) { /* /dev/urandom at EOF: cannot happen, do not spin */
      errno = EIO;
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}
