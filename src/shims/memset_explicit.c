/* memset_explicit (C23, glibc 2.43) and its _FORTIFY_SOURCE check
 * __memset_explicit_chk (2.43): a memset the compiler may not remove. */
#include "shim.h"
#include <stddef.h>
#include <string.h>

extern void __chk_fail(void) __attribute__((noreturn));

SHIM void *memset_explicit(void *s, int c, size_t n)
{
  memset(s, c, n);
  __asm__ __volatile__("" : : "r"(s) : "memory");  /* the stores must happen */
  return s;
}

SHIM void *__memset_explicit_chk(void *s, int c, size_t n, size_t dst_size)
{
  if (dst_size < n)
    __chk_fail();
  return memset_explicit(s, c, n);
}
