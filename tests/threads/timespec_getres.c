/* Differential test of timespec_getres (glibc 2.34, C23): the resolution of TIME_UTC (the same
 * as clock_getres(CLOCK_REALTIME)), a NULL pointer, and bases it does not know. */
#define _GNU_SOURCE /* C23 declarations with an older -std */
#include <stdio.h>
#include <time.h>

int main(void)
{
  struct timespec res = {-1, -1}, expected;
  clock_getres(CLOCK_REALTIME, &expected);
  int r = timespec_getres(&res, TIME_UTC);
  printf("TIME_UTC: %d, same as clock_getres(CLOCK_REALTIME): %s\n", r,
         res.tv_sec == expected.tv_sec && res.tv_nsec == expected.tv_nsec ? "yes" : "no");
  printf("TIME_UTC, NULL: %d\n", timespec_getres(NULL, TIME_UTC));
  struct timespec untouched = {7, 7};
  int bases[3] = {0, 2, -1};
  for (int i = 0; i < 3; i++) {
    r = timespec_getres(&untouched, bases[i]);
    printf("base %d: %d, untouched: %s\n", bases[i], r,
           untouched.tv_sec == 7 && untouched.tv_nsec == 7 ? "yes" : "no");
  }
  return 0;
}
