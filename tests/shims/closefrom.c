/* closefrom: which descriptors stay open; then the same on a kernel without
 * close_range (the /proc/self/fd fallback). */
#include "shim_test.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void run(void)
{
  int base = open("/dev/null", O_RDONLY);
  dup2(base, 10);
  dup2(base, 11);
  dup2(base, 50);
  dup2(base, 900);
  close(base);
  closefrom(11);
  int fds[] = {0, 1, 2, 10, 11, 50, 900};
  for (unsigned i = 0; i < sizeof fds / sizeof *fds; i++)
    printf("fd %d: %s\n", fds[i], fcntl(fds[i], F_GETFD) == -1 && errno == EBADF ? "closed" : "open");
  close(10);
  closefrom(1000); /* nothing to close */
  printf("closefrom(1000): ok\n");
  fflush(stdout);
}

int main(void)
{
  run();
  int numbers[] = {SYS_close_range};
  as_if_kernel_lacks(numbers, 1);
  run();
  return 0;
}
