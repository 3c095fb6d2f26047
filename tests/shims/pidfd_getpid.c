/* pidfd_getpid (glibc 2.39, newer than the host's): the pid behind a pidfd of this
 * process and of a child, before and after it is reaped; a descriptor that is not a
 * pidfd; a closed one.  "real": the running glibc's own (differential.sh --against). */
#include "shim_test.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t pidfd_getpid(int fd);

int main(int argc, char **argv)
{
  int real = argc > 1 && strcmp(argv[1], "real") == 0;
  pid_t (*getpid_of)(int) = PICK(real, pidfd_getpid);
  int self = (int)syscall(SYS_pidfd_open, getpid(), 0);
  errno = 0;
  pid_t pid = getpid_of(self);
  printf("self: %s\n", pid == getpid() ? "own pid" : errno_name(errno));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
  errno = 0;
  pid = getpid_of(pidfd);
  printf("child: %s\n", pid == child ? "its pid" : errno_name(errno));
  kill(child, SIGKILL);
  waitpid(child, NULL, 0);
  REPORT("reaped child", getpid_of(pidfd));
  REPORT("not a pidfd (stdin)", getpid_of(open("/dev/null", O_RDONLY)));
  REPORT("closed descriptor", getpid_of(900));
  REPORT("negative descriptor", getpid_of(-1));
  return 0;
}
