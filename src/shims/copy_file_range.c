/* copy_file_range: added in glibc 2.27 (the system call in Linux 4.5).
 * A plain system call: on older kernels it fails with ENOSYS.  (glibc 2.27
 * to 2.29 emulated it in user space; 2.30 dropped that, and callers such as
 * coreutils and Rust std fall back to read/write on ENOSYS/EXDEV.) */
#include "shim.h"
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

SHIM ssize_t copy_file_range(int fd_in, off64_t *off_in, int fd_out, off64_t *off_out,
                             size_t len, unsigned int flags)
{
  return syscall(SYS_copy_file_range, fd_in, off_in, fd_out, off_out, len, flags);
}
