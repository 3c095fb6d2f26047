/* process_madvise and process_mrelease: added in glibc 2.36 (the system calls in
 * Linux 5.10 and 5.15).  Plain system calls, as glibc's: ENOSYS on older kernels. */
#include "shim.h"
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef SYS_process_mrelease
#define SYS_process_mrelease 448 /* x86_64 */
#endif

SHIM ssize_t process_madvise(int pidfd, const struct iovec *iov, size_t count, int advice,
                             unsigned int flags)
{
  return syscall(SYS_process_madvise, pidfd, iov, count, advice, flags);
}

SHIM int process_mrelease(int pidfd, unsigned int flags)
{
  return (int)syscall(SYS_process_mrelease, pidfd, flags);
}
