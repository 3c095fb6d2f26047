/* getdents64: the entries of a fresh directory, a buffer too small, a bad fd. */
#include "shim_test.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct entry64 {
  uint64_t ino;
  int64_t off;
  unsigned short reclen;
  unsigned char type;
  char name[];
};

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
  char path[] = "/tmp/getdents64-XXXXXX";
  if (!mkdtemp(path))
    return 1;
  int dir = open(path, O_RDONLY | O_DIRECTORY);
  close(openat(dir, "file-one", O_WRONLY | O_CREAT, 0644));
  close(openat(dir, "file-two", O_WRONLY | O_CREAT, 0644));
  mkdirat(dir, "sub", 0755);

  char buffer[4096], *names[16];
  int count = 0;
  ssize_t n;
  while ((n = getdents64(dir, buffer, sizeof buffer)) > 0) {
    for (ssize_t at = 0; at < n;) {
      struct entry64 *e = (struct entry64 *)(buffer + at);
      char *line = malloc(300);
      snprintf(line, 300, "%s type=%s", e->name, e->type == DT_DIR ? "dir" : e->type == DT_REG ? "file" : "other");
      if (count < 16)
        names[count++] = line;
      at += e->reclen;
    }
  }
  printf("last read: %zd\n", n);
  qsort(names, count, sizeof *names, by_name);
  for (int i = 0; i < count; i++)
    printf("entry: %s\n", names[i]);
  lseek(dir, 0, SEEK_SET);
  REPORT("getdents64(buffer of 8 bytes)", getdents64(dir, buffer, 8));
  REPORT("getdents64(bad fd)", getdents64(-1, buffer, sizeof buffer));
  int file = openat(dir, "file-one", O_RDONLY);
  REPORT("getdents64(a regular file)", getdents64(file, buffer, sizeof buffer));
  lseek(dir, 0, SEEK_SET);
  REPORT("getdents64(huge size) > 0", getdents64(dir, buffer, (size_t)1 << 40) > 0);

  unlinkat(dir, "file-one", 0);
  unlinkat(dir, "file-two", 0);
  unlinkat(dir, "sub", AT_REMOVEDIR);
  rmdir(path);
  return 0;
}
