/* gettid: added in glibc 2.30; the system call exists on every kernel glibc
 * supports. */
#include "shim.h"
#include <sys/syscall.h>
#include <unistd.h>

SHIM pid_t gettid(void)
{
  return (pid_t)syscall(SYS_gettid);
}
