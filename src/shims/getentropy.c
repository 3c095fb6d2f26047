/* getentropy: added in glibc 2.25.  Fills buf completely (at most 256 bytes,
 * else EIO as in glibc and OpenBSD), or fails with -1 and errno.
 * Falls back to /dev/urandom when the kernel lacks getrandom (see entropy.c). */
#include "shim.h"
#include "entropy.h"
#include <errno.h>

SHIM int getentropy(void *buf, size_t len)
{
  if (len > 256) {
    errno = EIO;
    return -1;
  }
  return glibcpin_fill_random(buf, len);
}
