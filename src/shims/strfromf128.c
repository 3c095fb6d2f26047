/* strfromf128: added in glibc 2.26.  libstdc++'s std::to_chars and std::format for
 * _Float128 / __float128 call it (GCC 13+'s floating_to_chars.o), so every program
 * using std::format references it.  format is "%[.precision]C", C one of aAeEfFgG
 * (what the function accepts); the result is what snprintf would write.
 *
 * The decimal conversions are exact: the value m * 2^e is turned into the integer
 * m * 2^e (e >= 0) or m * 5^-e (then scaled by 10^e), whose decimal digits are
 * then rounded to the precision, ties to even (the default rounding mode; other
 * rounding modes are not honoured). */
#include "shim.h"
/* Needs a 128-bit integer type: 64-bit targets only (i386 gets no shim: its links are refused). */
#ifdef __SIZEOF_INT128__
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "float128.h"

/* A big natural number, little-endian base 2^32: 16494 * log2(5) + 113 bits at most. */
enum { BIG_WORDS = 1210 };
struct big {
  unsigned size;
  unsigned word[BIG_WORDS];
};

static void big_multiply(struct big *b, unsigned factor)
{
  unsigned long long carry = 0;
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
  if (rest) {
    unsigned carry = 0;
    for (unsigned i = 0; i < b->size; i++) {
      unsigned w = b->word[i];
      b->word[i] = (w << rest) | carry;
      carry = w >> (32 - rest);
    }
    if (carry)
      b->word[b->size++] = carry;
  }
  if (words) {
    memmove(b->word + words, b->word, b->size * sizeof b->word[0]);
    memset(b->word, 0, words * sizeof b->word[0]);
    b->size += words;
  }
}

/* Divides by 10^9, returning the remainder. */
static unsigned big_divide_billion(struct big *b)
{
  unsigned long long rest = 0;
  for (unsigned i = b->size; i-- > 0;) {
    rest = (rest << 32) | b->word[i];
    b->word[i] = (unsigned)(rest / 1000000000u);
    rest %= 1000000000u;
  }
  while (b->size && b->word[b->size - 1] == 0)
    b->size--;
  return (unsigned)rest;
}

/* The exact decimal digits of a finite value: value = 0.digits * 10^point. */
struct decimal {
  char *digits;  /* no leading zero; "" for zero */
  int count;
  int point;
};

static int exact_decimal(u128 mantissa, int exponent, struct decimal *d)
{
  struct big *b = malloc(sizeof *b);
  if (!b)
    return -1;
  b->size = 0;
  for (u128 m = mantissa; m; m >>= 32)
    b->word[b->size++] = (unsigned)m;
  int scale = 0;  /* value = b * 10^scale */
  if (exponent >= 0) {
    big_shift_left(b, (unsigned)exponent);
  } else {
    int k = -exponent;
    for (; k >= 13; k -= 13)
      big_multiply(b, 1220703125u);  /* 5^13 */
    for (; k > 0; k--)
      big_multiply(b, 5);
    scale = exponent;
  }
  char *text = malloc(b->size * 10 + 16);
  if (!text) {
    free(b);
    return -1;
  }
  int n = 0;
  while (b->size) {
    unsigned chunk = big_divide_billion(b);
    for (int i = 0; i < 9; i++, chunk /= 10)
      text[n++] = (char)('0' + chunk % 10);
  }
  free(b);
  while (n && text[n - 1] == '0')
    n--;  /* leading zeros of the number (text is reversed) */
  for (int i = 0; i < n / 2; i++) {
    char t = text[i];
    text[i] = text[n - 1 - i];
    text[n - 1 - i] = t;
  }
  int trailing = 0;
  while (n - trailing > 0 && text[n - 1 - trailing] == '0')
    trailing++;
  d->count = n - trailing;
  d->point = n + scale;
  text[d->count] = 0;
  d->digits = text;
  return 0;
}

static char digit_at(const struct decimal *d, int i)
{
  return i >= 0 && i < d->count ? d->digits[i] : '0';
}

/* Keeps the first `keep` digits (keep <= 0: none), rounding ties to even. */
static void round_digits(struct decimal *d, int keep)
{
  if (keep >= d->count)
    return;
  int up;
  char next = keep >= 0 ? d->digits[keep] : '0';
  if (next != '5')
    up = next > '5';
  else if (keep + 1 < d->count)  /* more non-zero digits follow (trailing zeros are gone) */
    up = 1;
  else
    up = keep > 0 && (d->digits[keep - 1] - '0') % 2 == 1;
  d->count = keep > 0 ? keep : 0;
  if (up) {
    int i = d->count - 1;
    while (i >= 0 && d->digits[i] == '9')
      i--;
    if (i < 0) {  /* 99.9 -> 100: one digit more before the point */
      d->digits[0] = '1';
      d->count = 1;
      d->point = keep > 0 ? d->point + 1 : keep + d->point + 1;
    } else {
      d->digits[i]++;
      d->count = i + 1;
    }
  }
  while (d->count && d->digits[d->count - 1] == '0')
    d->count--;
  d->digits[d->count] = 0;
}

struct output {
  char *text;
  size_t size;
};

static void put(struct output *o, char c)
{
  o->text[o->size++] = c;
}

static void put_fixed(struct output *o, const struct decimal *d, int precision, int trim)
{
  if (d->point <= 0)
    put(o, '0');
  for (int i = 0; i < d->point; i++)
    put(o, digit_at(d, i));
  size_t dot = o->size;
  put(o, '.');
  for (int j = 0; j < precision; j++)
    put(o, digit_at(d, d->point + j));
  if (trim) {
    while (o->size > dot + 1 && o->text[o->size - 1] == '0')
      o->size--;
  }
  if (o->size == dot + 1)
    o->size = dot;
}

static void put_exponent(struct output *o, char letter, int exponent)
{
  put(o, letter);
  put(o, exponent < 0 ? '-' : '+');
  unsigned magnitude = exponent < 0 ? -exponent : exponent;
  char reversed[8];
  int n = 0;
  do {
    reversed[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude);
  if (letter != 'p' && letter != 'P' && n < 2)
    reversed[n++] = '0';
  while (n)
    put(o, reversed[--n]);
}

static void put_scientific(struct output *o, const struct decimal *d, int precision, int trim,
                           char letter)
{
  put(o, digit_at(d, 0));
  size_t dot = o->size;
  put(o, '.');
  for (int j = 1; j <= precision; j++)
    put(o, digit_at(d, j));
  if (trim)
    while (o->size > dot + 1 && o->text[o->size - 1] == '0')
      o->size--;
  if (o->size == dot + 1)
    o->size = dot;
  put_exponent(o, letter, d->count ? d->point - 1 : 0);
}

/* %a: 0x1.<hex>p<exponent>; subnormals 0x0.<hex>p-16382; rounding ties to even. */
static void put_hex(struct output *o, u128 fraction, int lead, int exponent, int precision,
                    int upper)
{
  const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int digits = 28;  /* 112 fraction bits */
  if (precision >= 0 && precision < digits) {
    int drop = 4 * (digits - precision);
    u128 kept = fraction >> drop;
    u128 rest = fraction & (((u128)1 << drop) - 1), half = (u128)1 << (drop - 1);
    if (rest > half || (rest == half && (precision ? kept & 1 : lead & 1))) {
      kept++;
      if (precision == 0 || kept >> (4 * precision)) {
        lead++;
        kept &= precision ? (((u128)1 << (4 * precision)) - 1) : 0;
      }
    }
    fraction = kept << drop;
  }
  put(o, '0');
  put(o, upper ? 'X' : 'x');
  put(o, hex[lead]);
  int shown = precision >= 0 ? precision : digits;
  if (precision < 0)
    while (shown > 0 && ((fraction >> (4 * (digits - shown))) & 15) == 0)
      shown--;
  if (shown > 0)
    put(o, '.');
  for (int i = 0; i < shown; i++)
    put(o, i < digits ? hex[(fraction >> (4 * (digits - 1 - i))) & 15] : '0');
  put_exponent(o, upper ? 'P' : 'p', exponent);
}

SHIM int strfromf128(char *restrict str, size_t n, const char *restrict format, float128 fp)
{
  /* "%[.precision]C" */
  int precision = -1;
  const char *p = format;
  if (*p++ != '%') {
    errno = EINVAL;
    return -1;
  }
  if (*p == '.') {
    precision = 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
      precision = precision < 100000000 ? precision * 10 + (*p - '0') : precision;
  }
  char conversion = *p;
  if (!conversion || !strchr("aAeEfFgG", conversion) || p[1]) {
    errno = EINVAL;
    return -1;
  }
  int upper = conversion >= 'A' && conversion <= 'Z';
  char lower = (char)(conversion | 0x20);

  u128 bits;
  memcpy(&bits, &fp, sizeof bits);
  int negative = (int)(bits >> 127);
  int biased = (int)((bits >> 112) & 0x7fff);
  u128 fraction = bits & (((u128)1 << 112) - 1);

  size_t capacity = 64 + (size_t)(precision > 0 ? precision : 0);
  if (lower == 'f')
    capacity += 4940;
  struct output o = { malloc(capacity), 0 };
  if (!o.text)
    return -1;
  if (negative)
    put(&o, '-');
  if (biased == 0x7fff) {
    const char *word = fraction ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    for (; *word; word++)
      put(&o, *word);
  } else if (lower == 'a') {
    if (biased == 0 && fraction == 0)
      put_hex(&o, 0, 0, 0, precision, upper);
    else
      put_hex(&o, fraction, biased != 0, biased ? biased - 16383 : -16382, precision, upper);
  } else {
    if (precision < 0)
      precision = 6;
    u128 mantissa = biased ? fraction | ((u128)1 << 112) : fraction;
    struct decimal d;
    if (exact_decimal(mantissa, (biased ? biased : 1) - 16383 - 112, &d)) {
      free(o.text);
      return -1;
    }
    if (lower == 'f') {
      round_digits(&d, d.point + precision);
      put_fixed(&o, &d, precision, 0);
    } else if (lower == 'e') {
      round_digits(&d, precision + 1);
      put_scientific(&o, &d, precision, 0, upper ? 'E' : 'e');
    } else {
      int significant = precision ? precision : 1;
      round_digits(&d, significant);
      int x = d.count ? d.point - 1 : 0;
      if (significant > x && x >= -4)
        put_fixed(&o, &d, significant - 1 - x, 1);
      else
        put_scientific(&o, &d, significant - 1, 1, upper ? 'E' : 'e');
    }
    free(d.digits);
  }
  if (n) {
    size_t copied = o.size < n - 1 ? o.size : n - 1;
    memcpy(str, o.text, copied);
    str[copied] = 0;
  }
  free(o.text);
  return (int)o.size;
}
#endif /* __SIZEOF_INT128__ */
