/* Prints "glibc <gnu_get_libc_version()>" on any glibc, however old: built with -nostartfiles,
   so it does not import __libc_start_main (GLIBC_2.34 when linked on Debian 12); its own entry
   point calls only gnu_get_libc_version, dl_iterate_phdr, write and _exit, whose base versions
   every glibc of the architecture has. The runtime's loader still maps and initialises libc first.
   Linked with a runtime's libstdc++.so.6 as well, it also prints "libstdc++ <path>": the C++
   runtime the loader took, which loaded only if that glibc has every version it needs.
   Build: CC -nostartfiles -fno-pie -no-pie -o probe libc-version-probe.c [RT/libstdc++.so.6] */
#define _GNU_SOURCE
#include <gnu/libc-version.h>
#include <link.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s) { (void)!write(1, s, strlen(s)); }

static int print_cxx_runtime(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size, (void)data;
  if (info->dlpi_name && strstr(info->dlpi_name, "libstdc++")) {
    say("libstdc++ ");
    say(info->dlpi_name);
    say("\n");
  }
  return 0;
}

#if defined(__i386__) || defined(__x86_64__)
__attribute__((force_align_arg_pointer))
#endif
void _start(void) {
  say("glibc ");
  say(gnu_get_libc_version());
  say("\n");
  dl_iterate_phdr(print_cxx_runtime, 0);
  _exit(0);
}
