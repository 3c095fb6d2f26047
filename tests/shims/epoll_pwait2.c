/* epoll_pwait2: a ready pipe, a timeout that must take its time, a signal mask,
 * errors; then on a kernel without the system call. */
#include "shim_test.h"
#include <signal.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void run(void)
{
  int ep = epoll_create1(0), pipe_fds[2];
  pipe(pipe_fds);
  struct epoll_event event = {.events = EPOLLIN, .data.u32 = 7}, got[4];
  epoll_ctl(ep, EPOLL_CTL_ADD, pipe_fds[0], &event);

  struct timespec zero = {0, 0}, fifty_ms = {0, 50 * 1000 * 1000};
  REPORT("epoll_pwait2(empty, timeout 0)", epoll_pwait2(ep, got, 4, &zero, NULL));
  double start = now();
  errno = 0;
  int n = epoll_pwait2(ep, got, 4, &fifty_ms, NULL);
  double waited = now() - start;
  report("epoll_pwait2(empty, timeout 50 ms)", n, errno);
  printf("  waited 50..1000 ms: %d\n", waited >= 0.049 && waited < 1.0);
  write(pipe_fds[1], "x", 1);
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  REPORT("epoll_pwait2(ready, with a mask)", epoll_pwait2(ep, got, 4, NULL, &mask));
  printf("  data=%u events=%#x\n", got[0].data.u32, got[0].events);
  REPORT("epoll_pwait2(bad fd)", epoll_pwait2(-1, got, 4, &zero, NULL));
  REPORT("epoll_pwait2(maxevents 0)", epoll_pwait2(ep, got, 0, &zero, NULL));
  struct timespec bad = {0, 2000000000L};
  REPORT("epoll_pwait2(bad timeout)", epoll_pwait2(ep, got, 4, &bad, NULL));
  close(ep);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
}

int main(void)
{
  run();
  int numbers[] = {441};
  as_if_kernel_lacks(numbers, 1);
  run();
  return 0;
}
