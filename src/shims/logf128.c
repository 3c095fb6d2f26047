/* logf128: the natural logarithm of a _Float128 (libm, added in glibc 2.26).  Prebuilt
 * code such as LLVM's calls it.  Written here in _Float128 arithmetic (libgcc's soft
 * float): x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), f = m - 1, s = f / (2 + f), and
 * log(m) = f - f^2/2 + s * (f^2/2 + R(s^2)) with R the atanh series, summed until its
 * terms fall below 2^-120; k * ln2 is added in two parts (a 98-bit head, so k * head is
 * exact, and a tail).  Special cases as glibc: log(1) = +0, log(+-0) = -inf with ERANGE,
 * log(x < 0) = NaN with EDOM, log(+inf) = +inf, NaN in = NaN out. */
#include "shim.h"
#include <errno.h>
#include <stdint.h>
#include <string.h>

static const _Float128 ln2_head = 0x1.62e42fefa39ef35793c767300000p-1Q;
static const _Float128 ln2_tail = 0x1.f97b57a079a193394c5b16c5068cp-103Q;
static const _Float128 sqrt2 = 0x1.6a09e667f3bcc908b2fb1366ea95p+0Q;

static void bits_of(_Float128 x, uint64_t *high, uint64_t *low)
{
  uint64_t words[2];
  memcpy(words, &x, sizeof words); /* little endian: words[1] holds sign and exponent */
  *low = words[0];
  *high = words[1];
}

static _Float128 from_bits(uint64_t high, uint64_t low)
{
  uint64_t words[2] = {low, high};
  _Float128 x;
  memcpy(&x, words, sizeof x);
  return x;
}

SHIM _Float128 logf128(_Float128 x)
{
  uint64_t high, low;
  bits_of(x, &high, &low);
  int exponent = (int)((high >> 48) & 0x7fff);
  int negative = (int)(high >> 63);
  int nonzero_fraction = (high & 0xffffffffffffULL) != 0 || low != 0;
  if (exponent == 0x7fff) {
    if (nonzero_fraction)
      return x + x; /* NaN: quiet it */
    if (!negative)
      return x; /* +inf */
  }
  if (exponent == 0 && !nonzero_fraction) {
    errno = ERANGE;
    return -1 / (x * x); /* -inf, raising divide-by-zero */
  }
  if (negative) {
    errno = EDOM;
    return (x - x) / (x - x); /* NaN, raising invalid */
  }
  int k = 0;
  if (exponent == 0) { /* subnormal: scale up by 2^113 */
    x *= 0x1p113Q;
    bits_of(x, &high, &low);
    exponent = (int)((high >> 48) & 0x7fff);
    k = -113;
  }
  k += exponent - 16383;
  _Float128 m = from_bits((high & 0xffffffffffffULL) | (16383ULL << 48), low); /* [1, 2) */
  if (m > sqrt2) {
    m *= 0.5Q;
    k++;
  }
  _Float128 f = m - 1, s = f / (2 + f), z = s * s, term = z, series = 0;
  for (int n = 3; n < 200; n += 2) { /* R = 2 * (z/3 + z^2/5 + ...) */
    _Float128 part = term / n;
    series += part;
    if (part < 0x1p-120Q && part > -0x1p-120Q)
      break;
    term *= z;
  }
  series *= 2;
  _Float128 half_f2 = 0.5Q * f * f;
  _Float128 log_m = f - (half_f2 - s * (half_f2 + series));
  return (k * ln2_head) + ((k * ln2_tail) + log_m);
}
