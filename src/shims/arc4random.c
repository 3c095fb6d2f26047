/* arc4random, arc4random_buf, arc4random_uniform: added in glibc 2.36.
 *
 * glibc's versions cannot fail: they abort when no randomness is available.
 * Ours draw every byte from the kernel (getrandom, else /dev/urandom: see
 * entropy.c) and abort the same way.  Slower than a user-space generator,
 * but correct across fork() with no state to reseed (glibc >= 2.37 does the
 * same). */
#include "shim.h"
#include "entropy.h"
#include <stdint.h>
#include <stdlib.h>

SHIM void arc4random_buf(void *buf, size_t len)
{
  if (glibcpin_fill_random(buf, len) != 0)
    abort();
}

SHIM uint32_t arc4random(void)
{
  uint32_t r;
  arc4random_buf(&r, sizeof r);
  return r;
}

/* Uniform in [0, upper): reject the values below 2^32 mod upper, so the
 * values left are an exact multiple of upper (no modulo bias). */
SHIM uint32_t arc4random_uniform(uint32_t upper)
{
  if (upper < 2)
    return 0;
  uint32_t min = -upper % upper;
  uint32_t r;
  do
    r = arc4random();
  while (r < min);
  return r % upper;
}
