/* pidfd_open, pidfd_send_signal, pidfd_getfd: a child killed through its pidfd, a
 * descriptor taken from the process itself, errors; then on a kernel without them. */
#include "shim_test.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/pidfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(void)
{
  int self = pidfd_open(getpid(), 0);
  printf("pidfd_open(self): %s\n", self >= 0 ? "a pidfd" : errno_name(errno));
  REPORT("pidfd_send_signal(self, 0)", pidfd_send_signal(self, 0, NULL, 0));
  int dup = pidfd_getfd(self, 1, 0);
  printf("pidfd_getfd(self, 1): %s\n", dup >= 0 ? "a descriptor" : errno_name(errno));
  if (dup >= 0) {
    printf("  same file as stdout: %d\n", fcntl(dup, F_GETFL) == fcntl(1, F_GETFL));
    close(dup);
  }
  REPORT("pidfd_open(-1)", pidfd_open(-1, 0));
  REPORT("pidfd_open(bad flags)", pidfd_open(getpid(), 0x1234));
  REPORT("pidfd_send_signal(bad fd)", pidfd_send_signal(-1, SIGTERM, NULL, 0));
  REPORT("pidfd_getfd(bad fd)", pidfd_getfd(-1, 0, 0));
  REPORT("pidfd_getfd(bad flags)", pidfd_getfd(self, 0, 1));

  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  int pidfd = pidfd_open(child, 0);
  if (pidfd >= 0) {
    REPORT("pidfd_send_signal(child, SIGTERM)", pidfd_send_signal(pidfd, SIGTERM, NULL, 0));
    close(pidfd);
  } else {
    printf("pidfd_open(child): %s\n", errno_name(errno));
    kill(child, SIGKILL);
  }
  int status;
  waitpid(child, &status, 0);
  printf("child: %s\n", WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM ? "killed by SIGTERM" : "other end");
  if (self >= 0)
    close(self);
}

int main(void)
{
  run();
  int numbers[] = {SYS_pidfd_open, SYS_pidfd_send_signal, SYS_pidfd_getfd};
  as_if_kernel_lacks(numbers, 3);
  run();
  return 0;
}
