/* Internal helpers of the clock-aware wait shims (clock_deadline.c). */
#ifndef GLIBCPIN_CLOCK_DEADLINE_H
#define GLIBCPIN_CLOCK_DEADLINE_H
#include "shim.h"
#include <time.h>

/* The clocks glibc >= 2.30 accepts for the *clock* waits: CLOCK_REALTIME, CLOCK_MONOTONIC. */
SHIM int glibcpin_wait_clock_supported(clockid_t clock);
/* 0 <= tv_nsec < 1e9. */
SHIM int glibcpin_valid_nanoseconds(const struct timespec *ts);
/* The absolute time on clock `to` that lies as far from now as `abstime` does on clock `from`,
 * taken now; saturated at both ends (never negative). */
SHIM struct timespec glibcpin_translate_deadline(const struct timespec *abstime, clockid_t from,
                                                 clockid_t to);
/* A negative tv_sec means "long past" to glibc >= 2.30: make it a valid past time. */
SHIM struct timespec glibcpin_clamp_past(const struct timespec *abstime);
/* Nanoseconds from now on `clock` until `abstime` (negative once passed), saturated. */
SHIM long long glibcpin_remaining_ns(const struct timespec *abstime, clockid_t clock);
/* Whether clock `clock` has reached `abstime`. */
SHIM int glibcpin_deadline_reached(const struct timespec *abstime, clockid_t clock);
/* The running glibc's own definition of name@version, or NULL when it has none (a glibc older
 * than the interface). Looked up once per slot. */
SHIM void *glibcpin_running_glibc_symbol(void **slot, const char *name, const char *version);
/* The running glibc's minor version (17 for 2.17). */
SHIM int glibcpin_running_glibc_minor(void);
#endif
