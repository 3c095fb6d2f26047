/* __isoc23_wcstol, wcstoul, wcstoll, wcstoull, wcstoimax, wcstoumax and the _l
 * variants: added in glibc 2.38 (C23: a 0b/0B prefix for base 0 and 2).
 * Everything else is the target's own wcstol & co. (c23_integer.h). */
#include "shim.h"
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <wchar.h>
#include <wctype.h>

extern long old_wcstol(const wchar_t *, wchar_t **, int) __asm__("wcstol");
extern unsigned long old_wcstoul(const wchar_t *, wchar_t **, int) __asm__("wcstoul");
extern long long old_wcstoll(const wchar_t *, wchar_t **, int) __asm__("wcstoll");
extern unsigned long long old_wcstoull(const wchar_t *, wchar_t **, int) __asm__("wcstoull");
extern intmax_t old_wcstoimax(const wchar_t *, wchar_t **, int) __asm__("wcstoimax");
extern uintmax_t old_wcstoumax(const wchar_t *, wchar_t **, int) __asm__("wcstoumax");
extern long old_wcstol_l(const wchar_t *, wchar_t **, int, locale_t) __asm__("wcstol_l");
extern unsigned long old_wcstoul_l(const wchar_t *, wchar_t **, int, locale_t)
    __asm__("wcstoul_l");
extern long long old_wcstoll_l(const wchar_t *, wchar_t **, int, locale_t) __asm__("wcstoll_l");
extern unsigned long long old_wcstoull_l(const wchar_t *, wchar_t **, int, locale_t)
    __asm__("wcstoull_l");

#define C23_CHAR wchar_t
#define C23_IS_SPACE(c, l) ((l) ? iswspace_l((wint_t)(c), (l)) : iswspace((wint_t)(c)))
#define C23_OLD_STRTOULL old_wcstoull
#include "c23_integer.h"

C23_PARSER(__isoc23_wcstol, long, 1, LONG_MIN, LONG_MAX, old_wcstol)
C23_PARSER(__isoc23_wcstoul, unsigned long, 0, 0, ULONG_MAX, old_wcstoul)
C23_PARSER(__isoc23_wcstoll, long long, 1, LLONG_MIN, LLONG_MAX, old_wcstoll)
C23_PARSER(__isoc23_wcstoull, unsigned long long, 0, 0, ULLONG_MAX, old_wcstoull)
C23_PARSER(__isoc23_wcstoimax, intmax_t, 1, INTMAX_MIN, INTMAX_MAX, old_wcstoimax)
C23_PARSER(__isoc23_wcstoumax, uintmax_t, 0, 0, UINTMAX_MAX, old_wcstoumax)
C23_PARSER_L(__isoc23_wcstol_l, long, 1, LONG_MIN, LONG_MAX, old_wcstol_l)
C23_PARSER_L(__isoc23_wcstoul_l, unsigned long, 0, 0, ULONG_MAX, old_wcstoul_l)
C23_PARSER_L(__isoc23_wcstoll_l, long long, 1, LLONG_MIN, LLONG_MAX, old_wcstoll_l)
C23_PARSER_L(__isoc23_wcstoull_l, unsigned long long, 0, 0, ULLONG_MAX, old_wcstoull_l)
