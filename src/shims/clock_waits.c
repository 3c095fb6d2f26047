/* The clock-aware waits of glibc 2.30: pthread_cond_clockwait, pthread_mutex_clocklock,
 * pthread_rwlock_clockrdlock, pthread_rwlock_clockwrlock and sem_clockwait.  libstdc++'s
 * headers call the first four from user code (condition_variable::wait_for, timed_mutex,
 * shared_timed_mutex) with CLOCK_MONOTONIC deadlines.
 *
 * On a running glibc >= 2.30 each call goes to glibc's own function (found once with dlvsym):
 * exact behaviour.  On an older glibc:
 * - The clock is checked first (EINVAL unless CLOCK_REALTIME or CLOCK_MONOTONIC), then
 *   tv_nsec where glibc 2.30 checks it.
 * - A deadline on the clock the old wait uses is passed on unchanged: exact.  The old waits
 *   use CLOCK_REALTIME, except a condition variable created with pthread_condattr_setclock:
 *   its clock is read from the object (two layouts: before and since glibc 2.25).
 * - A deadline on the other clock is translated at call time (the same distance from now),
 *   and the wait's result is checked against the caller's own clock: a wait that ends early
 *   because the wait's clock ran ahead is not a timeout.  Mutexes, rwlocks and semaphores
 *   then wait again (nothing is lost: their state is the lock itself).  A condition variable
 *   waits again only when it ended a little early (clock drift, at most 2 % of the wait or
 *   2 ms); otherwise (the wall clock jumped) it returns 0, a spurious wake-up, because waiting
 *   again without the caller's predicate check could delay a signal sent while the mutex was
 *   being re-acquired by the whole remainder.
 * - Limit: a wait on a translated deadline lasts longer by as much as the wait's clock is set
 *   back during the wait (no older glibc can wait for a CLOCK_MONOTONIC deadline on these
 *   objects).  A negative tv_sec is a deadline long past (ETIMEDOUT), as in glibc 2.30. */
#include "clock_deadline.h"
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

/* The first members of pthread_cond_t before glibc 2.25: bit 0 of __nwaiters is the clock. */
struct cond_before_2_25 {
  int lock;
  unsigned int futex;
  unsigned long long total_seq, wakeup_seq, woken_seq;
  void *mutex;
  unsigned int nwaiters;
};
/* Since 2.25: bit 1 (__PTHREAD_COND_CLOCK_MONOTONIC_MASK) of __wrefs. */
struct cond_since_2_25 {
  unsigned long long wseq, g1_start;
  unsigned int g_refs[2], g_size[2], g1_orig_size;
  unsigned int wrefs;
};

/* The clock an old glibc's pthread_cond_timedwait measures this condition variable's
 * deadlines on. Only these bits are read, and they never change after pthread_cond_init. */
static clockid_t cond_clock(pthread_cond_t *cond)
{
  if (glibcpin_running_glibc_minor() < 25) {
    unsigned int *nwaiters = (unsigned int *)((char *)cond + offsetof(struct cond_before_2_25, nwaiters));
    return (__atomic_load_n(nwaiters, __ATOMIC_RELAXED) & 1) ? CLOCK_MONOTONIC : CLOCK_REALTIME;
  }
  unsigned int *wrefs = (unsigned int *)((char *)cond + offsetof(struct cond_since_2_25, wrefs));
  return (__atomic_load_n(wrefs, __ATOMIC_RELAXED) & 2) ? CLOCK_MONOTONIC : CLOCK_REALTIME;
}

typedef int cond_clockwait_fn(pthread_cond_t *, pthread_mutex_t *, clockid_t,
                              const struct timespec *);
static void *real_cond_clockwait;

/* How early a translated condvar wait may time out and still be waited out here: clocks that
 * drift apart (CLOCK_REALTIME slewed by NTP, or a VM's wall clock being corrected: 0.5 % was
 * seen on the test machine) end it a little early; a jump of the wall clock, more. */
#define DRIFT_FLOOR_NS 2000000LL
#define DRIFT_SHARE 50 /* 2 % of the wait */

SHIM int pthread_cond_clockwait(pthread_cond_t *cond, pthread_mutex_t *mutex, clockid_t clock,
                                const struct timespec *abstime)
{
  cond_clockwait_fn *real =
      glibcpin_running_glibc_symbol(&real_cond_clockwait, "pthread_cond_clockwait", "GLIBC_2.30");
  if (real)
    return real(cond, mutex, clock, abstime);
  if (!glibcpin_valid_nanoseconds(abstime) || !glibcpin_wait_clock_supported(clock))
    return EINVAL;
  clockid_t own = cond_clock(cond);
  if (own == clock) {
    struct timespec deadline = glibcpin_clamp_past(abstime);
    return pthread_cond_timedwait(cond, mutex, &deadline);
  }
  long long drift = glibcpin_remaining_ns(abstime, clock) / DRIFT_SHARE;
  if (drift < DRIFT_FLOOR_NS)
    drift = DRIFT_FLOOR_NS;
  for (;;) {
    struct timespec deadline = glibcpin_translate_deadline(abstime, clock, own);
    int result = pthread_cond_timedwait(cond, mutex, &deadline);
    if (result != ETIMEDOUT)
      return result;
    long long remaining = glibcpin_remaining_ns(abstime, clock);
    if (remaining <= 0)
      return ETIMEDOUT;
    /* The condvar's clock ran ahead of the caller's.  A jump: report a spurious wake-up, the
     * caller re-checks its predicate and waits again.  Drift: wait out the rest here, or
     * libstdc++'s wait_for would report no_timeout after a timeout.  Waiting again without
     * the caller's check can only delay a signal sent while the mutex was being re-acquired,
     * and by at most this remainder. */
    if (remaining > drift)
      return 0;
  }
}

/* A lock that takes a CLOCK_REALTIME deadline, retried on a translated one until the
 * caller's own clock says it is late. */
typedef int timed_lock_fn(void *lock, const struct timespec *abstime);

static int lock_by_deadline(timed_lock_fn *timed_lock, void *lock, clockid_t clock,
                            const struct timespec *abstime)
{
  if (clock == CLOCK_REALTIME || !glibcpin_valid_nanoseconds(abstime)) {
    struct timespec deadline = glibcpin_valid_nanoseconds(abstime) ? glibcpin_clamp_past(abstime)
                                                                    : *abstime;
    return timed_lock(lock, &deadline);
  }
  for (;;) {
    struct timespec deadline = glibcpin_translate_deadline(abstime, clock, CLOCK_REALTIME);
    int result = timed_lock(lock, &deadline);
    if (result != ETIMEDOUT || glibcpin_deadline_reached(abstime, clock))
      return result;
  }
}

static int mutex_timedlock(void *lock, const struct timespec *abstime)
{
  return pthread_mutex_timedlock(lock, abstime);
}

typedef int mutex_clocklock_fn(pthread_mutex_t *, clockid_t, const struct timespec *);
static void *real_mutex_clocklock;

/* As glibc 2.30: the clock is checked on every call, tv_nsec only when the call must wait. */
SHIM int pthread_mutex_clocklock(pthread_mutex_t *mutex, clockid_t clock,
                                 const struct timespec *abstime)
{
  mutex_clocklock_fn *real = glibcpin_running_glibc_symbol(
      &real_mutex_clocklock, "pthread_mutex_clocklock", "GLIBC_2.30");
  if (real)
    return real(mutex, clock, abstime);
  if (!glibcpin_wait_clock_supported(clock))
    return EINVAL;
  return lock_by_deadline(mutex_timedlock, mutex, clock, abstime);
}

static int rwlock_timedrdlock(void *lock, const struct timespec *abstime)
{
  return pthread_rwlock_timedrdlock(lock, abstime);
}

static int rwlock_timedwrlock(void *lock, const struct timespec *abstime)
{
  return pthread_rwlock_timedwrlock(lock, abstime);
}

typedef int rwlock_clocklock_fn(pthread_rwlock_t *, clockid_t, const struct timespec *);
static void *real_rwlock_clockrdlock, *real_rwlock_clockwrlock;

/* As glibc 2.30: tv_nsec and the clock are checked on every call, even when the lock is free
 * (glibc also refuses a NULL abstime, which <pthread.h> declares nonnull). */
SHIM int pthread_rwlock_clockrdlock(pthread_rwlock_t *rwlock, clockid_t clock,
                                    const struct timespec *abstime)
{
  rwlock_clocklock_fn *real = glibcpin_running_glibc_symbol(
      &real_rwlock_clockrdlock, "pthread_rwlock_clockrdlock", "GLIBC_2.30");
  if (real)
    return real(rwlock, clock, abstime);
  if (!glibcpin_valid_nanoseconds(abstime) ||
      !glibcpin_wait_clock_supported(clock))
    return EINVAL;
  return lock_by_deadline(rwlock_timedrdlock, rwlock, clock, abstime);
}

SHIM int pthread_rwlock_clockwrlock(pthread_rwlock_t *rwlock, clockid_t clock,
                                    const struct timespec *abstime)
{
  rwlock_clocklock_fn *real = glibcpin_running_glibc_symbol(
      &real_rwlock_clockwrlock, "pthread_rwlock_clockwrlock", "GLIBC_2.30");
  if (real)
    return real(rwlock, clock, abstime);
  if (!glibcpin_valid_nanoseconds(abstime) ||
      !glibcpin_wait_clock_supported(clock))
    return EINVAL;
  return lock_by_deadline(rwlock_timedwrlock, rwlock, clock, abstime);
}

/* sem_timedwait reports errors in errno; the lock helpers above return them. */
static int sem_timedwait_result(void *sem, const struct timespec *abstime)
{
  return sem_timedwait(sem, abstime) == 0 ? 0 : errno;
}

typedef int sem_clockwait_fn(sem_t *, clockid_t, const struct timespec *);
static void *real_sem_clockwait;

/* As glibc 2.30: the clock, then tv_nsec, are checked before the semaphore is tried. */
SHIM int sem_clockwait(sem_t *sem, clockid_t clock, const struct timespec *abstime)
{
  sem_clockwait_fn *real =
      glibcpin_running_glibc_symbol(&real_sem_clockwait, "sem_clockwait", "GLIBC_2.30");
  if (real)
    return real(sem, clock, abstime);
  if (!glibcpin_wait_clock_supported(clock) || !glibcpin_valid_nanoseconds(abstime)) {
    errno = EINVAL;
    return -1;
  }
  int saved = errno;
  if (sem_trywait(sem) == 0)
    return 0;
  errno = saved;
  int result = lock_by_deadline(sem_timedwait_result, sem, clock, abstime);
  if (result == 0)
    return 0;
  errno = result;
  return -1;
}
