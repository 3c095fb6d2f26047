/* Prints "glibc <gnu_get_libc_version()>" on any glibc, however old: built with -nostartfiles,
   so it does not import __libc_start_main (GLIBC_2.34 when linked on Debian 12); its own entry
   point calls only gnu_get_libc_version, write and _exit, whose base versions every glibc of
   the architecture has. The runtime's loader still maps and initialises libc first.
   Build: CC -nostartfiles -fno-pie -no-pie -o probe libc-version-probe.c */
#include <gnu/libc-version.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s) { (void)!write(1, s, strlen(s)); }

#if defined(__i386__) || defined(__x86_64__)
__attribute__((force_align_arg_pointer))
#endif
void _start(void) {
  say("glibc ");
  say(gnu_get_libc_version());
  say("\n");
  _exit(0);
}
