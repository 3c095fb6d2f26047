/* close_range: added in glibc 2.34 (the system call in Linux 5.9).
 * A plain system call: on older kernels it fails with ENOSYS, exactly as
 * glibc's does (glibc does not emulate it either). */
#include "shim.h"
#include <sys/syscall.h>
#include <unistd.h>

SHIM int close_range(unsigned int first, unsigned int last, int flags)
{
  return (int)syscall(SYS_close_range, first, last, flags);
}
