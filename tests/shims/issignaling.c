/* issignaling (libm: __issignaling, __issignalingf, __issignalingl, __issignalingf128)
 * on zero, numbers, infinities, quiet and signaling NaNs of both signs. */
#include "shim_test.h"
#include <math.h>
#include <stdint.h>

extern int __issignalingf128(_Float128);

static double d_bits(uint64_t bits) { double x; memcpy(&x, &bits, sizeof x); return x; }
static float f_bits(uint32_t bits) { float x; memcpy(&x, &bits, sizeof x); return x; }
static long double ld_bits(uint16_t sign_exponent, uint64_t significand)
{
  long double x = 0;
  memcpy(&x, &significand, 8);
  memcpy((char *)&x + 8, &sign_exponent, 2);
  return x;
}
static _Float128 q_bits(uint64_t high, uint64_t low)
{
  _Float128 x;
  uint64_t words[2] = {low, high};
  memcpy(&x, words, sizeof x);
  return x;
}

int main(int argc, char **argv)
{
  volatile double ds[] = {0.0, -1.5, INFINITY, d_bits(0x7ff8000000000000ULL), d_bits(0x7ff0000000000001ULL),
                          d_bits(0xfff4000000000000ULL), d_bits(0x7ffc000000000001ULL)};
  for (unsigned i = 0; i < sizeof ds / sizeof *ds; i++)
    printf("double %u: %d\n", i, issignaling(ds[i]));
  volatile float fs[] = {0.0f, 2.0f, -INFINITY, f_bits(0x7fc00000), f_bits(0x7f800001), f_bits(0xffa00000)};
  for (unsigned i = 0; i < sizeof fs / sizeof *fs; i++)
    printf("float %u: %d\n", i, issignaling(fs[i]));
  long double ls[] = {0.0L, 3.0L, ld_bits(0x7fff, 0x8000000000000000ULL) /* inf */,
                      ld_bits(0x7fff, 0xc000000000000000ULL) /* qNaN */,
                      ld_bits(0x7fff, 0x8000000000000001ULL) /* sNaN */,
                      ld_bits(0xffff, 0xa000000000000000ULL) /* -sNaN */,
                      ld_bits(0x7fff, 0xc000000000000001ULL) /* qNaN */,
                      ld_bits(0x0000, 0x8000000000000000ULL) /* pseudo-denormal */};
  for (unsigned i = 0; i < sizeof ls / sizeof *ls; i++)
    printf("long double %u: %d\n", i, issignaling(ls[i]));
  /* x87 numbers without the integer bit: the newer glibc calls them signaling, the
   * older one (2.28, 2.31) not: only where the shim or the newer glibc answers. */
  if (argc > 1 && strcmp(argv[1], "invalid-x87") == 0) {
    long double invalid[] = {ld_bits(0x7fff, 0) /* pseudo-infinity */,
                             ld_bits(0x7fff, 1) /* pseudo-NaN */,
                             ld_bits(0x7fff, 0x4000000000000000ULL) /* pseudo-NaN, quiet bit */,
                             ld_bits(0x3fff, 0x4000000000000000ULL) /* unnormal */,
                             ld_bits(0x0001, 1) /* unnormal */};
    for (unsigned i = 0; i < sizeof invalid / sizeof *invalid; i++)
      printf("invalid x87 %u: %d\n", i, issignaling(invalid[i]));
  }
  _Float128 qs[] = {q_bits(0, 0), q_bits(0x3fff000000000000ULL, 0), q_bits(0x7fff000000000000ULL, 0),
                    q_bits(0x7fff800000000000ULL, 0), q_bits(0x7fff000000000000ULL, 1),
                    q_bits(0xffff400000000000ULL, 0), q_bits(0x7fff800000000000ULL, 5)};
  for (unsigned i = 0; i < sizeof qs / sizeof *qs; i++)
    printf("_Float128 %u: %d\n", i, __issignalingf128(qs[i]));
  return 0;
}
