/* wcslcpy, wcslcat (glibc 2.38) and __wcslcpy_chk, __wcslcat_chk (2.38): strlcpy
 * and strlcat for wide strings; sizes count wide characters (the _chk functions'
 * dst_size too: the headers pass the object size / sizeof (wchar_t)). */
#include "shim.h"
#include <stddef.h>
#include <wchar.h>

extern void __chk_fail(void) __attribute__((noreturn));

SHIM size_t wcslcpy(wchar_t *dst, const wchar_t *src, size_t size)
{
  size_t length = wcslen(src);
  if (size != 0) {
    size_t copied = length < size - 1 ? length : size - 1;
    wmemcpy(dst, src, copied);
    dst[copied] = L'\0';
  }
  return length;
}

SHIM size_t wcslcat(wchar_t *dst, const wchar_t *src, size_t size)
{
  size_t used = wcsnlen(dst, size);
  if (used == size)
    return size + wcslen(src);
  return used + wcslcpy(dst + used, src, size - used);
}

SHIM size_t __wcslcpy_chk(wchar_t *dst, const wchar_t *src, size_t size, size_t dst_size)
{
  if (dst_size < size)
    __chk_fail();
  return wcslcpy(dst, src, size);
}

SHIM size_t __wcslcat_chk(wchar_t *dst, const wchar_t *src, size_t size, size_t dst_size)
{
  if (dst_size < size)
    __chk_fail();
  return wcslcat(dst, src, size);
}
