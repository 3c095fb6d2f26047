/* Record locks through fcntl/fcntl64, the interface whose argument layout differs on 32-bit
 * architectures: with -D_FILE_OFFSET_BITS=64 the headers call fcntl64 (a shim before 2.28) with
 * struct flock64 and the ...64 commands; without it, fcntl with the 32-bit struct flock.
 * A lock beyond 4 GiB (LFS builds) set by the parent must be seen by a child with F_GETLK,
 * offset and owner intact; an open-file-description lock (LFS builds) must conflict with a
 * second description of the same file. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  char path[] = "/tmp/glibc-pin-locks-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return 2;
  off_t start = sizeof(off_t) == 8 ? (off_t)5 << 30 : (off_t)1 << 30;
  struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = 10};
  int set = fcntl(fd, F_SETLK, &lock) == 0;
  pid_t parent = getpid();
  pid_t child = fork();
  if (child == 0) {
    int other = open(path, O_RDWR);
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start + 5, .l_len = 1};
    int ok = fcntl(other, F_GETLK, &probe) == 0 && probe.l_type == F_WRLCK &&
             probe.l_start == start && probe.l_len == 10 && probe.l_pid == parent;
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  printf("lock %s: set=%d seen by another process=%d\n",
         sizeof(off_t) == 8 ? "beyond 4 GiB" : "at 1 GiB", set,
         WIFEXITED(status) && WEXITSTATUS(status) == 0);
#if defined(F_OFD_SETLK) && (!defined(__i386__) || defined(__USE_FILE_OFFSET64))
  struct flock ofd = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
  int ofd_set = fcntl(fd, F_OFD_SETLK, &ofd) == 0;
  int second = open(path, O_RDWR);
  struct flock ofd_probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
  int seen = fcntl(second, F_OFD_GETLK, &ofd_probe) == 0 && ofd_probe.l_type == F_WRLCK &&
             ofd_probe.l_pid == -1;
  printf("ofd lock: set=%d seen by another description=%d\n", ofd_set, seen);
#else
  printf("ofd lock: not tried (32-bit struct flock)\n");
#endif
  unlink(path);
  return 0;
}
