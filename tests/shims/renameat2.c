/* renameat2: flags 0, RENAME_NOREPLACE, RENAME_EXCHANGE, bad flags, errors; then on
 * a kernel without the system call. */
#include "shim_test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

static int dir;

static void put(const char *name, const char *text)
{
  int fd = openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, text, strlen(text));
  close(fd);
}

static const char *get(const char *name)
{
  static char text[64];
  int fd = openat(dir, name, O_RDONLY);
  if (fd < 0)
    return "(missing)";
  ssize_t n = read(fd, text, sizeof text - 1);
  close(fd);
  text[n < 0 ? 0 : n] = 0;
  return text;
}

static void run(void)
{
  put("a", "A");
  put("b", "B");
  REPORT("renameat2(a, c, 0)", renameat2(dir, "a", dir, "c", 0));
  printf("c=%s a=%s\n", get("c"), get("a"));
  REPORT("renameat2(c, b, NOREPLACE)", renameat2(dir, "c", dir, "b", RENAME_NOREPLACE));
  REPORT("renameat2(c, b, EXCHANGE)", renameat2(dir, "c", dir, "b", RENAME_EXCHANGE));
  printf("b=%s c=%s\n", get("b"), get("c"));
  REPORT("renameat2(c, d, EXCHANGE) missing target", renameat2(dir, "c", dir, "d", RENAME_EXCHANGE));
  REPORT("renameat2(NOREPLACE|EXCHANGE)", renameat2(dir, "c", dir, "b", RENAME_NOREPLACE | RENAME_EXCHANGE));
  REPORT("renameat2(missing, e, 0)", renameat2(dir, "missing", dir, "e", 0));
  REPORT("renameat2(bad fd)", renameat2(-1, "c", dir, "e", RENAME_NOREPLACE));
  REPORT("renameat2(c, e, NOREPLACE)", renameat2(dir, "c", dir, "e", RENAME_NOREPLACE));
  printf("e=%s c=%s\n", get("e"), get("c"));
  unlinkat(dir, "b", 0);
  unlinkat(dir, "e", 0);
}

int main(void)
{
  char path[] = "/tmp/renameat2-XXXXXX";
  if (!mkdtemp(path))
    return 1;
  dir = open(path, O_RDONLY | O_DIRECTORY);
  run();
  int numbers[] = {SYS_renameat2};
  as_if_kernel_lacks(numbers, 1);
  run();
  rmdir(path);
  return 0;
}
