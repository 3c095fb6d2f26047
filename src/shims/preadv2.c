/* preadv2, pwritev2 and their 64 names: added in glibc 2.26 (the system calls in
 * Linux 4.6).  On x86_64 the offset is passed as low and high words, and off_t and
 * off64_t are the same type.  As glibc does on a kernel without them: with no
 * flags, preadv/pwritev (readv/writev for offset -1, "the current position");
 * with flags, ENOTSUP. */
/* LP64 only: on i386 off_t is 32-bit and the system call takes the offset split in two; there the file is empty and such a link is refused. */
#if __SIZEOF_LONG__ == 8
#include "shim.h"
#include <errno.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static ssize_t transfer(long number, int fd, const struct iovec *iov, int count, off_t offset,
                        int flags, int write)
{
  ssize_t result = syscall(number, fd, iov, count, (unsigned long)offset, 0UL, flags);
  if (result >= 0 || errno != ENOSYS)
    return result;
  if (flags != 0) {
    errno = ENOTSUP;
    return -1;
  }
  if (offset == -1)
    return write ? writev(fd, iov, count) : readv(fd, iov, count);
  return write ? pwritev(fd, iov, count, offset) : preadv(fd, iov, count, offset);
}

SHIM ssize_t preadv2(int fd, const struct iovec *iov, int count, off_t offset, int flags)
{
  return transfer(SYS_preadv2, fd, iov, count, offset, flags, 0);
}

SHIM ssize_t pwritev2(int fd, const struct iovec *iov, int count, off_t offset, int flags)
{
  return transfer(SYS_pwritev2, fd, iov, count, offset, flags, 1);
}

SHIM ssize_t preadv64v2(int fd, const struct iovec *iov, int count, off64_t offset, int flags)
{
  return transfer(SYS_preadv2, fd, iov, count, offset, flags, 0);
}

SHIM ssize_t pwritev64v2(int fd, const struct iovec *iov, int count, off64_t offset, int flags)
{
  return transfer(SYS_pwritev2, fd, iov, count, offset, flags, 1);
}
#endif
