/* Differential test of the glibc 2.42-2.43 shims a newer host's headers lead to:
 * __inet_pton_chk, __inet_ntop_chk (-D_FORTIFY_SOURCE routes inet_pton/inet_ntop through them,
 * glibc 2.42), memset_explicit and __memset_explicit_chk (C23, 2.43). The shims ("shim") against
 * glibc's own ("real", dlsym; the shims are hidden from it) on sid: results, errno, the bytes
 * written, and which calls abort through __chk_fail (in a child, its message silenced).
 * usage: inet_memset_differential shim|real */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shim_or_real.h"

int __inet_pton_chk(int af, const char *src, void *dst, size_t dst_size);
const char *__inet_ntop_chk(int af, const void *src, char *dst, socklen_t size, size_t dst_size);
void *memset_explicit(void *s, int c, size_t n);
void *__memset_explicit_chk(void *s, int c, size_t n, size_t dst_size);

static void hex(const unsigned char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    printf("%02x", p[i]);
}

static void pton(int af, const char *src, size_t dst_size)
{
  unsigned char dst[20];
  memset(dst, 0xee, sizeof dst);
  errno = 0;
  int r = FN(__inet_pton_chk)(af, src, dst, dst_size);
  printf("inet_pton_chk(%d, \"%s\", %zu) = %d errno %d: ", af, src, dst_size, r, r < 0 ? errno : 0);
  hex(dst, af == AF_INET6 ? 16 : 4);
  printf("\n");
}

static void ntop(int af, const char *bytes_text, socklen_t size, size_t dst_size)
{
  unsigned char src[16] = {0};
  inet_pton(af, bytes_text, src);
  char dst[64];
  memset(dst, '#', sizeof dst);
  errno = 0;
  const char *r = FN(__inet_ntop_chk)(af, src, dst, size, dst_size);
  printf("inet_ntop_chk(%d, %s, %u, %zu) = %s errno %d", af, bytes_text, (unsigned)size, dst_size,
         r == NULL ? "NULL" : r == dst ? "dst" : "other", r == NULL ? errno : 0);
  if (r == dst)
    printf(" \"%s\"", dst);
  printf("\n");
}

static void fill(int c, size_t n, size_t dst_size, int checked)
{
  unsigned char buf[16];
  memset(buf, 0x11, sizeof buf);
  void *r = checked ? FN(__memset_explicit_chk)(buf + 2, c, n, dst_size)
                    : FN(memset_explicit)(buf + 2, c, n);
  printf("%s(buf+2, %#x, %zu%s) = %s: ", checked ? "memset_explicit_chk" : "memset_explicit", c, n,
         checked ? (dst_size == 14 ? ", 14" : ", other") : "", r == buf + 2 ? "buf+2" : "other");
  hex(buf, sizeof buf);
  printf("\n");
}

/* Runs one call that may abort (__chk_fail) in a child; says how the child ended. */
#define IN_CHILD(what, call)                                                        \
  do {                                                                              \
    fflush(stdout);                                                                 \
    pid_t pid = fork();                                                             \
    if (pid == 0) {                                                                 \
      int null = open("/dev/null", O_WRONLY);                                       \
      dup2(null, 1);                                                                \
      dup2(null, 2);                                                                \
      setenv("LIBC_FATAL_STDERR_", "1", 1); /* old glibc writes to the tty else */ \
      call;                                                                         \
      _exit(0);                                                                     \
    }                                                                               \
    int status;                                                                     \
    waitpid(pid, &status, 0);                                                       \
    if (WIFSIGNALED(status))                                                        \
      printf("%s: killed by %s\n", what,                                            \
             WTERMSIG(status) == SIGABRT ? "SIGABRT" : "another signal");           \
    else                                                                            \
      printf("%s: returned (exit %d)\n", what, WEXITSTATUS(status));               \
  } while (0)

int main(int argc, char **argv)
{
  int status = choose_shim_or_real(argc, argv);
  if (status)
    return status;
  setvbuf(stdout, NULL, _IOLBF, 0);

  const char *v4[] = {"192.168.1.2", "0.0.0.0", "255.255.255.255", "1.2.3", "256.1.1.1",
                      "1.2.3.4 ", "01.2.3.4", "", "::1"};
  for (unsigned i = 0; i < sizeof v4 / sizeof *v4; i++)
    pton(AF_INET, v4[i], 4);
  pton(AF_INET, "10.0.0.1", 20);
  const char *v6[] = {"::1", "::", "2001:db8::8a2e:370:7334", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4",
                      "1::2::3", "fe80::1%eth0", "12345::", "1.2.3.4"};
  for (unsigned i = 0; i < sizeof v6 / sizeof *v6; i++)
    pton(AF_INET6, v6[i], 16);
  pton(99, "1.2.3.4", 0);   /* unknown family: EAFNOSUPPORT, no size check */
  pton(99, "1.2.3.4", 16);
  IN_CHILD("inet_pton_chk(AF_INET, dst_size 3)", FN(__inet_pton_chk)(AF_INET, "1.2.3.4", (char[4]){0}, 3));
  IN_CHILD("inet_pton_chk(AF_INET6, dst_size 15)", FN(__inet_pton_chk)(AF_INET6, "::1", (char[16]){0}, 15));
  IN_CHILD("inet_pton_chk(AF_INET, dst_size 4)", FN(__inet_pton_chk)(AF_INET, "1.2.3.4", (char[4]){0}, 4));
  IN_CHILD("inet_pton_chk(AF_INET, bad text, dst_size 0)", FN(__inet_pton_chk)(AF_INET, "x", (char[4]){0}, 0));

  ntop(AF_INET, "1.2.3.4", 16, 16);
  ntop(AF_INET, "1.2.3.4", 8, 16);   /* exactly fits with its NUL */
  ntop(AF_INET, "1.2.3.4", 7, 16);   /* ENOSPC */
  ntop(AF_INET, "255.255.255.255", 16, 64);
  ntop(AF_INET6, "2001:db8::1", 46, 46);
  ntop(AF_INET6, "::ffff:1.2.3.4", 46, 64);
  ntop(AF_INET6, "::", 46, 46);
  ntop(AF_INET6, "1:0:0:2:0:0:0:3", 46, 46);
  ntop(AF_INET6, "2001:db8::1", 5, 46);  /* ENOSPC */
  ntop(99, "1.2.3.4", 16, 16);          /* EAFNOSUPPORT */
  IN_CHILD("inet_ntop_chk(size 17 > dst_size 16)",
           FN(__inet_ntop_chk)(AF_INET, (char[4]){1, 2, 3, 4}, (char[64]){0}, 17, 16));
  IN_CHILD("inet_ntop_chk(size 16 = dst_size 16)",
           FN(__inet_ntop_chk)(AF_INET, (char[4]){1, 2, 3, 4}, (char[64]){0}, 16, 16));
  IN_CHILD("inet_ntop_chk(bad family, size 99 > dst_size 1)",
           FN(__inet_ntop_chk)(99, (char[4]){1, 2, 3, 4}, (char[64]){0}, 99, 1));

  fill(0xab, 5, 0, 0);
  fill(0, 14, 0, 0);
  fill(0x1ff, 3, 0, 0);   /* converted to unsigned char */
  fill(-1, 1, 0, 0);
  fill(0x7f, 0, 0, 0);
  fill(0x5a, 14, 14, 1);
  fill(0x5a, 0, 14, 1);
  IN_CHILD("memset_explicit_chk(n 15 > dst_size 14)",
           FN(__memset_explicit_chk)((char[16]){0}, 0, 15, 14));
  IN_CHILD("memset_explicit_chk(n 14 = dst_size 14)",
           FN(__memset_explicit_chk)((char[16]){0}, 0, 14, 14));
  return 0;
}
