/* Differential test of the strfromf128 shim: the shim ("shim") against a glibc
 * >= 2.26's own strfromf128 ("real", looked up with dlsym), over values that cover
 * rounding ties, carries, subnormals, the extremes, infinities and NaNs; and
 * std::format's way in (tested in the C++ program).
 * usage: strfromf128_differential shim|real */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "shim_or_real.h"

int strfromf128(char *, size_t, const char *, _Float128);

static int (*convert)(char *, size_t, const char *, _Float128);

static _Float128 from_bits(unsigned long long high, unsigned long long low)
{
  unsigned __int128 bits = ((unsigned __int128)high << 64) | low;
  _Float128 value;
  memcpy(&value, &bits, sizeof value);
  return value;
}

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  convert = FN(strfromf128);
  if (!convert) {
    fprintf(stderr, "no strfromf128 in this C library\n");
    return 1;
  }
  _Float128 values[] = {
    0, -0.0f128, 1, -1, 0.5f128, 1.5f128, 2.5f128, 0.125f128, 0.1f128, 1.0f128 / 3,
    2.0f128 / 3, 123456789.123456789f128, 9.9999995f128, 99.5f128, 0.00001f128,
    0.000123456f128, 1e-5f128, 1e30f128, 1e100f128, 1.7976931348623157e308f128,
    3.14159265358979323846264338327950288f128, 1e4932f128, 1e-4931f128, 0.05f128, 0.15f128,
    0.25f128, 0.35f128, 999999.5f128, 1234567.0f128, 1e-300f128, 6.02214076e23f128,
    from_bits(0x7ffeffffffffffffULL, 0xffffffffffffffffULL),  /* the largest */
    from_bits(0x0001000000000000ULL, 0),                       /* the smallest normal */
    from_bits(0, 1),                                           /* the smallest subnormal */
    from_bits(0x00007fffffffffffULL, 0xffffffffffffffffULL),  /* the largest subnormal */
    from_bits(0x3fff800000000000ULL, 0),                       /* 1.5 */
    from_bits(0x3fffffffffffffffULL, 0xffffffffffffffffULL),  /* 2 - 2^-112 */
    from_bits(0x7fff000000000000ULL, 0), from_bits(0xffff000000000000ULL, 0),
    from_bits(0x7fff800000000000ULL, 0), from_bits(0xffff800000000000ULL, 0),
  };
  const char *formats[] = {
    "%f", "%e", "%g", "%a", "%F", "%E", "%G", "%A", "%.0f", "%.0e", "%.0g", "%.0a", "%.1f",
    "%.1e", "%.1a", "%.2g", "%.3a", "%.10f", "%.20e", "%.33g", "%.36g", "%.40e", "%.28a",
    "%.30a", "%.5f", "%.15g", "%.17g", "%.60f", "%.g", "%.120e",
  };
  char buffer[6000];
  for (size_t v = 0; v < sizeof values / sizeof *values; v++)
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
      int r = convert(buffer, sizeof buffer, formats[f], values[v]);
      printf("%zu %s -> %d %s\n", v, formats[f], r, r >= 0 ? buffer : "");
    }
  /* Truncation: the result counts what would have been written.  Not size 1:
   * glibc 2.36's own strfromf128 writes the whole text there (past the size). */
  for (size_t size = 0; size < 6; size += size == 0 ? 2 : 1) {
    char small[8] = "#######";
    int r = convert(small, size, "%f", 3.25f128);
    printf("size %zu -> %d [%s]\n", size, r, small);
  }
  /* %f of the largest value: 4933 integer digits. */
  int r = convert(buffer, sizeof buffer, "%.3f", values[31]);
  printf("largest %%.3f -> %d %s\n", r, buffer);
  return 0;
}
