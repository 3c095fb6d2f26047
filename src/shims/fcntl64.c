/* fcntl64: added in glibc 2.28; -D_FILE_OFFSET_BITS=64 builds against newer
 * headers call it instead of fcntl.  On x86_64 (64-bit off_t, one struct
 * flock) both names are the same function, so forward to fcntl.
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
