/* preadv2, pwritev2, preadv64v2, pwritev64v2: offsets, offset -1, flags; then on a
 * kernel without the system calls (no flags: preadv/pwritev; flags: ENOTSUP). */
#include "shim_test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef RWF_HIPRI
#define RWF_HIPRI 1
#define RWF_DSYNC 2
#endif

static void run(int fd)
{
  char a[6] = {0}, b[6] = {0};
  struct iovec read_iov[2] = {{a, 5}, {b, 5}};
  struct iovec write_iov[1] = {{(void *)"HELLO", 5}};
  ftruncate(fd, 0);
  pwrite(fd, "hello world, again", 18, 0);
  lseek(fd, 0, SEEK_SET);
  REPORT("preadv2(offset 6)", preadv2(fd, read_iov, 2, 6, 0));
  printf("read: [%s][%s]\n", a, b);
  REPORT("preadv2(offset -1)", preadv2(fd, read_iov, 2, -1, 0));
  printf("read: [%s][%s] position=%ld\n", a, b, (long)lseek(fd, 0, SEEK_CUR));
  REPORT("preadv64v2(offset 13)", preadv64v2(fd, read_iov, 1, 13, 0));
  printf("read: [%s]\n", a);
  REPORT("pwritev2(offset 0, RWF_DSYNC)", pwritev2(fd, write_iov, 1, 0, RWF_DSYNC));
  REPORT("pwritev64v2(offset -1)", pwritev64v2(fd, write_iov, 1, -1, 0));
  REPORT("pwritev2(offset 0)", pwritev2(fd, write_iov, 1, 0, 0));
  char all[32] = {0};
  pread(fd, all, sizeof all - 1, 0);
  printf("file: %s\n", all);
  REPORT("preadv2(unknown flag)", preadv2(fd, read_iov, 1, 0, 0x40000));
  REPORT("preadv2(bad fd)", preadv2(-1, read_iov, 1, 0, 0));
  REPORT("preadv2(negative offset)", preadv2(fd, read_iov, 1, -5, 0));
}

int main(void)
{
  char path[] = "/tmp/preadv2-XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  run(fd);
  int numbers[] = {SYS_preadv2, SYS_pwritev2};
  as_if_kernel_lacks(numbers, 2);
  run(fd);
  return 0;
}
