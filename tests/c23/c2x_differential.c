/* Differential test of the <stdbit.h> shims (glibc 2.39) and of uabs & co., free_sized,
 * memalignment (2.42-2.43): the shims ("shim") against glibc's own ("real", dlsym).
 * usage: c2x_differential shim|real */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim_or_real.h"

#define DECLARE(SUFFIX, TYPE)                                                               \
  unsigned stdc_leading_zeros_##SUFFIX(TYPE); unsigned stdc_leading_ones_##SUFFIX(TYPE);   \
  unsigned stdc_trailing_zeros_##SUFFIX(TYPE); unsigned stdc_trailing_ones_##SUFFIX(TYPE); \
  unsigned stdc_first_leading_zero_##SUFFIX(TYPE);                                          \
  unsigned stdc_first_leading_one_##SUFFIX(TYPE);                                           \
  unsigned stdc_first_trailing_zero_##SUFFIX(TYPE);                                         \
  unsigned stdc_first_trailing_one_##SUFFIX(TYPE); unsigned stdc_count_ones_##SUFFIX(TYPE); \
  unsigned stdc_count_zeros_##SUFFIX(TYPE); bool stdc_has_single_bit_##SUFFIX(TYPE);        \
  unsigned stdc_bit_width_##SUFFIX(TYPE); TYPE stdc_bit_floor_##SUFFIX(TYPE);               \
  TYPE stdc_bit_ceil_##SUFFIX(TYPE);

DECLARE(uc, unsigned char)
DECLARE(us, unsigned short)
DECLARE(ui, unsigned int)
DECLARE(ul, unsigned long)
DECLARE(ull, unsigned long long)
unsigned int uabs(int);
unsigned long ulabs(long);
unsigned long long ullabs(long long);
uintmax_t uimaxabs(intmax_t);
uintmax_t umaxabs(intmax_t);
void free_sized(void *, size_t);
void free_aligned_sized(void *, size_t, size_t);
size_t memalignment(const void *);

#define CHECK(SUFFIX, TYPE, v)                                                              \
  printf(#SUFFIX " %llx: %u %u %u %u %u %u %u %u %u %u %d %u %llx %llx\n",                  \
         (unsigned long long)(TYPE)(v), FN(stdc_leading_zeros_##SUFFIX)(v),                  \
         FN(stdc_leading_ones_##SUFFIX)(v), FN(stdc_trailing_zeros_##SUFFIX)(v),             \
         FN(stdc_trailing_ones_##SUFFIX)(v), FN(stdc_first_leading_zero_##SUFFIX)(v),        \
         FN(stdc_first_leading_one_##SUFFIX)(v), FN(stdc_first_trailing_zero_##SUFFIX)(v),   \
         FN(stdc_first_trailing_one_##SUFFIX)(v), FN(stdc_count_ones_##SUFFIX)(v),           \
         FN(stdc_count_zeros_##SUFFIX)(v), (int)FN(stdc_has_single_bit_##SUFFIX)(v),         \
         FN(stdc_bit_width_##SUFFIX)(v), (unsigned long long)FN(stdc_bit_floor_##SUFFIX)(v), \
         (unsigned long long)FN(stdc_bit_ceil_##SUFFIX)(v))

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  setvbuf(stdout, NULL, _IOLBF, 0);
  /* uimaxabs@GLIBC_2.42 is no default version in 2.43 (umaxabs replaced it): dlvsym */
  uintmax_t (*uimaxabs_fn)(intmax_t) =
      real ? (uintmax_t (*)(intmax_t))dlvsym(RTLD_DEFAULT, "uimaxabs", "GLIBC_2.42") : uimaxabs;
  static const unsigned long long values[] = {
    0, 1, 2, 3, 5, 0x7f, 0x80, 0x81, 0xff, 0x100, 0x7fff, 0x8000, 0x8001, 0xffff, 0x10000,
    0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0x100000000ull, 0x123456789abcdefull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0x8000000000000001ull, ~0ull, 0xf0f0f0f0f0f0f0f0ull,
  };
  for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
    unsigned long long v = values[i];
    CHECK(uc, unsigned char, (unsigned char)v);
    CHECK(us, unsigned short, (unsigned short)v);
    CHECK(ui, unsigned int, (unsigned int)v);
    CHECK(ul, unsigned long, (unsigned long)v);
    CHECK(ull, unsigned long long, v);
    printf("abs %lld: %u %lu %llu %ju %ju\n", (long long)v, FN(uabs)((int)v), FN(ulabs)((long)v),
           FN(ullabs)((long long)v), uimaxabs_fn((intmax_t)v), FN(umaxabs)((intmax_t)v));
  }
  static const uintptr_t addresses[] = { 0, 1, 2, 4096, 4104, 0x7f0000000000, 12, 0x10 };
  for (size_t i = 0; i < sizeof addresses / sizeof *addresses; i++)
    printf("memalignment %lx: %zu\n", (unsigned long)addresses[i],
           FN(memalignment)((const void *)addresses[i]));
  void *p = malloc(100);
  FN(free_sized)(p, 100);
  p = aligned_alloc(64, 128);
  FN(free_aligned_sized)(p, 64, 128);
  printf("free_sized: ok\n");
  return 0;
}
