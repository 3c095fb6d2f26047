/* __isoc23_sscanf, fscanf, scanf, vsscanf, vfscanf, vscanf: added in glibc 2.38
 * (C23: %b, and %i reading 0b/0B).  See c23_scanf.h for how. */
#include "shim.h"
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The target's functions under their own names (newer headers redirect). */
extern int old_sscanf(const char *, const char *, ...) __asm__("__isoc99_sscanf");
extern int old_fscanf(FILE *, const char *, ...) __asm__("__isoc99_fscanf");
extern int old_vsscanf(const char *, const char *, va_list) __asm__("__isoc99_vsscanf");
extern int old_vfscanf(FILE *, const char *, va_list) __asm__("__isoc99_vfscanf");
extern long sc_old_strtol(const char *, char **, int) __asm__("strtol");
extern long long sc_old_strtoll(const char *, char **, int) __asm__("strtoll");
extern unsigned long sc_old_strtoul(const char *, char **, int) __asm__("strtoul");
extern unsigned long long sc_old_strtoull(const char *, char **, int) __asm__("strtoull");

#define SC_CHAR char
#define SC_INT int
#define SC_EOF EOF
#define SC_EOF_RESULT EOF
#define SC_UCHAR(c) ((unsigned char)(c))
#define SC_GETC(f) getc(f)
#define SC_UNGETC(c, f) ungetc(c, f)
#define SC_ISSPACE(c) isspace(c)
#define SC_OLD_SSCANF old_sscanf
#define SC_OLD_FSCANF old_fscanf
#define SC_OLD_VSSCANF old_vsscanf
#define SC_OLD_VFSCANF old_vfscanf
#include "c23_scanf.h"

SHIM int __isoc23_vsscanf(const char *s, const char *format, va_list ap)
{
  return sc_string(s, format, ap);
}

SHIM int __isoc23_vfscanf(FILE *stream, const char *format, va_list ap)
{
  return sc_stream(stream, format, ap);
}

SHIM int __isoc23_vscanf(const char *format, va_list ap)
{
  return sc_stream(stdin, format, ap);
}

SHIM int __isoc23_sscanf(const char *s, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_string(s, format, ap);
  va_end(ap);
  return result;
}

SHIM int __isoc23_fscanf(FILE *stream, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_stream(stream, format, ap);
  va_end(ap);
  return result;
}

SHIM int __isoc23_scanf(const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_stream(stdin, format, ap);
  va_end(ap);
  return result;
}
