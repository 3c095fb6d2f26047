/* fcntl64: added in glibc 2.28; -D_FILE_OFFSET_BITS=64 builds against newer
 * headers call it instead of fcntl.  On x86_64 and aarch64 (64-bit off_t,
 * one struct flock) both names are the same function, so forward to fcntl.
 * On i386 a caller of fcntl64 was compiled with _FILE_OFFSET_BITS=64: its
 * F_GETLK/F_SETLK/F_SETLKW are the ...64 commands (12-14) and its struct flock
 * is struct flock64.  The old fcntl (fcntl@GLIBC_2.0) hands every command to
 * the kernel's fcntl64 system call unchanged (glibc 2.17's sysdeps/unix/sysv/
 * linux/i386/fcntl.c), which reads struct flock64 for
 * exactly those commands and for the OFD ones: forwarding is right there too,
 * no conversion needed (tests/arch/fcntl_locks.c: a lock beyond 4 GiB, seen by
 * another process; an OFD lock seen by another open file description).
 *
 * Like glibc, take the optional third argument as a pointer-sized value: the
 * kernel reads it as int or pointer depending on cmd. */
#include "shim.h"
#include <fcntl.h>
#include <stdarg.h>

SHIM int fcntl64(int fd, int cmd, ...)
{
  va_list ap;
  va_start(ap, cmd);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  return fcntl(fd, cmd, arg);
}
