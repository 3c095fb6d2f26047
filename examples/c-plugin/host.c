/* A host program that dlopens a plugin with RTLD_NOW (every symbol bound at load time, so a
 * version the running glibc lacks fails right here) and calls it. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s PLUGIN.so\n", argv[0]);
    return 2;
  }
  void *plugin = dlopen(argv[1], RTLD_NOW);
  if (!plugin) {
    fprintf(stderr, "dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*run)(char *, unsigned long) = (int (*)(char *, unsigned long))dlsym(plugin, "plugin_run");
  char text[128];
  if (!run || run(text, sizeof text) < 0) {
    fprintf(stderr, "plugin_run failed\n");
    return 1;
  }
  puts(text);
  return 0;
}
