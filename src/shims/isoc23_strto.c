/* __isoc23_strtol, strtoul, strtoll, strtoull, strtoimax, strtoumax and the _l
 * variants: added in glibc 2.38 (C23: a 0b/0B prefix for base 0 and 2).
 * Everything else is the target's own strtol & co. (c23_integer.h). */
#include "shim.h"
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>

/* The target's functions, declared here under their own names: headers of glibc
 * >= 2.38 would redirect `strtol` back to __isoc23_strtol. */
extern long old_strtol(const char *, char **, int) __asm__("strtol");
extern unsigned long old_strtoul(const char *, char **, int) __asm__("strtoul");
extern long long old_strtoll(const char *, char **, int) __asm__("strtoll");
extern unsigned long long old_strtoull(const char *, char **, int) __asm__("strtoull");
extern intmax_t old_strtoimax(const char *, char **, int) __asm__("strtoimax");
extern uintmax_t old_strtoumax(const char *, char **, int) __asm__("strtoumax");
extern long old_strtol_l(const char *, char **, int, locale_t) __asm__("strtol_l");
extern unsigned long old_strtoul_l(const char *, char **, int, locale_t) __asm__("strtoul_l");
extern long long old_strtoll_l(const char *, char **, int, locale_t) __asm__("strtoll_l");
extern unsigned long long old_strtoull_l(const char *, char **, int, locale_t)
    __asm__("strtoull_l");

#define C23_CHAR char
#define C23_IS_SPACE(c, l) ((l) ? isspace_l((unsigned char)(c), (l)) : isspace((unsigned char)(c)))
#define C23_OLD_STRTOULL old_strtoull
#include "c23_integer.h"

C23_PARSER(__isoc23_strtol, long, 1, LONG_MIN, LONG_MAX, old_strtol)
C23_PARSER(__isoc23_strtoul, unsigned long, 0, 0, ULONG_MAX, old_strtoul)
C23_PARSER(__isoc23_strtoll, long long, 1, LLONG_MIN, LLONG_MAX, old_strtoll)
C23_PARSER(__isoc23_strtoull, unsigned long long, 0, 0, ULLONG_MAX, old_strtoull)
C23_PARSER(__isoc23_strtoimax, intmax_t, 1, INTMAX_MIN, INTMAX_MAX, old_strtoimax)
C23_PARSER(__isoc23_strtoumax, uintmax_t, 0, 0, UINTMAX_MAX, old_strtoumax)
C23_PARSER_L(__isoc23_strtol_l, long, 1, LONG_MIN, LONG_MAX, old_strtol_l)
C23_PARSER_L(__isoc23_strtoul_l, unsigned long, 0, 0, ULONG_MAX, old_strtoul_l)
C23_PARSER_L(__isoc23_strtoll_l, long long, 1, LLONG_MIN, LLONG_MAX, old_strtoll_l)
C23_PARSER_L(__isoc23_strtoull_l, unsigned long long, 0, 0, ULLONG_MAX, old_strtoull_l)
