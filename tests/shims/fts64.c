/* fts64_* (what fts_* become with -D_FILE_OFFSET_BITS=64): a walk of a small tree,
 * sorted, with fts64_set skipping a directory and fts64_children listing one. */
#include "shim_test.h"
#include <fcntl.h>
#include <fts.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int by_name(const FTSENT **a, const FTSENT **b) { return strcmp((*a)->fts_name, (*b)->fts_name); }

int main(void)
{
  char root[] = "/tmp/fts64-XXXXXX";
  if (!mkdtemp(root))
    return 1;
  char path[256];
  const char *dirs[] = {"a", "a/deep", "skip", "skip/hidden", "z"};
  for (unsigned i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
    mkdir(path, 0755);
  }
  const char *files[] = {"a/one", "a/deep/two", "skip/hidden/three", "z/four"};
  for (unsigned i = 0; i < sizeof files / sizeof *files; i++) {
    snprintf(path, sizeof path, "%s/%s", root, files[i]);
    close(open(path, O_CREAT | O_WRONLY, 0644));
  }
  char *paths[] = {root, NULL};
  FTS *fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
  FTSENT *e;
  while ((e = fts_read(fts)) != NULL) {
    const char *kind = e->fts_info == FTS_D ? "dir" : e->fts_info == FTS_DP ? "dir-post" : e->fts_info == FTS_F ? "file" : "other";
    printf("%s level=%d %s size_ok=%d\n", e->fts_path + strlen(root), (int)e->fts_level, kind, e->fts_statp->st_size >= 0);
    if (e->fts_info == FTS_D && strcmp(e->fts_name, "skip") == 0)
      printf("  fts_set(SKIP): %d\n", fts_set(fts, e, FTS_SKIP));
    if (e->fts_info == FTS_D && strcmp(e->fts_name, "a") == 0) {
      for (FTSENT *c = fts_children(fts, FTS_NAMEONLY); c; c = c->fts_link)
        printf("  child: %s\n", c->fts_name);
    }
  }
  printf("fts_close: %d\n", fts_close(fts));
  char command[300];
  snprintf(command, sizeof command, "rm -rf %s", root);
  return system(command) == 0 ? 0 : 1;
}
