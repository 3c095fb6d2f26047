/* Constructors, .preinit_array and destructors must run exactly once, with argc/argv/envp,
 * whichever glibc runs the program (the __libc_start_main@GLIBC_2.34 trap). */
#include <stdio.h>
#include <stdlib.h>

static int preinit_runs, ctor_runs, ctor_argc;

static void preinit(int argc, char **argv, char **envp) {
  (void)argc, (void)argv, (void)envp;
  preinit_runs++;
}
__attribute__((section(".preinit_array"), used)) static void (*preinit_entry)(int, char **,
                                                                               char **) = preinit;

__attribute__((constructor)) static void ctor(int argc, char **argv, char **envp) {
  ctor_runs++;
  ctor_argc = argc;
  if (!argv || !argv[0] || !envp)
    ctor_argc = -1;
}

static void at_exit(void) { printf("atexit ran\n"); }
__attribute__((destructor)) static void dtor(void) { printf("destructor ran\n"); }

int main(int argc, char **argv) {
  (void)argv;
  atexit(at_exit);
  printf("preinit=%d ctor=%d ctor_argc=%d argc=%d\n", preinit_runs, ctor_runs, ctor_argc, argc);
  return 0;
}
