/* fcntl64 (glibc 2.28; what fcntl becomes with -D_FILE_OFFSET_BITS=64, which this test is
 * built with): descriptor flags, status flags, F_DUPFD(_CLOEXEC), record locks seen from a
 * child (F_SETLK, F_GETLK with struct flock of 64-bit offsets, beyond 4 GiB too), open file
 * description locks, pipe sizes, errors. */
#include "shim_test.h"
#include <stdlib.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

int fcntl64(int fd, int cmd, ...);

static void show_lock(const char *what, int r, const struct flock *lk)
{
  if (r == -1)
    printf("%s: ret=-1 errno=%s\n", what, errno_name(errno));
  else
    printf("%s: type=%s start=%lld len=%lld pid=%s\n", what,
           lk->l_type == F_UNLCK ? "unlck" : lk->l_type == F_WRLCK ? "wrlck" : "rdlck",
           (long long)lk->l_start, (long long)lk->l_len,
           lk->l_type == F_UNLCK ? "-" : lk->l_pid == getppid() ? "parent" : "other");
}

int main(void)
{
  char fresh[] = "run-XXXXXX";  /* the plain and the pinned build run in one directory */
  if (!mkdtemp(fresh) || chdir(fresh) != 0)
    return 1;
  printf("off_t is %zu bytes\n", sizeof(off_t));
  int fd = open("locked", O_CREAT | O_RDWR | O_TRUNC, 0600);
  REPORT("fcntl(F_GETFD)", fcntl(fd, F_GETFD));
  REPORT("fcntl64(F_SETFD, FD_CLOEXEC)", fcntl64(fd, F_SETFD, FD_CLOEXEC));
  REPORT("fcntl(F_GETFD)", fcntl(fd, F_GETFD));
  REPORT("fcntl(F_GETFL) & O_ACCMODE", fcntl(fd, F_GETFL) & O_ACCMODE);
  REPORT("fcntl64(F_SETFL, O_APPEND|O_NONBLOCK)", fcntl64(fd, F_SETFL, O_APPEND | O_NONBLOCK));
  REPORT("fcntl(F_GETFL) & (O_APPEND|O_NONBLOCK)", fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK));
  REPORT("fcntl(F_DUPFD, 40)", fcntl(fd, F_DUPFD, 40));
  REPORT("fcntl64(F_DUPFD_CLOEXEC, 50)", fcntl64(fd, F_DUPFD_CLOEXEC, 50));
  REPORT("fcntl(50, F_GETFD)", fcntl(50, F_GETFD));
  REPORT("fcntl(-1, F_GETFD)", fcntl(-1, F_GETFD));
  REPORT("fcntl64(fd, bad command)", fcntl64(fd, 12345, 0));

  struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 20};
  REPORT("fcntl(F_SETLK, write 10+20)", fcntl(fd, F_SETLK, &lk));
  struct flock far = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 5LL << 30, .l_len = 1LL << 32};
  REPORT("fcntl64(F_SETLK, read 5 GiB+4 GiB)", fcntl64(fd, F_SETLK, &far));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    int cfd = open("locked", O_RDWR);
    struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    errno = 0;
    show_lock("child F_GETLK(whole file)", fcntl(cfd, F_GETLK, &q), &q);
    struct flock q2 = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 6LL << 30, .l_len = 1};
    show_lock("child F_GETLK(6 GiB)", fcntl64(cfd, F_GETLK, &q2), &q2);
    struct flock q3 = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 40, .l_len = 10};
    show_lock("child F_GETLK(40+10)", fcntl(cfd, F_GETLK, &q3), &q3);
    struct flock w = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 15, .l_len = 1};
    REPORT("child F_SETLK(15)", fcntl(cfd, F_SETLK, &w));
    struct flock ofd = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 100, .l_len = 1};
    REPORT("child F_OFD_SETLK(100)", fcntl64(cfd, F_OFD_SETLK, &ofd));
    struct flock ofdq = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 100, .l_len = 1};
    int other = open("locked", O_RDWR);
    REPORT("child F_OFD_GETLK(100) from another description", fcntl64(other, F_OFD_GETLK, &ofdq));
    printf("child: F_OFD_GETLK says %s, pid %d\n", ofdq.l_type == F_WRLCK ? "write-locked" : "free",
           ofdq.l_pid);
    REPORT("child F_SETLK(bad pointer)", fcntl64(cfd, F_SETLK, (struct flock *)16));
    fflush(stdout);
    _exit(0);
  }
  waitpid(child, NULL, 0);
  int p[2];
  pipe(p);
  REPORT("fcntl(pipe, F_SETPIPE_SZ, 65536)", fcntl(p[0], F_SETPIPE_SZ, 65536));
  REPORT("fcntl64(pipe, F_GETPIPE_SZ)", fcntl64(p[0], F_GETPIPE_SZ));
  return 0;
}
