/* reallocarray: added in glibc 2.26.  realloc(p, n * size), but fails with
 * ENOMEM (leaving p untouched) when the product overflows size_t. */
#include "shim.h"
#include <errno.h>
#include <stdlib.h>

SHIM void *reallocarray(void *p, size_t n, size_t size)
{
  size_t bytes;
  if (__builtin_mul_overflow(n, size, &bytes)) {
    errno = ENOMEM;
    return NULL;
  }
  return realloc(p, bytes);
}
