#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
static int loaded;
__attribute__((constructor)) static void init(void) { loaded++; }
int plugin_answer(const char *path) {
  struct stat st;
  char buf[8];
  memcpy(buf, "ok", 3);
  return stat(path, &st) == 0 && loaded == 1 ? 42 : -1;
}
