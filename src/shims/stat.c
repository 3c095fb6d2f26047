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

#if defined(__x86_64__)
#define STAT_VER_LINUX 1
#elif defined(__i386__)
#define STAT_VER_LINUX 3
#elif defined(__aarch64__)
#define STAT_VER_LINUX 0
#else
#error "stat.c: the old _STAT_VER of this architecture is not known"
#endif

/* Declared by the pre-2.33 headers only; every target < 2.33 exports them. */
extern int __xstat(int, const char *, struct stat *);
extern int __fxstat(int, int, struct stat *);
extern int __lxstat(int, const char *, struct stat *);
extern int __fxstatat(int, int, const char *, struct stat *, int);
extern int __xstat64(int, const char *, struct stat64 *);
extern int __fxstat64(int, int, struct stat64 *);
extern int __lxstat64(int, const char *, struct stat64 *);
extern int __fxstatat64(int, int, const char *, struct stat64 *, int);

SHIM int stat(const char *path, struct stat *buf)
{
  return __xstat(STAT_VER_LINUX, path, buf);
}

SHIM int fstat(int fd, struct stat *buf)
{
  return __fxstat(STAT_VER_LINUX, fd, buf);
}

SHIM int lstat(const char *path, struct stat *buf)
{
  return __lxstat(STAT_VER_LINUX, path, buf);
}

SHIM int fstatat(int dirfd, const char *path, struct stat *buf, int flags)
{
  return __fxstatat(STAT_VER_LINUX, dirfd, path, buf, flags);
}

SHIM int stat64(const char *path, struct stat64 *buf)
{
  return __xstat64(STAT_VER_LINUX, path, buf);
}

SHIM int fstat64(int fd, struct stat64 *buf)
{
  return __fxstat64(STAT_VER_LINUX, fd, buf);
}

SHIM int lstat64(const char *path, struct stat64 *buf)
{
  return __lxstat64(STAT_VER_LINUX, path, buf);
}

SHIM int fstatat64(int dirfd, const char *path, struct stat64 *buf, int flags)
{
  return __fxstatat64(STAT_VER_LINUX, dirfd, path, buf, flags);
}
