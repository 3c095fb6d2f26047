/* __isoc23_swscanf, fwscanf, wscanf, vswscanf, vfwscanf, vwscanf: added in glibc
 * 2.38 (C23: %b, and %i reading 0b/0B).  See c23_scanf.h for how. */
#include "shim.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

extern int old_swscanf(const wchar_t *, const wchar_t *, ...) __asm__("__isoc99_swscanf");
extern int old_fwscanf(FILE *, const wchar_t *, ...) __asm__("__isoc99_fwscanf");
extern int old_vswscanf(const wchar_t *, const wchar_t *, va_list) __asm__("__isoc99_vswscanf");
extern int old_vfwscanf(FILE *, const wchar_t *, va_list) __asm__("__isoc99_vfwscanf");
extern long sc_old_strtol(const char *, char **, int) __asm__("strtol");
extern long long sc_old_strtoll(const char *, char **, int) __asm__("strtoll");
extern unsigned long sc_old_strtoul(const char *, char **, int) __asm__("strtoul");
extern unsigned long long sc_old_strtoull(const char *, char **, int) __asm__("strtoull");

#define SC_CHAR wchar_t
#define SC_INT wint_t
#define SC_EOF WEOF
#define SC_EOF_RESULT EOF
#define SC_UCHAR(c) ((wint_t)(c))
#define SC_GETC(f) getwc(f)
#define SC_UNGETC(c, f) ungetwc(c, f)
#define SC_ISSPACE(c) iswspace(c)
#define SC_OLD_SSCANF old_swscanf
#define SC_OLD_FSCANF old_fwscanf
#define SC_OLD_VSSCANF old_vswscanf
#define SC_OLD_VFSCANF old_vfwscanf
#include "c23_scanf.h"

SHIM int __isoc23_vswscanf(const wchar_t *s, const wchar_t *format, va_list ap)
{
  return sc_string(s, format, ap);
}

SHIM int __isoc23_vfwscanf(FILE *stream, const wchar_t *format, va_list ap)
{
  return sc_stream(stream, format, ap);
}

SHIM int __isoc23_vwscanf(const wchar_t *format, va_list ap)
{
  return sc_stream(stdin, format, ap);
}

SHIM int __isoc23_swscanf(const wchar_t *s, const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_string(s, format, ap);
  va_end(ap);
  return result;
}

SHIM int __isoc23_fwscanf(FILE *stream, const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_stream(stream, format, ap);
  va_end(ap);
  return result;
}

SHIM int __isoc23_wscanf(const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int result = sc_stream(stdin, format, ap);
  va_end(ap);
  return result;
}
