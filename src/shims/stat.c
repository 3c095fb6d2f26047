/* stat, fstat, lstat, fstatat (+64): real libc symbols only since glibc 2.33.
 *
 * Before 2.33 the headers inlined them into calls of the versioned wrappers
 * __xstat(ver, ...), __fxstat, __lxstat, __fxstatat (+64), and
 * libc_nonshared.a carried out-of-line copies.  glibc 2.36 headers call the
 * plain names, so we forward to the wrappers the target does have.
 * _STAT_VER_LINUX is 1 on x86_64 (the kernel's struct stat layout, which is
 * also glibc's; struct stat64 is the same layout). */
#include "shim.h"
#include <sys/stat.h>

#define STAT_VER_LINUX 1

extern int glibcpin_xstat(int, const char *, struct stat *);
extern int glibcpin_fxstat(int, int, struct stat *);
extern int glibcpin_lxstat(int, const char *, struct stat *);
extern int glibcpin_fxstatat(int, int, const char *, struct stat *, int);
extern int glibcpin_xstat64(int, const char *, struct stat64 *);
extern int glibcpin_fxstat64(int, int, struct stat64 *);
extern int glibcpin_lxstat64(int, const char *, struct stat64 *);
extern int glibcpin_fxstatat64(int, int, const char *, struct stat64 *, int);
SHIM_OLD(glibcpin_xstat, __xstat, GLIBC_2.2.5);
SHIM_OLD(glibcpin_fxstat, __fxstat, GLIBC_2.2.5);
SHIM_OLD(glibcpin_lxstat, __lxstat, GLIBC_2.2.5);
SHIM_OLD(glibcpin_fxstatat, __fxstatat, GLIBC_2.4);
SHIM_OLD(glibcpin_xstat64, __xstat64, GLIBC_2.2.5);
SHIM_OLD(glibcpin_fxstat64, __fxstat64, GLIBC_2.2.5);
SHIM_OLD(glibcpin_lxstat64, __lxstat64, GLIBC_2.2.5);
SHIM_OLD(glibcpin_fxstatat64, __fxstatat64, GLIBC_2.4);

SHIM int stat(const char *path, struct stat *buf)
{
  return glibcpin_xstat(STAT_VER_LINUX, path, buf);
}

SHIM int fstat(int fd, struct stat *buf)
{
  return glibcpin_fxstat(STAT_VER_LINUX, fd, buf);
}

SHIM int lstat(const char *path, struct stat *buf)
{
  return glibcpin_lxstat(STAT_VER_LINUX, path, buf);
}

SHIM int fstatat(int dirfd, const char *path, struct stat *buf, int flags)
{
  return glibcpin_fxstatat(STAT_VER_LINUX, dirfd, path, buf, flags);
}

SHIM int stat64(const char *path, struct stat64 *buf)
{
  return glibcpin_xstat64(STAT_VER_LINUX, path, buf);
}

SHIM int fstat64(int fd, struct stat64 *buf)
{
  return glibcpin_fxstat64(STAT_VER_LINUX, fd, buf);
}

SHIM int lstat64(const char *path, struct stat64 *buf)
{
  return glibcpin_lxstat64(STAT_VER_LINUX, path, buf);
}

SHIM int fstatat64(int dirfd, const char *path, struct stat64 *buf, int flags)
{
  return glibcpin_fxstatat64(STAT_VER_LINUX, dirfd, path, buf, flags);
}
