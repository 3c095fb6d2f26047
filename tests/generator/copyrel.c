/* Data glibc exports that a non-PIE program copies into its own .bss (copy relocations): each
   copy's size comes from the stub library the program was linked against. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
  tzset();
  int opt = getopt(argc, argv, "x:");
  errno = 0;
  printf("environ=%d stdout=%d stderr=%d tzname=%d daylight=%d timezone=%d optind=%d opt=%d "
         "errno=%d\n",
         environ != NULL, stdout != NULL, stderr != NULL, tzname[0] != NULL, daylight >= 0,
         timezone >= -86400, optind, opt, errno);
  return 0;
}
