/* Helpers of the clock-aware wait shims (clock_waits.c, clockjoin.c).
 *
 * Before glibc 2.30 every timed wait takes a CLOCK_REALTIME deadline (or, for a condition
 * variable, a deadline on the clock it was created with).  A deadline on another clock is
 * translated at call time: the same distance from now on the wait's own clock. */
#include "clock_deadline.h"
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <stdint.h>
#include <stdlib.h>

#define NSEC_PER_SEC 1000000000L

int glibcpin_wait_clock_supported(clockid_t clock)
{
  return clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC;
}

int glibcpin_valid_nanoseconds(const struct timespec *ts)
{
  return ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

struct timespec glibcpin_clamp_past(const struct timespec *abstime)
{
  if (abstime->tv_sec >= 0)
    return *abstime;
  struct timespec epoch = {0, 0};
  return epoch;
}

/* a - b in nanoseconds, saturated to the int64 range (about 292 years either way). */
static int64_t difference_ns(const struct timespec *a, const struct timespec *b)
{
  int64_t sec;
  if (__builtin_sub_overflow((int64_t)a->tv_sec, (int64_t)b->tv_sec, &sec))
    return a->tv_sec < b->tv_sec ? INT64_MIN : INT64_MAX;
  if (sec >= INT64_MAX / NSEC_PER_SEC)
    return INT64_MAX;
  if (sec <= INT64_MIN / NSEC_PER_SEC)
    return INT64_MIN;
  return sec * NSEC_PER_SEC + (a->tv_nsec - b->tv_nsec);
}

struct timespec glibcpin_translate_deadline(const struct timespec *abstime, clockid_t from,
                                            clockid_t to)
{
  struct timespec now_from, now_to, out;
  clock_gettime(from, &now_from);
  clock_gettime(to, &now_to);
  int64_t remaining = difference_ns(abstime, &now_from);
  int64_t sec = remaining / NSEC_PER_SEC, nsec = remaining % NSEC_PER_SEC;
  if (nsec < 0) {
    nsec += NSEC_PER_SEC;
    sec -= 1;
  }
  int64_t out_sec;
  nsec += now_to.tv_nsec;
  if (nsec >= NSEC_PER_SEC) {
    nsec -= NSEC_PER_SEC;
    sec += 1;
  }
  if (__builtin_add_overflow(sec, (int64_t)now_to.tv_sec, &out_sec)) {
    out.tv_sec = sec > 0 ? INT64_MAX : 0;  /* never in practice: a deadline ~292 years out */
    out.tv_nsec = sec > 0 ? NSEC_PER_SEC - 1 : 0;
    return out;
  }
  if (out_sec < 0) {  /* long past on this clock: its epoch is past too */
    out.tv_sec = 0;
    out.tv_nsec = 0;
    return out;
  }
  out.tv_sec = out_sec;
  out.tv_nsec = nsec;
  return out;
}

long long glibcpin_remaining_ns(const struct timespec *abstime, clockid_t clock)
{
  struct timespec now;
  clock_gettime(clock, &now);
  return difference_ns(abstime, &now);
}

int glibcpin_deadline_reached(const struct timespec *abstime, clockid_t clock)
{
  struct timespec now;
  clock_gettime(clock, &now);
  return difference_ns(&now, abstime) >= 0;
}

/* Distinct from every real address: "looked up, the running glibc has none". */
static char absent;

void *glibcpin_running_glibc_symbol(void **slot, const char *name, const char *version)
{
  void *found = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (found == NULL) {
    /* Our own definitions are hidden, so this finds only the running glibc's. */
    found = dlvsym(RTLD_DEFAULT, name, version);
    if (found == NULL)
      found = &absent;
    __atomic_store_n(slot, found, __ATOMIC_RELEASE);
  }
  return found == &absent ? NULL : found;
}

int glibcpin_running_glibc_minor(void)
{
  static int minor;
  int known = __atomic_load_n(&minor, __ATOMIC_RELAXED);
  if (known == 0) {
    const char *version = gnu_get_libc_version(); /* "2.17" */
    const char *dot = version;
    while (*dot && *dot != '.')
      dot++;
    known = *dot ? atoi(dot + 1) : 0;
    __atomic_store_n(&minor, known, __ATOMIC_RELAXED);
  }
  return known;
}
