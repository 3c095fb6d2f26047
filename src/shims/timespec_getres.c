/* timespec_getres: added in glibc 2.34 (C23).  For TIME_UTC it stores the resolution of
 * CLOCK_REALTIME (if ts is not NULL) and returns TIME_UTC; any other base returns 0 and leaves
 * ts alone, as glibc does. */
#include "shim.h"
#include <time.h>

#ifndef TIME_UTC
#define TIME_UTC 1
#endif

SHIM int timespec_getres(struct timespec *ts, int base)
{
  if (base != TIME_UTC)
    return 0;
  clock_getres(CLOCK_REALTIME, ts);
  return base;
}
