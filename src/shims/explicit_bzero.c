/* explicit_bzero and __explicit_bzero_chk: added in glibc 2.25.  Hardened builds
 * (_FORTIFY_SOURCE) turn every explicit_bzero with a known buffer size into
 * __explicit_bzero_chk, which ends the program through __chk_fail (as every
 * other *_chk function does) when the length exceeds the buffer.  The empty asm
 * that takes the buffer and clobbers memory keeps the compiler from dropping the
 * memset as a dead store, which is all explicit_bzero promises. */
#include "shim.h"
#include <string.h>

extern void __chk_fail(void) __attribute__((noreturn));

SHIM void explicit_bzero(void *buffer, size_t length)
{
  memset(buffer, 0, length);
  __asm__ __volatile__("" : : "r"(buffer) : "memory");
}

SHIM void __explicit_bzero_chk(void *buffer, size_t length, size_t buffer_size)
{
  if (buffer_size < length)
    __chk_fail();
  explicit_bzero(buffer, length);
}
