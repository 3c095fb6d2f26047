/* mknod, mknodat: real libc symbols only since glibc 2.33.
 *
 * Before 2.33 they were header inlines calling __xmknod(ver, path, mode, &dev)
 * and __xmknodat(ver, dirfd, path, mode, &dev).  Note the device number is
 * passed by pointer, and the version is the old headers' _MKNOD_VER_LINUX:
 * 0 on x86_64 (not 1 like _STAT_VER_LINUX) and aarch64, 1 on i386; __xmknod
 * refuses any other value with EINVAL. */
#include "shim.h"
#include <sys/stat.h>

#if defined(__i386__)
#define MKNOD_VER_LINUX 1
#elif defined(__x86_64__) || defined(__aarch64__)
#define MKNOD_VER_LINUX 0
#else
#error "mknod.c: the old _MKNOD_VER of this architecture is not known"
#endif

/* Declared by the pre-2.33 headers only; every target < 2.33 exports them. */
extern int __xmknod(int, const char *, mode_t, dev_t *);
extern int __xmknodat(int, int, const char *, mode_t, dev_t *);

SHIM int mknod(const char *path, mode_t mode, dev_t dev)
{
  return __xmknod(MKNOD_VER_LINUX, path, mode, &dev);
}

SHIM int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
  return __xmknodat(MKNOD_VER_LINUX, dirfd, path, mode, &dev);
}
