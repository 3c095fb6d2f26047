/* Loads the Rust cdylib given as argv[1] with dlopen(RTLD_NOW), so every symbol it needs must
   resolve at load time on the glibc the host runs on, and calls its C entry point. */
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s PATH/librust_plugin.so\n", argv[0]);
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*report)(unsigned, char *, size_t) =
      (int (*)(unsigned, char *, size_t))dlsym(lib, "rust_plugin_report");
  if (!report) {
    fprintf(stderr, "dlsym failed: %s\n", dlerror());
    return 1;
  }
  char buf[256];
  if (report(4, buf, sizeof buf) < 0) return 1;
  printf("%s\nhost: glibc %s\n", buf, gnu_get_libc_version());
  return 0;
}
