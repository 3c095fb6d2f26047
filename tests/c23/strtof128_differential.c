/* Differential test of the strtof128 shim: the shim ("shim") against a glibc >= 2.26's
 * own strtof128 ("real", looked up with dlsym): result bits, end offset and errno for
 * decimal and hexadecimal input, ties, subnormals, overflow, underflow, inf and nan.
 * usage: strtof128_differential shim|real */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "shim_or_real.h"

__float128 strtof128(const char *, char **);

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  __float128 (*parse)(const char *, char **) = FN(strtof128);
  static const char *inputs[] = {
    "0", "-0", "1", "-1", "0.5", "1.5", "2.5", "0.1", "0.2", "0.3", "3.14159265358979323846264338327950288419716939937510",
    "1e10", "1e-10", "1.2345678901234567890123456789012345678901234567890e100", "123456789012345678901234567890",
    "  +42abc", "\t-7.25e+3x", "1e", "1e+", ".5", "5.", ".", "-.", "e5", "", "abc", "0x", "0x1", "0x1.8p3",
    "0X1.FFFFFFFFFFFFFFFFFFFFFFFFFFFFp16383", "0x1.ffffffffffffffffffffffffffff8p16383", "0x1p16384",
    "0x1p-16382", "0x1p-16494", "0x1p-16495", "0x1.8p-16495", "0x1p-16496", "0x.8p1", "0x1.000000000000000000000000000080p0",
    "0x1.000000000000000000000000000081p0", "0x1.000000000000000000000000000180p0",
    "1.18973149535723176508575932662800702e4932", "1.18973149535723176508575932662800713e4932", "1e4933", "1e5000",
    "3.36210314311209350626267781732175260e-4932", "6.47517511943802511092443895822764655e-4966",
    "3.2e-4966", "3.3e-4966", "1e-4970", "1e-10000",
    "1.00000000000000000000000000000000000962964972193617926527988971292463659", /* near a tie */
    "1.000000000000000000000000000000000009629649721936179265279889712924636592",
    "1.000000000000000000000000000000000009629649721936179265279889712924636591",
    "inf", "-INF", "infinity", "InFiNiTyx", "infin", "nan", "-nan", "NaN(123)", "nan(", "nan()x",
    "9999999999999999999999999999999999999999999999999999999999999999999999999999999999",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000001",
    "00000000000000000000000001.000000000000000000000000000000000000000000000000000e-0000000000",
    "1e-4965", "2e-4966", "1e99999999999", "1e-99999999999", "0e99999",
  };
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    char *end;
    errno = 0;
    __float128 v = parse(inputs[i], &end);
    int saved = errno;
    unsigned __int128 bits;
    memcpy(&bits, &v, sizeof bits);
    if (((bits >> 112) & 0x7fff) == 0x7fff && (bits << 16) != 0)
      bits &= ~(((unsigned __int128)1 << 111) - 1);  /* NaN payloads: not kept by the shim */
    printf("\"%s\" -> %016llx%016llx end=%td errno=%d\n", inputs[i],
           (unsigned long long)(bits >> 64), (unsigned long long)bits, end - inputs[i], saved);
  }
  /* A long input: 20,000 digits, the tail beyond the 12,000th only as "not zero". */
  static char big[20100];
  memset(big, '3', 20000);
  big[0] = '0';
  big[1] = '.';
  for (int tail = 0; tail < 2; tail++) {
    big[19999] = tail ? '1' : '3';
    char *end;
    __float128 v = parse(big, &end);
    unsigned __int128 bits;
    memcpy(&bits, &v, sizeof bits);
    printf("long -> %016llx%016llx end=%td\n", (unsigned long long)(bits >> 64),
           (unsigned long long)bits, end - big);
  }
  return 0;
}
