/* renameat2: added in glibc 2.28 (the system call in Linux 3.15).  As glibc does
 * on kernels that may lack it: flags 0 is a plain renameat; other flags go to the
 * system call, and a kernel without it fails them with EINVAL (no flag is known
 * to it), not ENOSYS. */
#include "shim.h"
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

SHIM int renameat2(int old_dir, const char *old_path, int new_dir, const char *new_path,
                   unsigned int flags)
{
  if (flags == 0)
    return renameat(old_dir, old_path, new_dir, new_path);
  long result = syscall(SYS_renameat2, old_dir, old_path, new_dir, new_path, flags);
  if (result == -1 && errno == ENOSYS)
    errno = EINVAL;
  return (int)result;
}
