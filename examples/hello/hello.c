/* examples/hello: the smallest program to pin. Built plainly on Debian 12 it
 * needs GLIBC_2.34; pinned by glibc-pin it is meant to run on glibc 2.17. */
#include <gnu/libc-version.h>
#include <stdio.h>

int main(void) {
  printf("Hello, world (running on glibc %s)\n", gnu_get_libc_version());
  return 0;
}
