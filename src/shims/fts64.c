/* fts64_open, fts64_read, fts64_children, fts64_set, fts64_close: added in glibc
 * 2.23 for large-file builds.  On x86_64 FTS64/FTSENT64 have the layout of
 * FTS/FTSENT (off_t, ino_t and struct stat are already 64-bit there), so each one
 * is the target's fts_* under its old name.  <fts.h> is not included: the host's
 * declares the fts64_* with their own types; the handles are passed through as is. */
/* LP64 only: on i386 FTSENT64 differs from FTSENT; there the file is empty and a link that needs fts64_* is refused. */
#if __SIZEOF_LONG__ == 8
#include "shim.h"

typedef int (*glibcpin_fts_compare)(const void **, const void **);
extern void *fts_open(char *const *paths, int options, glibcpin_fts_compare compare);
extern void *fts_read(void *fts);
extern void *fts_children(void *fts, int options);
extern int fts_set(void *fts, void *entry, int instruction);
extern int fts_close(void *fts);

SHIM void *fts64_open(char *const *paths, int options, glibcpin_fts_compare compare)
{
  return fts_open(paths, options, compare);
}

SHIM void *fts64_read(void *fts)
{
  return fts_read(fts);
}

SHIM void *fts64_children(void *fts, int options)
{
  return fts_children(fts, options);
}

SHIM int fts64_set(void *fts, void *entry, int instruction)
{
  return fts_set(fts, entry, instruction);
}

SHIM int fts64_close(void *fts)
{
  return fts_close(fts);
}
#endif
