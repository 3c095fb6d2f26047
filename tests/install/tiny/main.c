#include <gnu/libc-version.h>
#include <stdio.h>
#include <sys/random.h>

int main(void) {
  unsigned char byte;
  if (getrandom(&byte, 1, 0) != 1)
    return 1;
  printf("tiny: getrandom works on glibc %s\n", gnu_get_libc_version());
  return 0;
}
