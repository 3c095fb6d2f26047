/* statx: added in glibc 2.28 (the system call in Linux 4.11).
 * A plain system call: on older kernels (CentOS 7) it fails with ENOSYS, where
 * glibc >= 2.28 would emulate it from fstatat.  Callers that probe statx
 * (Rust std, coreutils) fall back to stat on ENOSYS. */
#include "shim.h"
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

SHIM int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf)
{
  return (int)syscall(SYS_statx, dirfd, path, flags, mask, buf);
}
