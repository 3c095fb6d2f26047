/* __libc_start_main: make the program's constructors run exactly once.
 *
 * The crt1.o/Scrt1.o of glibc >= 2.34 pass init = NULL and leave running the
 * executable's .init/.init_array to libc.  Bound to the old
 * __libc_start_main@GLIBC_2.2.5, a glibc < 2.34 takes NULL to mean "nothing
 * to run", so constructors silently never run.  glibc >= 2.34 runs them itself
 * when init is NULL, through either version, so we cannot just run them here.
 *
 * Every glibc calls a non-NULL init (argc, argv, envp) and then skips its own
 * run, so we always pass one: it does what the old __libc_csu_init did.
 * .preinit_array is NOT run here: ld.so runs it for dynamic executables on
 * every version.  .fini_array is not touched either: ld.so's _dl_fini runs it.
 *
 * Linked with --wrap=__libc_start_main: crt1.o's call lands in
 * __wrap___libc_start_main and __real___libc_start_main is libc's, which the
 * target's stub libc binds to __libc_start_main@GLIBC_2.2.5.  (Defining
 * __libc_start_main itself and reaching libc's through .symver works with
 * bfd, gold and lld but not with mold < 2.4: mold#1169.)
 *
 * Only for dynamically linked executables (static links use the host libc.a). */
#include "shim.h"
#include <stddef.h>

typedef void (*init_fn)(int, char **, char **);

/* Provided by the linker for every executable (bfd, gold, lld, mold). */
extern init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern init_fn __init_array_end[] __attribute__((visibility("hidden")));
/* From crti.o; absent with -nostartfiles. */
extern void _init(void) __attribute__((weak));

extern int __real___libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
                                    void (*init)(void), void (*fini)(void),
                                    void (*rtld_fini)(void), void *stack_end);

static void run_init(int argc, char **argv, char **envp)
{
  if (_init)
    _init();
  size_t n = (size_t)(__init_array_end - __init_array_start);
  for (size_t i = 0; i < n; i++)
    __init_array_start[i](argc, argv, envp);
}

SHIM int __wrap___libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
                                  void (*init)(void), void (*fini)(void),
                                  void (*rtld_fini)(void), void *stack_end)
{
  /* An old crt1.o passes its own __libc_csu_init: leave it alone. */
  if (init == NULL)
    init = (void (*)(void))run_init;
  return __real___libc_start_main(main, argc, argv, init, fini, rtld_fini, stack_end);
}
