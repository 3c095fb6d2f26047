/* strlcpy, strlcat (glibc 2.38) and their _FORTIFY_SOURCE checks __strlcpy_chk,
 * __strlcat_chk (2.38).  The BSD semantics glibc adopted: the result is the length
 * of the string they tried to make, so result >= size means it was truncated. */
#include "shim.h"
#include <stddef.h>
#include <string.h>

extern void __chk_fail(void) __attribute__((noreturn));

SHIM size_t strlcpy(char *dst, const char *src, size_t size)
{
  size_t length = strlen(src);
  if (size != 0) {
    size_t copied = length < size - 1 ? length : size - 1;
    memcpy(dst, src, copied);
    dst[copied] = '\0';
  }
  return length;
}

/* A dst with no NUL within size is left alone: the result is size + strlen(src). */
SHIM size_t strlcat(char *dst, const char *src, size_t size)
{
  size_t used = strnlen(dst, size);
  if (used == size)
    return size + strlen(src);
  return used + strlcpy(dst + used, src, size - used);
}

SHIM size_t __strlcpy_chk(char *dst, const char *src, size_t size, size_t dst_size)
{
  if (dst_size < size)
    __chk_fail();
  return strlcpy(dst, src, size);
}

SHIM size_t __strlcat_chk(char *dst, const char *src, size_t size, size_t dst_size)
{
  if (dst_size < size)
    __chk_fail();
  return strlcat(dst, src, size);
}
