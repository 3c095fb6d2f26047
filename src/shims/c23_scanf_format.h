/* c23_scanf.h, part 2: the format, one conversion specification at a time, and whether it
 * needs the C23 reading at all (%b, %i). */

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
