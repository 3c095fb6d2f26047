/* c23_scanf.h, part 1: the input, a string (sscanf) or a stream (fscanf, scanf), read one
 * character at a time with one pushed back, counting what was consumed. */

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
