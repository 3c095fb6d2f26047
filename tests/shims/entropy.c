/* getrandom, getentropy (glibc 2.25), arc4random, arc4random_buf, arc4random_uniform (2.36):
 * what they return (the bytes are random, so only their properties are printed), flags and
 * errors; then, on a kernel without getrandom, the arc4random family (glibc 2.36 and the shim
 * both read /dev/urandom then).  Left out there: getrandom and getentropy, where glibc reports
 * ENOSYS and the shims fall back to /dev/urandom (src/shims/README.md).  No NULL buffer: the
 * kernel says EFAULT, sid's getrandom (vDSO, glibc 2.41+) crashes. */
#include "shim_test.h"
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/syscall.h>

static int looks_random(const unsigned char *p, size_t n)
{
  /* 4096 random bytes have (almost surely) more than 200 distinct values and no run of 8 */
  int seen[256] = {0}, distinct = 0, run = 1, longest = 1;
  for (size_t i = 0; i < n; i++) {
    distinct += !seen[p[i]]++;
    run = i && p[i] == p[i - 1] ? run + 1 : 1;
    longest = run > longest ? run : longest;
  }
  return n < 4096 ? n == 0 || longest < 8 : distinct > 200 && longest < 8;
}

static void arc4(void)
{
  unsigned char a[4096], b[4096];
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  arc4random_buf(a, sizeof a);
  arc4random_buf(b, sizeof b);
  printf("arc4random_buf: random %d, two calls differ %d\n", looks_random(a, sizeof a), memcmp(a, b, sizeof a) != 0);
  arc4random_buf(a, 0);
  uint32_t x = arc4random(), y = arc4random(), z = arc4random();
  printf("arc4random: three values differ %d\n", x != y || y != z);
  printf("arc4random_uniform(0) = %u, (1) = %u\n", arc4random_uniform(0), arc4random_uniform(1));
  int hits[7] = {0}, in_range = 1;
  for (int i = 0; i < 7000; i++) {
    uint32_t v = arc4random_uniform(7);
    in_range &= v < 7;
    if (v < 7)
      hits[v]++;
  }
  int all = 1;
  for (int i = 0; i < 7; i++)
    all &= hits[i] > 700;  /* ~1000 each */
  uint32_t big = arc4random_uniform(0x80000001u);
  printf("arc4random_uniform(7): in range %d, every value often %d; (2^31+1) in range %d\n", in_range,
         all, big < 0x80000001u);
}

int main(void)
{
  unsigned char buf[4096];
  memset(buf, 0, sizeof buf);
  REPORT("getrandom(4096, 0)", getrandom(buf, sizeof buf, 0));
  printf("getrandom bytes look random: %d\n", looks_random(buf, sizeof buf));
  REPORT("getrandom(16, GRND_NONBLOCK)", getrandom(buf, 16, GRND_NONBLOCK));
  REPORT("getrandom(16, GRND_RANDOM)", getrandom(buf, 16, GRND_RANDOM) > 0 ? 16 : -1);
  REPORT("getrandom(0, 0)", getrandom(buf, 0, 0));
  REPORT("getrandom(16, bad flags)", getrandom(buf, 16, 0x100));
  memset(buf, 0, sizeof buf);
  REPORT("getentropy(256)", getentropy(buf, 256));
  printf("getentropy bytes look random: %d\n", looks_random(buf, 256));
  REPORT("getentropy(0)", getentropy(buf, 0));
  REPORT("getentropy(257)", getentropy(buf, 257));
  arc4();
  int numbers[] = {SYS_getrandom};
  as_if_kernel_lacks(numbers, 1);
  arc4();
  return 0;
}
