/* The C23 scanf family on an old glibc, shared by isoc23_scanf.c (char) and
 * isoc23_wscanf.c (wchar_t); the includer defines the SC_* macros.
 *
 * glibc 2.38's __isoc23_*scanf differ from the __isoc99_*scanf every target has in
 * two ways only: %b reads a binary integer (optionally prefixed 0b/0B), and %i
 * also accepts a 0b/0B prefix.  So:
 *  - a format with neither %b nor %i goes to the target's __isoc99_ function as is;
 *  - otherwise the format is run directive by directive: %b and %i (and %n, which
 *    must count what we consumed) are read here, with glibc 2.38's algorithm; every
 *    other piece of the format (its literal text and one conversion) goes to the
 *    target's __isoc99_ function with "%n" appended, which says how much it read.
 * Limits (see README.md): %i/%b with the ' or I flag go to the target as is (no 0b;
 * no %b on a target < 2.38); glibc 2.39's %wN length modifiers are not known. */

/* The input: a string (sscanf) or a stream (fscanf, scanf), and how much was read. */
struct sc_input {
  const SC_CHAR *string;
  FILE *stream;
  size_t consumed;
};

static SC_INT sc_next(struct sc_input *in)
{
  SC_INT c;
  if (in->string) {
    c = SC_UCHAR(in->string[in->consumed]);
    if (c == 0)
      return SC_EOF;
  } else {
    c = SC_GETC(in->stream);
    if (c == SC_EOF)
      return SC_EOF;
  }
  in->consumed++;
  return c;
}

static void sc_back(struct sc_input *in, SC_INT c)
{
  if (c == SC_EOF)
    return;
  in->consumed--;
  if (!in->string)
    SC_UNGETC(c, in->stream);
}

enum sc_length { SC_NONE, SC_HH, SC_H, SC_L, SC_LL, SC_J, SC_Z, SC_T };

/* One conversion specification: %[n$][*]['I][width][length]conversion */
struct sc_spec {
  const SC_CHAR *start;  /* the '%' */
  const SC_CHAR *body;   /* what follows "%n$" (or '%'): forwarded after a '%' */
  const SC_CHAR *end;    /* past the conversion character (or the scanset's ']') */
  int position;          /* n of %n$, 0 without */
  int suppress;
  int local_flags;       /* ' or I: grouping or locale digits */
  int width;             /* 0: none */
  enum sc_length length;
  SC_CHAR conversion;
};

static int sc_digit_run(const SC_CHAR **p)
{
  int value = 0;
  while (**p >= '0' && **p <= '9') {
    if (value < 100000000)
      value = value * 10 + (**p - '0');
    (*p)++;
  }
  return value;
}

static void sc_parse(const SC_CHAR *p, struct sc_spec *s)
{
  memset(s, 0, sizeof *s);
  s->start = p++;
  s->body = p;
  const SC_CHAR *digits = p;
  int number = sc_digit_run(&p);
  if (*p == '$' && p != digits) {
    s->position = number;
    s->body = ++p;
  } else {
    p = digits;
  }
  for (;; p++) {
    if (*p == '*')
      s->suppress = 1;
    else if (*p == '\'' || *p == 'I')
      s->local_flags = 1;
    else
      break;
  }
  s->width = sc_digit_run(&p);
  for (;; p++) {
    if (*p == 'h')
      s->length = s->length == SC_H ? SC_HH : SC_H;
    else if (*p == 'l')
      s->length = s->length == SC_L ? SC_LL : SC_L;
    else if (*p == 'q' || *p == 'L')
      s->length = SC_LL;
    else if (*p == 'j')
      s->length = SC_J;
    else if (*p == 'z' || *p == 'Z')
      s->length = SC_Z;
    else if (*p == 't')
      s->length = SC_T;
    else if (*p != 'm')
      break;
  }
  s->conversion = *p;
  if (*p == '[') {
    p++;
    if (*p == '^')
      p++;
    if (*p == ']')
      p++;
    while (*p && *p != ']')
      p++;
  }
  s->end = *p ? p + 1 : p;
}

static int sc_takes_argument(const struct sc_spec *s)
{
  return !s->suppress && s->conversion != '%' && s->conversion != 0;
}

static int sc_is_c23_integer(const struct sc_spec *s)
{
  return (s->conversion == 'i' || s->conversion == 'b') && !s->local_flags;
}

/* Whether the format has a conversion whose C23 meaning differs (%b, %i); also
 * how many pointer arguments it takes. */
static int sc_scan_format(const SC_CHAR *format, size_t *arguments)
{
  int c23 = 0, positional = 0;
  size_t sequential = 0, highest = 0;
  for (const SC_CHAR *p = format; *p;) {
    if (*p != '%') {
      p++;
      continue;
    }
    struct sc_spec s;
    sc_parse(p, &s);
    p = s.end;
    c23 |= sc_is_c23_integer(&s);
    if (!sc_takes_argument(&s))
      continue;
    if (s.position) {
      positional = 1;
      if ((size_t)s.position > highest)
        highest = s.position;
    } else {
      sequential++;
    }
  }
  *arguments = positional ? highest : sequential;
  return c23;
}

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

/* Runs one piece of the format through the target's scanf: the text [from, to)
 * and, if spec is not NULL, that conversion (without its n$), with "%n" appended.
 * Returns how much it consumed, or SC_MISMATCH / SC_INPUT_FAILURE; *assigned
 * tells whether the conversion stored a value. */
static long sc_forward(struct sc_input *in, const SC_CHAR *from, const SC_CHAR *to,
                       const struct sc_spec *spec, void *argument, int *assigned)
{
  size_t text = (size_t)(to - from);
  size_t conversion = spec ? 1 + (size_t)(spec->end - spec->body) : 0;
  size_t length = text + conversion + 2;
  SC_CHAR inline_piece[128];
  SC_CHAR *piece = length < 128 ? inline_piece : malloc((length + 1) * sizeof(SC_CHAR));
  if (!piece)
    return SC_INPUT_FAILURE;
  memcpy(piece, from, text * sizeof(SC_CHAR));
  if (spec) {
    piece[text] = '%';
    memcpy(piece + text + 1, spec->body, (conversion - 1) * sizeof(SC_CHAR));
  }
  piece[text + conversion] = '%';
  piece[text + conversion + 1] = 'n';
  piece[text + conversion + 2] = 0;

  int consumed = -1, status;
  if (in->string) {
    const SC_CHAR *rest = in->string + in->consumed;
    status = argument ? SC_OLD_SSCANF(rest, piece, argument, &consumed)
                      : SC_OLD_SSCANF(rest, piece, &consumed);
  } else {
    status = argument ? SC_OLD_FSCANF(in->stream, piece, argument, &consumed)
                      : SC_OLD_FSCANF(in->stream, piece, &consumed);
  }
  if (piece != inline_piece)
    free(piece);
  *assigned = argument && status == 1;
  if (consumed >= 0) {
    in->consumed += (size_t)consumed;
    return consumed;
  }
  return status == SC_EOF_RESULT ? SC_INPUT_FAILURE : SC_MISMATCH;
}

/* The whole call: arguments fetched up front (every scanf argument is a pointer),
 * then the format directive by directive. */
static int sc_run(struct sc_input *in, const SC_CHAR *format, va_list ap)
{
  size_t count;
  sc_scan_format(format, &count);
  void *inline_arguments[32];
  void **arguments = count <= 32 ? inline_arguments : malloc(count * sizeof(void *));
  if (!arguments)
    return SC_EOF_RESULT;
  for (size_t i = 0; i < count; i++)
    arguments[i] = va_arg(ap, void *);

  int done = 0, failure = 0, assigned;
  size_t next_argument = 0;
  const SC_CHAR *text = format, *p = format;
  while (*p && !failure) {
    if (*p != '%') {
      p++;
      continue;
    }
    struct sc_spec s;
    sc_parse(p, &s);
    if (s.conversion == '%' || s.conversion == 0) {  /* literal text */
      p = s.end;
      continue;
    }
    void *argument = 0;
    if (sc_takes_argument(&s)) {
      size_t index = s.position ? (size_t)s.position - 1 : next_argument++;
      argument = index < count ? arguments[index] : 0;
    }
    if (!sc_is_c23_integer(&s) && s.conversion != 'n') {
      long r = sc_forward(in, text, s.start, &s, argument, &assigned);
      if (r < 0)
        failure = (int)r;
      else
        done += assigned;
    } else {
      if (text != s.start) {
        long r = sc_forward(in, text, s.start, 0, 0, &assigned);
        if (r < 0) {
          failure = (int)r;
          break;
        }
      }
      if (s.conversion == 'n') {
        if (argument)
          sc_store(argument, s.length, in->consumed);
      } else {
        int r = sc_integer(in, &s, argument);
        if (r < 0)
          failure = r;
        else
          done += r;
      }
    }
    text = p = s.end;
  }
  if (!failure && text != p) {
    long r = sc_forward(in, text, p, 0, 0, &assigned);
    if (r < 0)
      failure = (int)r;
  }
  if (arguments != inline_arguments)
    free(arguments);
  return failure == SC_INPUT_FAILURE && done == 0 ? SC_EOF_RESULT : done;
}

static int sc_string(const SC_CHAR *string, const SC_CHAR *format, va_list ap)
{
  size_t count;
  if (!sc_scan_format(format, &count))
    return SC_OLD_VSSCANF(string, format, ap);
  struct sc_input in = { string, 0, 0 };
  return sc_run(&in, format, ap);
}

static int sc_stream(FILE *stream, const SC_CHAR *format, va_list ap)
{
  size_t count;
  if (!sc_scan_format(format, &count))
    return SC_OLD_VFSCANF(stream, format, ap);
  struct sc_input in = { 0, stream, 0 };
  flockfile(stream);  /* one call reads as one, as glibc's own scanf does */
  int result = sc_run(&in, format, ap);
  funlockfile(stream);
  return result;
}
