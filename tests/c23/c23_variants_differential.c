/* Differential test of the C23 entry points c23_differential.c does not call: the va_list
 * scanf family (__isoc23_vsscanf, vfscanf, vscanf and the wide ones), the ones that read stdin
 * (__isoc23_scanf, wscanf, vscanf, vwscanf: stdin is reopened on a file), the other _l and wide
 * strto variants, and __wcslcpy_chk / __wcslcat_chk.  The shims ("shim") against glibc 2.41's
 * own ("real", dlsym), as c23_differential.c; the inputs have no prefix without digits ("0b"),
 * which glibc 2.43 reads differently (src/shims/README.md).
 * usage: c23_variants_differential shim|real */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "shim_or_real.h"

long long __isoc23_strtoll_l(const char *, char **, int, locale_t);
unsigned long __isoc23_strtoul_l(const char *, char **, int, locale_t);
intmax_t __isoc23_wcstoimax(const wchar_t *, wchar_t **, int);
long __isoc23_wcstol_l(const wchar_t *, wchar_t **, int, locale_t);
long long __isoc23_wcstoll(const wchar_t *, wchar_t **, int);
unsigned long __isoc23_wcstoul_l(const wchar_t *, wchar_t **, int, locale_t);
unsigned long long __isoc23_wcstoull(const wchar_t *, wchar_t **, int);
unsigned long long __isoc23_wcstoull_l(const wchar_t *, wchar_t **, int, locale_t);
int __isoc23_vsscanf(const char *, const char *, va_list);
int __isoc23_vfscanf(FILE *, const char *, va_list);
int __isoc23_vscanf(const char *, va_list);
int __isoc23_scanf(const char *, ...);
int __isoc23_vswscanf(const wchar_t *, const wchar_t *, va_list);
int __isoc23_vfwscanf(FILE *, const wchar_t *, va_list);
int __isoc23_vwscanf(const wchar_t *, va_list);
int __isoc23_wscanf(const wchar_t *, ...);
size_t __wcslcpy_chk(wchar_t *, const wchar_t *, size_t, size_t);
size_t __wcslcat_chk(wchar_t *, const wchar_t *, size_t, size_t);

static const char *inputs[] = {"0b101", "-0B11 x", "0x1f 0b1", "  +0b1111111111111111111111111111111111111111111111111111111111111111",
                               "0777", "z", "12abc", "-0b1010 42"};

static void strto(void)
{
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  static const int bases[] = {0, 2, 10, 16};
  for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++)
    for (unsigned b = 0; b < sizeof bases / sizeof *bases; b++) {
      const char *s = inputs[i];
      wchar_t w[128];
      mbstowcs(w, s, 128);
      char *end;
      wchar_t *wend;
      int base = bases[b];
      errno = 0;
      long long ll = FN(__isoc23_strtoll_l)(s, &end, base, c);
      printf("strtoll_l(\"%s\", %d) = %lld end %td errno %d\n", s, base, ll, end - s, errno);
      errno = 0;
      unsigned long ul = FN(__isoc23_strtoul_l)(s, &end, base, c);
      printf("strtoul_l = %lu end %td errno %d\n", ul, end - s, errno);
      errno = 0;
      intmax_t im = FN(__isoc23_wcstoimax)(w, &wend, base);
      printf("wcstoimax = %jd end %td errno %d\n", im, wend - w, errno);
      errno = 0;
      long l = FN(__isoc23_wcstol_l)(w, &wend, base, c);
      printf("wcstol_l = %ld end %td errno %d\n", l, wend - w, errno);
      errno = 0;
      ll = FN(__isoc23_wcstoll)(w, &wend, base);
      printf("wcstoll = %lld end %td errno %d\n", ll, wend - w, errno);
      errno = 0;
      ul = FN(__isoc23_wcstoul_l)(w, &wend, base, c);
      printf("wcstoul_l = %lu end %td errno %d\n", ul, wend - w, errno);
      errno = 0;
      unsigned long long ull = FN(__isoc23_wcstoull)(w, &wend, base);
      printf("wcstoull = %llu end %td errno %d\n", ull, wend - w, errno);
      errno = 0;
      ull = FN(__isoc23_wcstoull_l)(w, &wend, base, c);
      printf("wcstoull_l = %llu end %td errno %d\n", ull, wend - w, errno);
    }
  freelocale(c);
}

/* Each v* function through a variadic wrapper, as callers use them. */
static int via_vsscanf(const char *in, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vsscanf)(in, format, ap);
  va_end(ap);
  return r;
}
static int via_vfscanf(FILE *f, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vfscanf)(f, format, ap);
  va_end(ap);
  return r;
}
static int via_vscanf(const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vscanf)(format, ap);
  va_end(ap);
  return r;
}
static int via_vswscanf(const wchar_t *in, const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vswscanf)(in, format, ap);
  va_end(ap);
  return r;
}
static int via_vfwscanf(FILE *f, const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vfwscanf)(f, format, ap);
  va_end(ap);
  return r;
}
static int via_vwscanf(const wchar_t *format, ...)
{
  va_list ap;
  va_start(ap, format);
  int r = FN(__isoc23_vwscanf)(format, ap);
  va_end(ap);
  return r;
}

/* A file holding `text`, and stdin reopened on it. */
static FILE *file_of(const char *text, int as_stdin)
{
  static int count;
  char path[64];
  snprintf(path, sizeof path, "c23-variants-%d-%d.txt", (int)getpid(), count++);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  f = as_stdin ? freopen(path, "r", stdin) : fopen(path, "r");
  unlink(path);
  return f;
}

static void scan(void)
{
  static const char *formats[] = {"%i %i%n", "%b %b%n", "%li %x%n", "%hhb%n %d", "%5i%n"};
  for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++)
    for (unsigned k = 0; k < sizeof formats / sizeof *formats; k++) {
      const char *in = inputs[i], *format = formats[k];
      long a = -7, b = -7;
      int n = -1;
      int r = via_vsscanf(in, format, &a, &b, &n);
      printf("vsscanf(\"%s\", \"%s\") = %d: %ld %ld %d\n", in, format, r, a, b, n);
      a = b = -7, n = -1;
      FILE *f = file_of(in, 0);
      r = via_vfscanf(f, format, &a, &b, &n);
      printf("vfscanf = %d: %ld %ld %d, next %d\n", r, a, b, n, fgetc(f));
      fclose(f);
      a = b = -7, n = -1;
      file_of(in, 1);
      r = via_vscanf(format, &a, &b, &n);
      printf("vscanf = %d: %ld %ld %d, next %d\n", r, a, b, n, getchar());
      a = b = -7, n = -1;
      file_of(in, 1);
      r = FN(__isoc23_scanf)(format, &a, &b, &n);
      printf("scanf = %d: %ld %ld %d, next %d\n", r, a, b, n, getchar());

      wchar_t win[128], wformat[32];
      mbstowcs(win, in, 128);
      mbstowcs(wformat, format, 32);
      a = b = -7, n = -1;
      r = via_vswscanf(win, wformat, &a, &b, &n);
      printf("vswscanf = %d: %ld %ld %d\n", r, a, b, n);
      a = b = -7, n = -1;
      f = file_of(in, 0);
      r = via_vfwscanf(f, wformat, &a, &b, &n);
      printf("vfwscanf = %d: %ld %ld %d, next %d\n", r, a, b, n, (int)fgetwc(f));
      fclose(f);
      a = b = -7, n = -1;
      file_of(in, 1);
      r = via_vwscanf(wformat, &a, &b, &n);
      printf("vwscanf = %d: %ld %ld %d, next %d\n", r, a, b, n, (int)getwchar());
      a = b = -7, n = -1;
      file_of(in, 1);
      r = FN(__isoc23_wscanf)(wformat, &a, &b, &n);
      printf("wscanf = %d: %ld %ld %d, next %d\n", r, a, b, n, (int)getwchar());
    }
}

static void wcsl_chk(void)
{
  static const wchar_t *sources[] = {L"", L"a", L"hello", L"exactly8", L"a longer source string"};
  static const size_t sizes[] = {0, 1, 2, 5, 8, 9, 16};
  for (unsigned i = 0; i < sizeof sources / sizeof *sources; i++)
    for (unsigned k = 0; k < sizeof sizes / sizeof *sizes; k++) {
      wchar_t buffer[32];
      wmemset(buffer, L'#', 32);
      buffer[31] = 0;
      size_t r = FN(__wcslcpy_chk)(buffer, sources[i], sizes[k], 32);
      printf("wcslcpy_chk(%zu) = %zu \"%ls\"\n", sizes[k], r, buffer);
      wcscpy(buffer, L"ab");
      r = FN(__wcslcat_chk)(buffer, sources[i], sizes[k], 32);
      printf("wcslcat_chk(%zu) = %zu \"%ls\"\n", sizes[k], r, buffer);
    }
}

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  setvbuf(stdout, NULL, _IOLBF, 0);
  strto();
  scan();
  wcsl_chk();
  return 0;
}
