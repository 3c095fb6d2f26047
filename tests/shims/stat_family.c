/* stat, fstat, lstat, fstatat and their 64 forms (glibc 2.33 exports them; older glibc only
 * __xstat & co.), mknod and mknodat: what they report for a file, a directory, a symlink, a
 * FIFO made by mknod, with AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH, and their errors.  Run in an
 * empty directory (differential.sh's). Inode numbers and times differ per run: only whether
 * two calls agree is printed. */
#include "shim_test.h"
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static const char *type_of(mode_t mode)
{
  return S_ISREG(mode) ? "file" : S_ISDIR(mode) ? "dir" : S_ISLNK(mode) ? "symlink"
       : S_ISFIFO(mode) ? "fifo" : S_ISCHR(mode) ? "chr" : "other";
}

static void show(const char *what, int r, const struct stat *st)
{
  if (r != 0)
    printf("%s: ret=%d errno=%s\n", what, r, errno_name(errno));
  else
    printf("%s: %s mode=%04o size=%lld nlink=%lu\n", what, type_of(st->st_mode),
           (unsigned)(st->st_mode & 07777), (long long)st->st_size, (unsigned long)st->st_nlink);
}

static void show64(const char *what, int r, const struct stat64 *st)
{
  if (r != 0)
    printf("%s: ret=%d errno=%s\n", what, r, errno_name(errno));
  else
    printf("%s: %s mode=%04o size=%lld nlink=%lu\n", what, type_of(st->st_mode),
           (unsigned)(st->st_mode & 07777), (long long)st->st_size, (unsigned long)st->st_nlink);
}

int main(void)
{
  char fresh[] = "run-XXXXXX";  /* the plain and the pinned build run in one directory */
  if (!mkdtemp(fresh) || chdir(fresh) != 0)
    return 1;
  umask(022);
  int fd = open("file", O_CREAT | O_WRONLY | O_TRUNC, 0640);
  write(fd, "twelve bytes", 12);
  mkdir("dir", 0750);
  symlink("file", "link");
  symlink("missing", "dangling");
  struct stat st, st2;
  struct stat64 st64;
  errno = 0;
  show("stat(file)", stat("file", &st), &st);
  show("stat(dir)", stat("dir", &st), &st);
  show("stat(link)", stat("link", &st), &st);
  show("lstat(link)", lstat("link", &st), &st);
  show("stat(dangling)", stat("dangling", &st), &st);
  show("lstat(dangling)", lstat("dangling", &st), &st);
  show("stat(missing)", stat("missing", &st), &st);
  show("stat(file/x)", stat("file/x", &st), &st);
  show("fstat(fd)", fstat(fd, &st), &st);
  stat("file", &st2);
  printf("fstat and stat agree on the inode: %d\n", st.st_ino == st2.st_ino && st.st_dev == st2.st_dev);
  show("fstat(-1)", fstat(-1, &st), &st);
  int dir = open(".", O_RDONLY | O_DIRECTORY);
  show("fstatat(dir, link)", fstatat(dir, "link", &st, 0), &st);
  show("fstatat(dir, link, NOFOLLOW)", fstatat(dir, "link", &st, AT_SYMLINK_NOFOLLOW), &st);
  show("fstatat(fd, \"\", EMPTY_PATH)", fstatat(fd, "", &st, AT_EMPTY_PATH), &st);
  show("fstatat(fd, \"\", 0)", fstatat(fd, "", &st, 0), &st);
  show("fstatat(bad flags)", fstatat(dir, "file", &st, 0x40000000), &st);
  show("fstatat(-1, file)", fstatat(-1, "file", &st, 0), &st);
  show64("stat64(file)", stat64("file", &st64), &st64);
  show64("lstat64(link)", lstat64("link", &st64), &st64);
  show64("fstat64(fd)", fstat64(fd, &st64), &st64);
  show64("fstatat64(dir, dir)", fstatat64(dir, "dir", &st64, 0), &st64);
  show64("stat64(missing)", stat64("missing", &st64), &st64);
  show64("fstat64(-1)", fstat64(-1, &st64), &st64);

  REPORT("mknod(fifo)", mknod("fifo", S_IFIFO | 0600, 0));
  show("stat(fifo)", stat("fifo", &st), &st);
  REPORT("mknod(fifo again)", mknod("fifo", S_IFIFO | 0600, 0));
  REPORT("mknod(regular)", mknod("regular", S_IFREG | 0644, 0));
  show("stat(regular)", stat("regular", &st), &st);
  REPORT("mknodat(dir, fifo2)", mknodat(dir, "dir/fifo2", S_IFIFO | 0666, 0));
  show("stat(dir/fifo2)", stat("dir/fifo2", &st), &st);
  REPORT("mknodat(-1, fifo3)", mknodat(-1, "fifo3", S_IFIFO | 0600, 0));
  REPORT("mknod(missing/fifo)", mknod("missing/fifo", S_IFIFO | 0600, 0));
  REPORT("mknod(bad type)", mknod("bad", 0170000 | 0600, 0));
  REPORT("mknod(char device 1:3)", mknod("null", S_IFCHR | 0600, makedev(1, 3)));
  if (stat("null", &st) == 0)
    printf("null: %s %u:%u\n", type_of(st.st_mode), major(st.st_rdev), minor(st.st_rdev));
  return 0;
}
