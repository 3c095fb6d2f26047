/* pthread_clockjoin_np: added in glibc 2.31, a pthread_timedjoin_np whose deadline may be on
 * CLOCK_MONOTONIC.  On a running glibc >= 2.31 the call goes to glibc's own (dlvsym), after
 * the clock check of later glibc (2.31 itself took any clock, and joined at once on a CPU-time
 * clock; 2.36 refuses it with EINVAL, as this does everywhere).
 *
 * On an older one: EINVAL for clocks other than CLOCK_REALTIME and CLOCK_MONOTONIC; no
 * deadline is pthread_join; otherwise the join is polled: pthread_tryjoin_np, then a sleep on
 * the caller's own clock (clock_nanosleep TIMER_ABSTIME, so the deadline is exact on either
 * clock, wall-clock jumps included) of 50 us, doubling up to 10 ms.  Not
 * pthread_timedjoin_np: in the glibc 2.17 we test on, its assembly __lll_timedwait_tid calls
 * gettimeofday through a lazily bound PLT slot with a misaligned stack, and the IFUNC
 * resolver (compiled by a modern gcc, with aligned SSE stores) crashes.
 * Limits: a thread that ends is joined up to 10 ms later than glibc's futex wait would; a
 * tv_nsec out of range is EINVAL (as glibc 2.31; later glibc ignores the deadline). */
#include "clock_deadline.h"
#include <errno.h>
#include <pthread.h>

typedef int clockjoin_fn(pthread_t, void **, clockid_t, const struct timespec *);
static void *real_clockjoin;

#define FIRST_POLL_NS 50000L
#define LAST_POLL_NS 10000000L

SHIM int pthread_clockjoin_np(pthread_t thread, void **result, clockid_t clock,
                              const struct timespec *abstime)
{
  /* Checked here even for a glibc that has the function (2.31 did not check). */
  if (!glibcpin_wait_clock_supported(clock))
    return EINVAL;
  clockjoin_fn *real =
      glibcpin_running_glibc_symbol(&real_clockjoin, "pthread_clockjoin_np", "GLIBC_2.31");
  if (real)
    return real(thread, result, clock, abstime);
  if (abstime == NULL)
    return pthread_join(thread, result);
  if (pthread_equal(thread, pthread_self()))
    return EDEADLK;
  long poll_ns = FIRST_POLL_NS;
  for (;;) {
    int error = pthread_tryjoin_np(thread, result);
    if (error != EBUSY)
      return error;
    if (!glibcpin_valid_nanoseconds(abstime))
      return EINVAL;
    if (abstime->tv_sec < 0 || glibcpin_deadline_reached(abstime, clock))
      return ETIMEDOUT;
    struct timespec wake;
    clock_gettime(clock, &wake);
    wake.tv_nsec += poll_ns;
    if (wake.tv_nsec >= 1000000000L) {
      wake.tv_nsec -= 1000000000L;
      wake.tv_sec += 1;
    }
    if (wake.tv_sec > abstime->tv_sec ||
        (wake.tv_sec == abstime->tv_sec && wake.tv_nsec > abstime->tv_nsec))
      wake = *abstime;
    clock_nanosleep(clock, TIMER_ABSTIME, &wake, NULL);
    if (poll_ns < LAST_POLL_NS)
      poll_ns *= 2;
  }
}
