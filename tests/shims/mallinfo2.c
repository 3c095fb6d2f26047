/* mallinfo2: what changes when the program allocates (the absolute figures are the
 * allocator's own and differ between glibc releases). */
#include "shim_test.h"
#include <malloc.h>
#include <stdlib.h>

int main(void)
{
  struct mallinfo2 before = mallinfo2();
  /* volatile: the compiler may not drop an allocation that is never read */
  char *volatile big = malloc(8 << 20); /* above the mmap threshold: one mmapped chunk */
  big[0] = 1;
  char *volatile small[100];
  for (int i = 0; i < 100; i++) {
    small[i] = malloc(1000);
    small[i][0] = 1;
  }
  struct mallinfo2 during = mallinfo2();
  printf("mmapped chunks: +%zu\n", during.hblks - before.hblks);
  printf("mmapped bytes >= 8 MiB more: %d\n", during.hblkhd - before.hblkhd >= (8u << 20));
  printf("in use grew by >= 100000: %d\n", during.uordblks - before.uordblks >= 100000);
  printf("arena >= in use: %d\n", during.arena >= during.uordblks);
  free(big);
  for (int i = 0; i < 100; i++)
    free(small[i]);
  struct mallinfo2 after = mallinfo2();
  printf("mmapped chunks after free: %zu\n", after.hblks - before.hblks);
  return 0;
}
