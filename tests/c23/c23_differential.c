/* Differential test of the C23 shims: the same inputs through glibc-pin's shims
 * ("shim": the functions this program links) and through a glibc >= 2.38's real
 * ones ("real": looked up with dlsym, so only on such a runtime).  The test runs
 * both and compares the outputs line by line.
 *
 * usage: c23_differential shim|real */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "shim_or_real.h"

/* Declared here: the host's headers may be older than glibc 2.38. */
long __isoc23_strtol(const char *, char **, int);
unsigned long __isoc23_strtoul(const char *, char **, int);
long long __isoc23_strtoll(const char *, char **, int);
unsigned long long __isoc23_strtoull(const char *, char **, int);
intmax_t __isoc23_strtoimax(const char *, char **, int);
uintmax_t __isoc23_strtoumax(const char *, char **, int);
long __isoc23_strtol_l(const char *, char **, int, locale_t);
unsigned long long __isoc23_strtoull_l(const char *, char **, int, locale_t);
long __isoc23_wcstol(const wchar_t *, wchar_t **, int);
unsigned long __isoc23_wcstoul(const wchar_t *, wchar_t **, int);
long long __isoc23_wcstoll_l(const wchar_t *, wchar_t **, int, locale_t);
uintmax_t __isoc23_wcstoumax(const wchar_t *, wchar_t **, int);
int __isoc23_sscanf(const char *, const char *, ...);
int __isoc23_vsscanf(const char *, const char *, va_list);
int __isoc23_fscanf(FILE *, const char *, ...);
int __isoc23_swscanf(const wchar_t *, const wchar_t *, ...);
int __isoc23_fwscanf(FILE *, const wchar_t *, ...);
size_t strlcpy(char *, const char *, size_t);
size_t strlcat(char *, const char *, size_t);
size_t wcslcpy(wchar_t *, const wchar_t *, size_t);
size_t wcslcat(wchar_t *, const wchar_t *, size_t);
size_t __strlcpy_chk(char *, const char *, size_t, size_t);
size_t __strlcat_chk(char *, const char *, size_t, size_t);
int __inet_pton_chk(int, const char *, void *, size_t);
const char *__inet_ntop_chk(int, const void *, char *, unsigned, size_t);

static const char *strto_inputs[] = {
  "0b101", "0B11z", "-0b11", "  +0b1 x", "0b", "0bx", "0b2", "-0b", "0x1f", "017", "42",
  "0b1111111111111111111111111111111111111111111111111111111111111111",
  "0b10000000000000000000000000000000000000000000000000000000000000000",
  "-0b1000000000000000000000000000000000000000000000000000000000000000",
  "-0b1000000000000000000000000000000000000000000000000000000000000001",
  "0b0111111111111111111111111111111111111111111111111111111111111111",
  "\t\n0b1", "b101", "", "-", "0b00000000000000000000000000000000000000000000000000000000000000000001",
};

static void strto(void)
{
  static const int bases[] = { 0, 2, 8, 10, 16, 36 };
  locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  for (size_t i = 0; i < sizeof strto_inputs / sizeof *strto_inputs; i++) {
    const char *s = strto_inputs[i];
    for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
      int base = bases[b];
      char *end;
      errno = 0;
      long l = FN(__isoc23_strtol)(s, &end, base);
      printf("strtol(\"%s\",%d)=%ld end=%td errno=%d\n", s, base, l, end - s, errno);
      errno = 0;
      unsigned long ul = FN(__isoc23_strtoul)(s, &end, base);
      printf("strtoul=%lu end=%td errno=%d\n", ul, end - s, errno);
      errno = 0;
      long long ll = FN(__isoc23_strtoll)(s, &end, base);
      printf("strtoll=%lld end=%td errno=%d\n", ll, end - s, errno);
      errno = 0;
      unsigned long long ull = FN(__isoc23_strtoull)(s, NULL, base);
      printf("strtoull=%llu errno=%d\n", ull, errno);
      errno = 0;
      intmax_t im = FN(__isoc23_strtoimax)(s, &end, base);
      printf("strtoimax=%jd end=%td errno=%d\n", im, end - s, errno);
      errno = 0;
      uintmax_t um = FN(__isoc23_strtoumax)(s, &end, base);
      printf("strtoumax=%ju end=%td errno=%d\n", um, end - s, errno);
      errno = 0;
      l = FN(__isoc23_strtol_l)(s, &end, base, c_locale);
      printf("strtol_l=%ld end=%td errno=%d\n", l, end - s, errno);
      errno = 0;
      ull = FN(__isoc23_strtoull_l)(s, &end, base, c_locale);
      printf("strtoull_l=%llu end=%td errno=%d\n", ull, end - s, errno);

      wchar_t w[128], *wend;
      mbstowcs(w, s, 128);
      errno = 0;
      l = FN(__isoc23_wcstol)(w, &wend, base);
      printf("wcstol=%ld end=%td errno=%d\n", l, wend - w, errno);
      errno = 0;
      ul = FN(__isoc23_wcstoul)(w, &wend, base);
      printf("wcstoul=%lu end=%td errno=%d\n", ul, wend - w, errno);
      errno = 0;
      ll = FN(__isoc23_wcstoll_l)(w, &wend, base, c_locale);
      printf("wcstoll_l=%lld end=%td errno=%d\n", ll, wend - w, errno);
      errno = 0;
      um = FN(__isoc23_wcstoumax)(w, &wend, base);
      printf("wcstoumax=%ju end=%td errno=%d\n", um, wend - w, errno);
    }
  }
  freelocale(c_locale);
}

static const char *scan_inputs[] = {
  "0b101", "0B11z", "-0b11", "  +0b1 x", "0b", "0bx", "0b2", "-0b", "0x1f", "017", "42",
  "0", "", "   ", "-", "+x", "0b1 0b10 7 abc", "12 0b11 0x10 010 -5", "  0b1011rest",
  "0b1111111111111111111111111111111111111111111111111111111111111111",
  "0b10000000000000000000000000000000000000000000000000000000000000001",
  "x0b1", "0b1:0b11", "7 8 9", "0b1.5e3",
};

static const char *scan_formats[] = {
  "%i%n", "%b%n", "%2i%n%c", "%3b%n", "%hhi %hi %li %lli %n", "%hhb %hb %lb %llb %n",
  "%*i%n", "%d %i %x%n", "%s%n", "%i:%i%n", "%ji %zi %ti%n", "%2$i %1$i%n", "%i %s%n",
  "%i%%%n", "%[01b]%n", "%i %f%n", "%o%i%n", "%*b%b%n", "x%i%n", "%i %n", "%lb%n",
};

/* Each argument slot of every format gets its own storage, so a conversion
 * stores there whatever its type; printed as bytes. */
static void scan_one(const char *input, const char *format, int from_file)
{
  union { long long n; char s[64]; } slots[6];
  memset(slots, 0x5a, sizeof slots);
  int n = -7;
  for (int i = 0; i < 6; i++)
    slots[i].s[63] = 0;
  int r;
  /* %n goes to `n` when it is the last conversion; slots take the others. */
  if (from_file) {
    FILE *f = tmpfile();
    fputs(input, f);
    rewind(f);
    r = FN(__isoc23_fscanf)(f, format, &slots[0], &slots[1], &slots[2], &slots[3], &slots[4],
                            &slots[5], &n);
    char rest[64] = "";
    if (!fgets(rest, sizeof rest, f))
      rest[0] = 0;
    fclose(f);
    printf("fscanf(\"%s\",\"%s\")=%d rest=\"%s\"", input, format, r, rest);
  } else {
    r = FN(__isoc23_sscanf)(input, format, &slots[0], &slots[1], &slots[2], &slots[3],
                            &slots[4], &slots[5], &n);
    printf("sscanf(\"%s\",\"%s\")=%d", input, format, r);
  }
  for (int i = 0; i < 6; i++) {
    printf(" [");
    for (int j = 0; j < 12; j++)
      printf("%02x", (unsigned char)slots[i].s[j]);
    printf("]");
  }
  printf(" n=%d\n", n);
}

static void scan(void)
{
  for (size_t i = 0; i < sizeof scan_inputs / sizeof *scan_inputs; i++)
    for (size_t f = 0; f < sizeof scan_formats / sizeof *scan_formats; f++) {
      /* %n is the 7th pointer: formats with fewer conversions put it earlier */
      scan_one(scan_inputs[i], scan_formats[f], 0);
      scan_one(scan_inputs[i], scan_formats[f], 1);
    }
}

static void wide_scan(void)
{
  static const wchar_t *inputs[] = { L"0b101", L"-0b11 7", L"0b", L"0B1x", L"", L"  0b1 0x1f" };
  static const wchar_t *formats[] = { L"%i%n", L"%b%n", L"%i %i%n", L"%2i%n", L"%ls%n" };
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
      long long a = -1, b = -1;
      int n = -7;
      wchar_t text[32] = L"";
      int r = wcscmp(formats[f], L"%ls%n") == 0
                  ? FN(__isoc23_swscanf)(inputs[i], formats[f], text, &n)
                  : FN(__isoc23_swscanf)(inputs[i], formats[f], &a, &b, &n);
      printf("swscanf(%zu,%zu)=%d a=%lld b=%lld n=%d text=%ls\n", i, f, r, a, b, n, text);
      FILE *file = tmpfile();
      fputws(inputs[i], file);
      rewind(file);
      a = b = -1;
      n = -7;
      r = wcscmp(formats[f], L"%ls%n") == 0
              ? FN(__isoc23_fwscanf)(file, formats[f], text, &n)
              : FN(__isoc23_fwscanf)(file, formats[f], &a, &b, &n);
      wint_t next = fgetwc(file);
      fclose(file);
      printf("fwscanf(%zu,%zu)=%d a=%lld b=%lld n=%d next=%d\n", i, f, r, a, b, n, (int)next);
    }
}

static void strl(void)
{
  static const char *sources[] = { "", "a", "hello", "exactly8", "a longer source string" };
  static const size_t sizes[] = { 0, 1, 2, 5, 8, 9, 16 };
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
      char buffer[32];
      memset(buffer, '#', sizeof buffer);
      size_t r = FN(strlcpy)(buffer, sources[i], sizes[k]);
      printf("strlcpy(\"%s\",%zu)=%zu [%.*s]\n", sources[i], sizes[k], r, 20, buffer);
      memcpy(buffer, "abc\0################", 20);
      r = FN(strlcat)(buffer, sources[i], sizes[k]);
      printf("strlcat(\"%s\",%zu)=%zu [%.*s]\n", sources[i], sizes[k], r, 20, buffer);
      memset(buffer, '#', sizeof buffer);
      r = FN(__strlcpy_chk)(buffer, sources[i], sizes[k], sizeof buffer);
      printf("__strlcpy_chk=%zu [%.*s]\n", r, 20, buffer);
      memcpy(buffer, "abc\0################", 20);
      r = FN(__strlcat_chk)(buffer, sources[i], sizes[k], sizeof buffer);
      printf("__strlcat_chk=%zu [%.*s]\n", r, 20, buffer);

      wchar_t wsource[32], wbuffer[32];
      mbstowcs(wsource, sources[i], 32);
      wmemset(wbuffer, L'#', 32);
      r = FN(wcslcpy)(wbuffer, wsource, sizes[k]);
      printf("wcslcpy=%zu [%.20ls]\n", r, wbuffer);
      wmemcpy(wbuffer, L"abc\0################", 20);
      r = FN(wcslcat)(wbuffer, wsource, sizes[k]);
      printf("wcslcat=%zu [%.3ls|%.16ls]\n", r, wbuffer, wbuffer + 4);
    }
}

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  setvbuf(stdout, NULL, _IOFBF, 1 << 16);
  strto();
  scan();
  wide_scan();
  strl();
  return 0;
}
