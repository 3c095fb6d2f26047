/* strtof128: added in glibc 2.26.  GCC 14+'s libstdc++.a(floating_from_chars.o), which
 * every std::from_chars for a floating type pulls in, calls it for _Float128.
 * Decimal and hexadecimal input, "inf", "infinity", "nan", "nan(...)", as strtod reads
 * them; the result correctly rounded to nearest (ties to even): the value num/den is
 * made exactly with big integers, and its first 114 bits (the 113 of binary128 and a
 * rounding bit) divided out, the remainder deciding the ties.  ERANGE on overflow (inf)
 * and on a tiny inexact result, as glibc.  Limits: the decimal point is '.', whatever
 * the locale (libstdc++ calls it in the "C" locale); a NaN's payload is not kept. */
#include "shim.h"
/* Needs a 128-bit integer type: 64-bit targets only (i386 gets no shim: its links are refused). */
#ifdef __SIZEOF_INT128__
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "float128.h"

/* Big natural numbers, little-endian base 2^32, with room for `capacity` words. */
struct big {
  unsigned size, capacity;
  unsigned *word;
};

static int big_init(struct big *b, unsigned capacity)
{
  b->size = 0;
  b->capacity = capacity;
  b->word = calloc(capacity, sizeof *b->word);
  return b->word ? 0 : -1;
}

static void big_trim(struct big *b)
{
  while (b->size && b->word[b->size - 1] == 0)
    b->size--;
}

/* b = b * factor + add */
static void big_multiply_add(struct big *b, unsigned factor, unsigned add)
{
  unsigned long long carry = add;
  for (unsigned i = 0; i < b->size; i++) {
    carry += (unsigned long long)b->word[i] * factor;
    b->word[i] = (unsigned)carry;
    carry >>= 32;
  }
  if (carry)
    b->word[b->size++] = (unsigned)carry;
}

static void big_shift_left(struct big *b, unsigned bits)
{
  unsigned words = bits / 32, rest = bits % 32;
  if (b->size == 0)
    return;
  b->word[b->size] = 0;
  if (rest) {
    for (unsigned i = b->size + 1; i-- > 0;)
      b->word[i] = (b->word[i] << rest) | (i ? b->word[i - 1] >> (32 - rest) : 0);
    b->size++;
  }
  if (words) {
    memmove(b->word + words, b->word, b->size * sizeof *b->word);
    memset(b->word, 0, words * sizeof *b->word);
    b->size += words;
  }
  big_trim(b);
}

static unsigned big_bits(const struct big *b)
{
  return b->size ? 32 * (b->size - 1) + (32 - __builtin_clz(b->word[b->size - 1])) : 0;
}

static int big_compare(const struct big *a, const struct big *b)
{
  if (a->size != b->size)
    return a->size < b->size ? -1 : 1;
  for (unsigned i = a->size; i-- > 0;)
    if (a->word[i] != b->word[i])
      return a->word[i] < b->word[i] ? -1 : 1;
  return 0;
}

static void big_subtract(struct big *a, const struct big *b)  /* a >= b */
{
  long long borrow = 0;
  for (unsigned i = 0; i < a->size; i++) {
    long long d = (long long)a->word[i] - (i < b->size ? b->word[i] : 0) - borrow;
    borrow = d < 0;
    a->word[i] = (unsigned)(d + (borrow << 32));
  }
  big_trim(a);
}

/* floor(num / den) when it is below 2^116; num becomes the remainder. */
static u128 big_divide(struct big *num, const struct big *den, struct big *scratch)
{
  u128 q = 0;
  for (int bit = 116; bit >= 0; bit--) {
    memcpy(scratch->word, den->word, den->size * sizeof *den->word);
    scratch->size = den->size;
    big_shift_left(scratch, (unsigned)bit);
    if (big_compare(num, scratch) >= 0) {
      big_subtract(num, scratch);
      q |= (u128)1 << bit;
    }
  }
  return q;
}

static int match_word(const char *s, const char *word)
{
  size_t n = strlen(word);
  return strncasecmp(s, word, n) == 0 ? (int)n : 0;
}

static int hex_value(char c)
{
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

enum { MAX_DIGITS = 12000, EXPONENT_LIMIT = 100000 };

SHIM float128 strtof128(const char *restrict text, char **restrict end)
{
  const char *s = text;
  while (isspace((unsigned char)*s))
    s++;
  int negative = *s == '-';
  if (*s == '-' || *s == '+')
    s++;
  u128 sign = (u128)negative << 127, bits;
  float128 result;
  int n;
  if ((n = match_word(s, "infinity")) || (n = match_word(s, "inf"))) {
    bits = sign | ((u128)0x7fff << 112);
    s += n;
    goto done;
  }
  if ((n = match_word(s, "nan"))) {
    bits = sign | ((u128)0xffff << 111);
    s += n;
    if (*s == '(') {
      const char *p = s + 1;
      while (isalnum((unsigned char)*p) || *p == '_')
        p++;
      if (*p == ')')
        s = p + 1;
    }
    goto done;
  }

  /* The digits: value = mantissa * radix^exponent (radix 10, or 2 for hexadecimal). */
  int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
            (hex_value(s[2]) >= 0 || (s[2] == '.' && hex_value(s[3]) >= 0));
  const char *p = hex ? s + 2 : s;
  struct big num = {0}, den = {0}, scratch = {0};
  long exponent = 0;
  int any_digit = 0, sticky_digits = 0;
  unsigned kept = 0;
  if (big_init(&num, MAX_DIGITS / 9 * 2 + 2700)) {
    errno = ENOMEM;
    return 0;
  }
  for (int after_point = 0;; p++) {
    if (*p == '.' && !after_point) {
      after_point = 1;
      continue;
    }
    int digit = hex ? hex_value(*p) : (*p >= '0' && *p <= '9' ? *p - '0' : -1);
    if (digit < 0)
      break;
    any_digit = 1;
    if (kept == 0 && digit == 0) {  /* leading zeros */
      if (after_point)
        exponent -= hex ? 4 : 1;
      continue;
    }
    if (kept < MAX_DIGITS) {
      big_multiply_add(&num, hex ? 16 : 10, (unsigned)digit);
      kept++;
      if (after_point)
        exponent -= hex ? 4 : 1;
    } else {
      sticky_digits |= digit != 0;  /* beyond what can matter: only "not zero" counts */
      if (!after_point)
        exponent += hex ? 4 : 1;
    }
  }
  if (!any_digit) {
    free(num.word);
    if (end)
      *end = (char *)text;
    return 0;
  }
  if (sticky_digits) {  /* one more digit 1 stands for every non-zero digit dropped */
    big_multiply_add(&num, hex ? 16 : 10, 1);
    exponent -= hex ? 4 : 1;
  }
  if ((*p == (hex ? 'p' : 'e') || *p == (hex ? 'P' : 'E'))) {
    const char *q = p + 1;
    int exponent_negative = *q == '-';
    if (*q == '-' || *q == '+')
      q++;
    if (*q >= '0' && *q <= '9') {
      long value = 0;
      for (; *q >= '0' && *q <= '9'; q++)
        if (value < EXPONENT_LIMIT)
          value = value * 10 + (*q - '0');
      exponent += exponent_negative ? -value : value;
      p = q;
    }
  }
  s = p;

  /* Zero, or certainly out of range: no arithmetic. */
  long magnitude = (long)(hex ? big_bits(&num) : kept) + exponent;  /* in radix digits */
  if (num.size == 0 || magnitude < (hex ? -16600 : -5000)) {
    if (num.size)
      errno = ERANGE;
    bits = sign;
    free(num.word);
    goto done;
  }
  if (magnitude > (hex ? 16500 : 4940)) {
    errno = ERANGE;
    bits = sign | ((u128)0x7fff << 112);
    free(num.word);
    goto done;
  }

  /* value = num / den exactly */
  if (big_init(&den, num.capacity) || big_init(&scratch, num.capacity)) {
    free(num.word);
    free(den.word);
    errno = ENOMEM;
    return 0;
  }
  den.word[0] = 1;
  den.size = 1;
  if (hex) {
    if (exponent >= 0)
      big_shift_left(&num, (unsigned)exponent);
    else
      big_shift_left(&den, (unsigned)-exponent);
  } else {
    struct big *scaled = exponent >= 0 ? &num : &den;
    for (long k = exponent >= 0 ? exponent : -exponent; k > 0; k -= 9)
      big_multiply_add(scaled, k >= 9 ? 1000000000u : (unsigned)(k == 1 ? 10 : k == 2 ? 100 : k == 3 ? 1000 : k == 4 ? 10000 : k == 5 ? 100000 : k == 6 ? 1000000 : k == 7 ? 10000000 : 100000000), 0);
  }

  /* Scale by 2^shift so that the quotient has 114 bits: value = q * 2^-shift. */
  long shift = 114 - ((long)big_bits(&num) - (long)big_bits(&den));
  long lowest = 16382 + 112 + 1;  /* subnormals: the quotient's last bit is 2^-16495 */
  if (shift > lowest)
    shift = lowest;
  if (shift >= 0)
    big_shift_left(&num, (unsigned)shift);
  else
    big_shift_left(&den, (unsigned)-shift);
  u128 q = big_divide(&num, &den, &scratch);
  int inexact = num.size != 0;
  while (q >> 114) {  /* the estimate was one bit short */
    inexact |= (int)(q & 1);
    q >>= 1;
    shift--;
  }
  free(num.word);
  free(den.word);
  free(scratch.word);

  /* q * 2^-shift, q < 2^114: the last bit of q rounds. */
  u128 mantissa = q >> 1;
  int half = (int)(q & 1);
  long biased = 113 - shift + 16383;  /* exponent field when mantissa has 113 bits */
  int tiny = mantissa >> 112 == 0;    /* only with shift == lowest: a subnormal */
  if (half && (inexact || (mantissa & 1)))
    mantissa++;
  if (tiny && mantissa >> 112 == 0 && (half || inexact))
    errno = ERANGE;  /* tiny after rounding (as x86 detects tininess) and inexact */
  bits = tiny ? mantissa : ((u128)(biased - 1) << 112) + mantissa;
  if ((bits >> 112) >= 0x7fff) {
    errno = ERANGE;
    bits = (u128)0x7fff << 112;
  }
  bits |= sign;
done:
  if (end)
    *end = (char *)s;
  memcpy(&result, &bits, sizeof result);
  return result;
}
#endif /* __SIZEOF_INT128__ */
