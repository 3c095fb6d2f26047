/* c23_scanf.h, part 3: %i and %b read as glibc 2.38 does, and the value stored by length. */

/* Stores a converted integer where a %i/%b/%n with this length points. */
static void sc_store(void *to, enum sc_length length, unsigned long long value)
{
  switch (length) {
  case SC_HH: *(unsigned char *)to = (unsigned char)value; break;
  case SC_H: *(unsigned short *)to = (unsigned short)value; break;
  case SC_NONE: *(unsigned int *)to = (unsigned int)value; break;
  case SC_L: *(unsigned long *)to = (unsigned long)value; break;
  case SC_LL: *(unsigned long long *)to = value; break;
  case SC_J: *(uintmax_t *)to = value; break;
  case SC_Z: *(size_t *)to = (size_t)value; break;
  case SC_T: *(ptrdiff_t *)to = (ptrdiff_t)value; break;
  }
}

static int sc_wider_than_long(enum sc_length length)
{
  return (length == SC_LL && sizeof(long long) > sizeof(long)) ||
         (length == SC_J && sizeof(intmax_t) > sizeof(long));
}

/* Growable buffer of the characters of one number (ASCII: sign, digits). */
struct sc_digits {
  char *text;
  size_t size, capacity;
  char inline_text[64];
};

static int sc_add(struct sc_digits *d, SC_INT c)
{
  if (d->size + 1 >= d->capacity) {
    size_t capacity = d->capacity * 2;
    char *text = d->text == d->inline_text ? malloc(capacity) : realloc(d->text, capacity);
    if (!text)
      return -1;
    if (d->text == d->inline_text)
      memcpy(text, d->inline_text, d->size);
    d->text = text;
    d->capacity = capacity;
  }
  d->text[d->size++] = (char)c;
  d->text[d->size] = '\0';
  return 0;
}

enum { SC_ASSIGNED = 1, SC_MATCHED = 0, SC_MISMATCH = -1, SC_INPUT_FAILURE = -2 };

/* %i (base 0) or %b (base 2) as glibc 2.38 reads them: optional sign, then "0b"
 * (or "0x", "0" for %i) and the digits, within the width; the character after the
 * number is pushed back.  "0b" with no digit after it is the number 0. */
static int sc_integer(struct sc_input *in, const struct sc_spec *s, void *to)
{
  int base = s->conversion == 'b' ? 2 : 0;
  int width = s->width ? s->width : -1;
  struct sc_digits d = { d.inline_text, 0, sizeof d.inline_text, "" };
  SC_INT c;
  do
    c = sc_next(in);
  while (c != SC_EOF && SC_ISSPACE(c));
  if (c == SC_EOF)
    return SC_INPUT_FAILURE;
  int result = SC_MISMATCH;
  if (c == '-' || c == '+') {
    if (sc_add(&d, c))
      goto out;
    if (width > 0)
      --width;
    c = sc_next(in);
  }
  if (width != 0 && c == '0') {
    if (width > 0)
      --width;
    if (sc_add(&d, c))
      goto out;
    c = sc_next(in);
    if (width != 0 && (c == 'x' || c == 'X')) {
      if (base == 0)
        base = 16;
      if (base == 16) {
        if (width > 0)
          --width;
        c = sc_next(in);
      }
    } else if (width != 0 && (c == 'b' || c == 'B') && (base == 0 || base == 2)) {
      base = 2;
      if (width > 0)
        --width;
      c = sc_next(in);
    } else if (base == 0) {
      base = 8;
    }
  }
  if (base == 0)
    base = 10;
  while (c != SC_EOF && width != 0) {
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : 99;
    if (digit >= base)
      break;
    if (sc_add(&d, c))
      goto out;
    if (width > 0)
      --width;
    c = sc_next(in);
  }
  sc_back(in, c);
  if (d.size == 0 || (d.size == 1 && (d.text[0] == '+' || d.text[0] == '-')))
    goto out;
  result = SC_MATCHED;
  if (s->suppress)
    goto out;
  unsigned long long value;
  if (s->conversion == 'i')
    value = sc_wider_than_long(s->length) ? (unsigned long long)sc_old_strtoll(d.text, 0, base)
                                          : (unsigned long long)sc_old_strtol(d.text, 0, base);
  else
    value = sc_wider_than_long(s->length) ? sc_old_strtoull(d.text, 0, base)
                                          : sc_old_strtoul(d.text, 0, base);
  sc_store(to, s->length, value);
  result = SC_ASSIGNED;
out:
  if (d.text != d.inline_text)
    free(d.text);
  return result;
}
