/* Trap program for interfaces newer than old targets, which glibc-pin's shims provide:
 * getentropy/getrandom (2.25), memfd_create/copy_file_range (2.27), statx (2.28), gettid (2.30),
 * mknod/mknodat as real symbols (2.33), close_range (2.34), arc4random* (2.36).
 * Each line says whether the call behaved; syscalls the kernel lacks may say ENOSYS. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *ok_or_enosys(int ok) {
  return ok ? "ok" : (errno == ENOSYS ? "enosys" : "FAILED");
}

int main(void) {
  unsigned char buf[64];
  printf("getentropy: %s\n", ok_or_enosys(getentropy(buf, sizeof buf) == 0));

  int memfd = memfd_create("glibc-pin", 0);
  printf("memfd_create: %s\n", ok_or_enosys(memfd >= 0));
  if (memfd >= 0) {
    const char text[] = "copied";
    write(memfd, text, sizeof text);
    int copy = memfd_create("copy", 0);
    loff_t in = 0;
    ssize_t n = copy_file_range(memfd, &in, copy, NULL, sizeof text, 0);
    printf("copy_file_range: %s\n", ok_or_enosys(n == (ssize_t)sizeof text));
    close(copy);
  } else {
    printf("copy_file_range: skipped\n");
  }

  struct statx sx;
  printf("statx: %s\n", ok_or_enosys(statx(AT_FDCWD, "/", 0, STATX_MODE, &sx) == 0 &&
                                     S_ISDIR(sx.stx_mode)));
  printf("gettid: %s\n", gettid() == getpid() ? "ok" : "FAILED");

  char dir[] = "/tmp/glibc-pin-mknod-XXXXXX";
  if (mkdtemp(dir)) {
    char path[64];
    snprintf(path, sizeof path, "%s/fifo", dir);
    int made = mknod(path, S_IFIFO | 0600, 0) == 0;
    struct stat st;
    printf("mknod: %s\n", made && stat(path, &st) == 0 && S_ISFIFO(st.st_mode) ? "ok" : "FAILED");
    unlink(path);
    made = mknodat(AT_FDCWD, path, S_IFIFO | 0600, 0) == 0;
    printf("mknodat: %s\n", made ? "ok" : "FAILED");
    unlink(path);
    rmdir(dir);
  }

  int fd = open("/dev/null", O_RDONLY);
  int high = dup2(fd, 900);
  close(fd);
  int closed = close_range(900, 900, 0) == 0;
  printf("close_range: %s\n", closed ? (fcntl(high, F_GETFD) == -1 ? "ok" : "FAILED")
                                     : ok_or_enosys(0));

  unsigned int r = arc4random_uniform(10);
  arc4random_buf(buf, sizeof buf);
  printf("arc4random: %s\n", r < 10 && (arc4random() | 1) != 0 ? "ok" : "FAILED");
  return 0;
}
