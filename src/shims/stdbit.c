/* The C23 <stdbit.h> functions (glibc 2.39): stdc_leading_zeros_uc ... stdc_bit_ceil_ull,
 * 14 operations for 5 types.  glibc's header inlines them when optimizing; at -O0 (and through
 * pointers) programs call these.  Same results as glibc: counts are unsigned int,
 * has_single_bit is bool, bit_ceil is 0 when the result does not fit. */
#include "shim.h"
#include <limits.h>
#include <stdbool.h>

/* A population count without libgcc's __popcountdi2. */
static unsigned popcount64(unsigned long long x)
{
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

#define STDBIT(SUFFIX, TYPE, WIDTH)                                                           \
  SHIM unsigned int stdc_leading_zeros_##SUFFIX(TYPE x)                                   \
  {                                                                                        \
    return x ? (unsigned)__builtin_clzll(x) - (64 - WIDTH) : WIDTH;                        \
  }                                                                                        \
  SHIM unsigned int stdc_leading_ones_##SUFFIX(TYPE x)                                    \
  {                                                                                        \
    return stdc_leading_zeros_##SUFFIX((TYPE)~x);                                          \
  }                                                                                        \
  SHIM unsigned int stdc_trailing_zeros_##SUFFIX(TYPE x)                                  \
  {                                                                                        \
    return x ? (unsigned)__builtin_ctzll(x) : WIDTH;                                       \
  }                                                                                        \
  SHIM unsigned int stdc_trailing_ones_##SUFFIX(TYPE x)                                   \
  {                                                                                        \
    return stdc_trailing_zeros_##SUFFIX((TYPE)~x);                                         \
  }                                                                                        \
  SHIM unsigned int stdc_first_leading_zero_##SUFFIX(TYPE x)                              \
  {                                                                                        \
    unsigned n = stdc_leading_ones_##SUFFIX(x);                                            \
    return n == WIDTH ? 0 : n + 1;                                                         \
  }                                                                                        \
  SHIM unsigned int stdc_first_leading_one_##SUFFIX(TYPE x)                               \
  {                                                                                        \
    return x ? stdc_leading_zeros_##SUFFIX(x) + 1 : 0;                                     \
  }                                                                                        \
  SHIM unsigned int stdc_first_trailing_zero_##SUFFIX(TYPE x)                             \
  {                                                                                        \
    unsigned n = stdc_trailing_ones_##SUFFIX(x);                                           \
    return n == WIDTH ? 0 : n + 1;                                                         \
  }                                                                                        \
  SHIM unsigned int stdc_first_trailing_one_##SUFFIX(TYPE x)                              \
  {                                                                                        \
    return x ? stdc_trailing_zeros_##SUFFIX(x) + 1 : 0;                                    \
  }                                                                                        \
  SHIM unsigned int stdc_count_ones_##SUFFIX(TYPE x)                                      \
  {                                                                                        \
    return popcount64(x);                                              \
  }                                                                                        \
  SHIM unsigned int stdc_count_zeros_##SUFFIX(TYPE x)                                     \
  {                                                                                        \
    return WIDTH - stdc_count_ones_##SUFFIX(x);                                            \
  }                                                                                        \
  SHIM bool stdc_has_single_bit_##SUFFIX(TYPE x)                                          \
  {                                                                                        \
    return stdc_count_ones_##SUFFIX(x) == 1;                                               \
  }                                                                                        \
  SHIM unsigned int stdc_bit_width_##SUFFIX(TYPE x)                                       \
  {                                                                                        \
    return WIDTH - stdc_leading_zeros_##SUFFIX(x);                                         \
  }                                                                                        \
  SHIM TYPE stdc_bit_floor_##SUFFIX(TYPE x)                                               \
  {                                                                                        \
    return x ? (TYPE)((TYPE)1 << (stdc_bit_width_##SUFFIX(x) - 1)) : 0;                    \
  }                                                                                        \
  SHIM TYPE stdc_bit_ceil_##SUFFIX(TYPE x)                                                \
  {                                                                                        \
    if (x <= 1)                                                                            \
      return 1;                                                                            \
    unsigned width = stdc_bit_width_##SUFFIX((TYPE)(x - 1));                               \
    return width >= WIDTH ? 0 : (TYPE)((TYPE)1 << width);                                  \
  }

STDBIT(uc, unsigned char, CHAR_BIT)
STDBIT(us, unsigned short, (CHAR_BIT * (int)sizeof(unsigned short)))
STDBIT(ui, unsigned int, (CHAR_BIT * (int)sizeof(unsigned int)))
STDBIT(ul, unsigned long, (CHAR_BIT * (int)sizeof(unsigned long)))
STDBIT(ull, unsigned long long, (CHAR_BIT * (int)sizeof(unsigned long long)))
