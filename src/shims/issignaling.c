/* __issignaling, __issignalingf, __issignalingl (libm, added in glibc 2.18) and
 * __issignalingf128 (2.26): what the issignaling() macro of <math.h> calls.  True
 * for a signaling NaN: exponent all ones, significand not zero, and its quiet bit
 * (the top bit of the fraction) clear.  The x87 long double has an explicit integer
 * bit: a number without it whose exponent is not zero (invalid since the 80387) is
 * signaling, as in the newer glibc (2.36).  Bits are read with memcpy so no floating-point operation
 * (which could quiet the NaN) touches the value. */
#include "shim.h"
#include <stdint.h>
#include <string.h>

SHIM int __issignaling(double x)
{
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  uint64_t exponent = (bits >> 52) & 0x7ff, fraction = bits & 0xfffffffffffffULL;
  return exponent == 0x7ff && fraction != 0 && !(fraction >> 51);
}

SHIM int __issignalingf(float x)
{
  uint32_t bits;
  memcpy(&bits, &x, sizeof bits);
  uint32_t exponent = (bits >> 23) & 0xff, fraction = bits & 0x7fffff;
  return exponent == 0xff && fraction != 0 && !(fraction >> 22);
}

SHIM int __issignalingl(long double x)
{
  uint64_t significand; /* x87 extended: 64-bit significand, then sign and exponent */
  uint16_t sign_exponent;
  memcpy(&significand, &x, sizeof significand);
  memcpy(&sign_exponent, (const char *)&x + 8, sizeof sign_exponent);
  unsigned exponent = sign_exponent & 0x7fff;
  int integer_bit = (int)(significand >> 63), quiet_bit = (int)((significand >> 62) & 1);
  uint64_t payload = significand & 0x3fffffffffffffffULL;
  /* A non-zero exponent without the integer bit (unnormals, pseudo-infinities and
   * pseudo-NaNs) is an invalid operand for the 80387 and later, which raises
   * "invalid" like a signaling NaN: the newer glibc calls it signaling too. */
  if (exponent != 0 && !integer_bit)
    return 1;
  return exponent == 0x7fff && integer_bit && !quiet_bit && payload != 0;
}

SHIM int __issignalingf128(_Float128 x)
{
  uint64_t words[2]; /* little endian: words[1] holds sign, exponent and fraction top */
  memcpy(words, &x, sizeof words);
  uint64_t exponent = (words[1] >> 48) & 0x7fff;
  uint64_t high = words[1] & 0xffffffffffffULL; /* 48 fraction bits; the top one is quiet */
  return exponent == 0x7fff && (high != 0 || words[0] != 0) && !(high >> 47);
}
