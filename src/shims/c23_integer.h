/* C23 integer parsing shared by the __isoc23_strto* and __isoc23_wcsto* shims
 * (included once per character type; the includer defines the macros below).
 *
 * glibc 2.38 added __isoc23_strtol & co.: the C23 versions of strtol, which
 * also accept a 0b/0B prefix when base is 0 or 2.  Headers of glibc >= 2.38
 * redirect strtol to them under C23 / _GNU_SOURCE, and GCC 14's libstdc++.a calls
 * __isoc23_strtoul.  On an older target, everything but a binary prefix is the
 * old function's job (same digits, same locale, same errno); a subject sequence
 * "[space][sign]0b<binary digit>..." is parsed here.
 *
 *   C23_CHAR           char or wchar_t
 *   C23_IS_SPACE(c, l) isspace for this character type (l: locale or NULL)
 *   C23_OLD_STRTOULL   the target's strtoull/wcstoull, for the binary digits */
#ifndef C23_CHAR
#error define C23_CHAR before including c23_integer.h
#endif

/* Where the binary digits start, when s (as base `base` sees it) carries a C23
 * binary prefix followed by at least one binary digit; else NULL, and the old
 * function parses s exactly as C23 would ("0b" alone is the number 0, end at 'b'). */
static const C23_CHAR *c23_binary_digits(const C23_CHAR *s, int base, locale_t loc,
                                         int *negative)
{
  if (base != 0 && base != 2)
    return 0;
  while (C23_IS_SPACE(*s, loc))
    s++;
  *negative = 0;
  if (*s == '-') {
    *negative = 1;
    s++;
  } else if (*s == '+') {
    s++;
  }
  if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (s[2] == '0' || s[2] == '1'))
    return s + 2;
  return 0;
}

/* The magnitude of the binary digits at `digits`, ULLONG_MAX with *overflow set
 * if it does not fit; *end past the last digit. */
static unsigned long long c23_binary_magnitude(const C23_CHAR *digits, C23_CHAR **end,
                                               int *overflow)
{
  int saved = errno;
  errno = 0;
  unsigned long long value = C23_OLD_STRTOULL(digits, end, 2);
  *overflow = errno == ERANGE;
  errno = saved;
  return value;
}

/* A signed result in [min, max] from a sign and a magnitude, as strtol reports it. */
static long long c23_signed(int negative, unsigned long long magnitude, int overflow,
                            long long min, long long max)
{
  if (negative) {
    if (overflow || magnitude > (unsigned long long)max + 1) {
      errno = ERANGE;
      return min;
    }
    return magnitude == (unsigned long long)max + 1 ? min : -(long long)magnitude;
  }
  if (overflow || magnitude > (unsigned long long)max) {
    errno = ERANGE;
    return max;
  }
  return (long long)magnitude;
}

/* An unsigned result up to max: a negative subject is negated in the result type,
 * as strtoul does. */
static unsigned long long c23_unsigned(int negative, unsigned long long magnitude,
                                       int overflow, unsigned long long max)
{
  if (overflow || magnitude > max) {
    errno = ERANGE;
    return max;
  }
  return negative ? (0 - magnitude) & max : magnitude;
}

/* Defines NAME(s, end, base[, loc]) returning TYPE: the C23 parse of a binary
 * subject, else OLD(s, end, base[, loc]).  SIGNED is 1 for strtol-like functions. */
#define C23_PARSER(NAME, TYPE, SIGNED, MIN, MAX, OLD)                                  \
  SHIM TYPE NAME(const C23_CHAR *s, C23_CHAR **end, int base)                         \
  {                                                                                    \
    int negative, overflow;                                                            \
    const C23_CHAR *digits = c23_binary_digits(s, base, 0, &negative);                 \
    if (!digits)                                                                       \
      return OLD(s, end, base);                                                        \
    C23_CHAR *stop;                                                                    \
    unsigned long long magnitude = c23_binary_magnitude(digits, &stop, &overflow);     \
    if (end)                                                                           \
      *end = stop;                                                                     \
    return SIGNED ? (TYPE)c23_signed(negative, magnitude, overflow, MIN, MAX)          \
                  : (TYPE)c23_unsigned(negative, magnitude, overflow, MAX);            \
  }

#define C23_PARSER_L(NAME, TYPE, SIGNED, MIN, MAX, OLD)                                \
  SHIM TYPE NAME(const C23_CHAR *s, C23_CHAR **end, int base, locale_t loc)           \
  {                                                                                    \
    int negative, overflow;                                                            \
    const C23_CHAR *digits = c23_binary_digits(s, base, loc, &negative);               \
    if (!digits)                                                                       \
      return OLD(s, end, base, loc);                                                   \
    C23_CHAR *stop;                                                                    \
    unsigned long long magnitude = c23_binary_magnitude(digits, &stop, &overflow);     \
    if (end)                                                                           \
      *end = stop;                                                                     \
    return SIGNED ? (TYPE)c23_signed(negative, magnitude, overflow, MIN, MAX)          \
                  : (TYPE)c23_unsigned(negative, magnitude, overflow, MAX);            \
  }
