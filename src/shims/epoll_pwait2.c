/* epoll_pwait2: added in glibc 2.35 (the system call in Linux 5.11).  A plain
 * system call, as glibc's (ENOSYS on older kernels); the signal set is passed with
 * the kernel's size of it (64 signals: 8 bytes), not sizeof(sigset_t). */
#include "shim.h"
#include <signal.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441 /* x86_64 */
#endif

SHIM int epoll_pwait2(int epfd, struct epoll_event *events, int max_events,
                      const struct timespec *timeout, const sigset_t *mask)
{
  return (int)syscall(SYS_epoll_pwait2, epfd, events, max_events, timeout, mask, 64 / 8);
}
