/* What newer headers turn a plain C program into: built in a Debian 13 / sid root with
 * the compiler's default standard (gnu23 from GCC 15 on), -std=c23 and
 * -D_FORTIFY_SOURCE=3, its strtol, sscanf, wcstol become __isoc23_* (glibc >= 2.38
 * headers), strlcpy/strlcat exist, and inet_pton/inet_ntop become __inet_*_chk
 * (glibc >= 2.42 headers).  Pinned for 2.17/2.28/2.31, it must print what it prints
 * on its build host. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* A program that takes another branch with glibc >= 2.38's headers: the branch must
 * still link and run on the target. */
static size_t copy_name(char *to, size_t size, const char *from)
{
#if defined(__GLIBC_PREREQ) && __GLIBC_PREREQ(2, 38)
  return strlcpy(to, from, size);
#else
  snprintf(to, size, "%s", from);
  return strlen(from);
#endif
}

int main(int argc, char **argv)
{
  (void)argv;
  char *end;
  /* argc keeps the compiler from folding the calls. */
  const char *binary = argc > 5 ? "" : "0b101101";
  printf("strtol: %ld %ld %ld\n", strtol(binary, &end, 0), strtol(binary, NULL, 2),
         strtol("-0B11", NULL, 0));
  printf("strtoul: %lu strtoll: %lld strtoimax: %jd\n", strtoul(binary + 2, NULL, 2),
         strtoll("  0b1111", NULL, 0), strtoimax("0b10", NULL, 0));
  printf("end: %td\n", end - binary);

  int i = 0, n = 0;
  unsigned b = 0;
  int got = sscanf("0b1010 0b111 rest", "%i %b %n", &i, &b, &n);
  printf("sscanf: %d i=%d b=%u n=%d\n", got, i, b, n);
  got = sscanf("17 0x1f", "%d %x", &i, &b);
  printf("sscanf plain: %d %d %u\n", got, i, b);

  wchar_t wide[] = L"0b110";
  printf("wcstol: %ld\n", wcstol(wide, NULL, 0));

  char name[8];
  size_t length = copy_name(name, sizeof name, "a long file name");
  printf("copy_name: %zu \"%s\"\n", length, name);
#if defined(__GLIBC_PREREQ) && __GLIBC_PREREQ(2, 38)
  char joined[16] = "ab";
  length = strlcat(joined, "cdefghijklmnopqrstuvwxyz", sizeof joined);
  printf("strlcat: %zu \"%s\"\n", length, joined);
#else
  printf("strlcat: 26 \"abcdefghijklmno\"\n");
#endif

  unsigned char address[16];
  char text[INET6_ADDRSTRLEN];
  int ok = inet_pton(AF_INET6, "2001:db8::ff00:42:8329", address);
  printf("inet: %d %s\n", ok, inet_ntop(AF_INET6, address, text, sizeof text));
  ok = inet_pton(AF_INET, "192.0.2.33", address);
  printf("inet4: %d %s\n", ok, inet_ntop(AF_INET, address, text, sizeof text));
  return 0;
}
