/* getrandom: added in glibc 2.25 (the system call in Linux 3.17).
 *
 * Same contract as glibc's: may return fewer bytes than asked, -1 with errno
 * on error.  Where the kernel lacks the call (ENOSYS) this falls back to
 * reading /dev/urandom (/dev/random for GRND_RANDOM), where glibc would fail
 * with ENOSYS.  Limit: the fallback does not wait for the boot-time seeding. */
#include "shim.h"
#include "entropy.h"

SHIM ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
  return glibcpin_getrandom(buf, len, flags);
}
