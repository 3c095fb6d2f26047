/* explicit_bzero and, built with -O2 -D_FORTIFY_SOURCE=2, __explicit_bzero_chk (every call
 * then goes through it, also for a buffer of unknown size; explicit_bzero_unfortified.c is the
 * same without it, calling explicit_bzero itself). */
#include "shim_test.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int sum(const unsigned char *p, size_t n)
{
  int s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

int main(void)
{
  unsigned char secret[64];
  memset(secret, 0xab, sizeof secret);
  explicit_bzero(secret, 16);
  printf("after 16 bytes: sum=%d first=%d byte16=%d\n", sum(secret, sizeof secret), secret[0], secret[16]);
  explicit_bzero(secret, sizeof secret);
  printf("after all: sum=%d\n", sum(secret, sizeof secret));
  explicit_bzero(secret, 0);
  printf("length 0: ok\n");
  /* A buffer whose size the compiler cannot know (fortified: __explicit_bzero_chk all the same). */
  volatile size_t heap_size = 48;
  unsigned char *heap = malloc(heap_size);
  memset(heap, 0xcd, heap_size);
  explicit_bzero(heap + 8, 32);
  printf("heap: sum=%d byte7=%d byte8=%d byte40=%d\n", sum(heap, heap_size), heap[7], heap[8], heap[40]);
  free(heap);

#if __USE_FORTIFY_LEVEL > 0
  /* A length past the buffer: the fortified call ends the program (SIGABRT). */
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    volatile size_t too_long = sizeof secret + 1;
    explicit_bzero(secret, too_long);
    _exit(0);
  }
  int status;
  waitpid(child, &status, 0);
  printf("overflow: %s\n", WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "not stopped");
#endif
  return 0;
}
