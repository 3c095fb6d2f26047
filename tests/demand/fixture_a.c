/* Fixture for `glibc-pin demand`: imports interfaces that glibc 2.17 lacks in every kind:
 * renameat2 and __explicit_bzero_chk (shims), pthread_create@GLIBC_2.34 (pins: 2.17 has it in
 * libpthread), res_query@GLIBC_2.34 (renames: 2.17 has __res_query). */
#define _GNU_SOURCE
#include <pthread.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

static void *run(void *arg) { return arg; }

int main(int argc, char **argv)
{
  char secret[32];
  snprintf(secret, sizeof secret, "%s", argv[0]);
  explicit_bzero(secret, sizeof secret);
  pthread_t thread;
  pthread_create(&thread, NULL, run, NULL);
  unsigned char answer[64];
  if (argc > 5)
    res_query("example.org", 1, 1, answer, sizeof answer);
  return renameat2(-1, "a", -1, "b", 0) + secret[0];
}
