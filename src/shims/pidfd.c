/* pidfd_open, pidfd_send_signal, pidfd_getfd: added in glibc 2.36 (the system
 * calls in Linux 5.3, 5.1 and 5.6).  Plain system calls, as glibc's: ENOSYS on
 * older kernels. */
#include "shim.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

SHIM int pidfd_open(pid_t pid, unsigned int flags)
{
  return (int)syscall(SYS_pidfd_open, pid, flags);
}

SHIM int pidfd_send_signal(int pidfd, int signal, siginfo_t *info, unsigned int flags)
{
  return (int)syscall(SYS_pidfd_send_signal, pidfd, signal, info, flags);
}

SHIM int pidfd_getfd(int pidfd, int target_fd, unsigned int flags)
{
  return (int)syscall(SYS_pidfd_getfd, pidfd, target_fd, flags);
}
