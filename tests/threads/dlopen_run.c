/* dlopen_run LIBRARY: loads LIBRARY with dlopen(RTLD_NOW | RTLD_LOCAL) into a process that does
 * not link libpthread itself, and returns what its run() returns: the shims then run inside a
 * plugin, whose libpthread (glibc < 2.34) is loaded in the plugin's local scope only.
 * (dlvsym(RTLD_DEFAULT, ...) called from the plugin still finds glibc's own functions there: it
 * searches the caller's scope, as LD_DEBUG=bindings shows on bullseye.) */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: dlopen_run LIBRARY\n");
    return 2;
  }
  void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    fprintf(stderr, "dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*run)(void) = (int (*)(void))dlsym(library, "run");
  if (run == NULL) {
    fprintf(stderr, "no run(): %s\n", dlerror());
    return 1;
  }
  return run();
}
