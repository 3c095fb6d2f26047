/* c23_scanf.h, part 4: the whole call, directive by directive: %b, %i and %n here, every
 * other piece through the target's own __isoc99_ function. */

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
