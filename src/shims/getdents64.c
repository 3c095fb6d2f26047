/* getdents64: added in glibc 2.30; the system call exists on every kernel glibc
 * supports.  The kernel takes the size as an unsigned int: as glibc does, a
 * larger buffer is offered as INT_MAX bytes instead of being truncated modulo 2^32. */
#include "shim.h"
#include <limits.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

SHIM ssize_t getdents64(int fd, void *buffer, size_t size)
{
  if (size > INT_MAX)
    size = INT_MAX;
  return syscall(SYS_getdents64, fd, buffer, size);
}
