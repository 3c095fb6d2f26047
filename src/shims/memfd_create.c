/* memfd_create: added in glibc 2.27 (the system call in Linux 3.17).
 * A plain system call: on older kernels it fails with ENOSYS, as glibc's does. */
#include "shim.h"
#include <sys/syscall.h>
#include <unistd.h>

SHIM int memfd_create(const char *name, unsigned int flags)
{
  return (int)syscall(SYS_memfd_create, name, flags);
}
