/* Small C23/C2y library functions of glibc 2.42-2.43 that a program may call directly:
 * uabs ulabs ullabs uimaxabs (2.42), umaxabs (2.43): the absolute value as the unsigned
 * type (defined for the most negative value too); free_sized, free_aligned_sized (2.43):
 * free, the size being only a hint glibc may check; memalignment (2.43): the largest power
 * of two the address is a multiple of, 0 for NULL. */
#include "shim.h"
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

SHIM unsigned int uabs(int x) { return x < 0 ? 0u - (unsigned)x : (unsigned)x; }
SHIM unsigned long ulabs(long x) { return x < 0 ? 0ul - (unsigned long)x : (unsigned long)x; }
SHIM unsigned long long ullabs(long long x)
{
  return x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x;
}
SHIM uintmax_t uimaxabs(intmax_t x) { return x < 0 ? 0 - (uintmax_t)x : (uintmax_t)x; }
SHIM uintmax_t umaxabs(intmax_t x) { return uimaxabs(x); }

SHIM void free_sized(void *p, size_t size)
{
  (void)size;
  free(p);
}

SHIM void free_aligned_sized(void *p, size_t alignment, size_t size)
{
  (void)alignment;
  (void)size;
  free(p);
}

SHIM size_t memalignment(const void *p)
{
  uintptr_t address = (uintptr_t)p;
  return (size_t)(address & (0 - address));
}
