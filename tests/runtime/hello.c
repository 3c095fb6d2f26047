/* The runtime harness's hello world. Built plainly on the host (no glibc-pin),
 * it needs GLIBC_2.34 (__libc_start_main), so it is the negative control:
 * it must fail on glibc < 2.34 and run on 2.34 and newer. It prints the glibc
 * it actually ran on, so a test can tell which runtime was used. */
#include <gnu/libc-version.h>
#include <stdio.h>

int main(void) {
  printf("Hello from glibc-pin's runtime harness (glibc %s)\n", gnu_get_libc_version());
  return 0;
}
