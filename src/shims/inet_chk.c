/* __inet_pton_chk, __inet_ntop_chk: added in glibc 2.42 for _FORTIFY_SOURCE (the
 * headers route inet_pton/inet_ntop through them when the destination's size is
 * known).  Abort through __chk_fail when the destination is too small, as glibc
 * does, then call the target's own function. */
#include "shim.h"
#include <arpa/inet.h>
#include <stddef.h>
#include <sys/socket.h>

extern void __chk_fail(void) __attribute__((noreturn));

SHIM int __inet_pton_chk(int af, const char *src, void *dst, size_t dst_size)
{
  if ((af == AF_INET && dst_size < 4) || (af == AF_INET6 && dst_size < 16))
    __chk_fail();
  return inet_pton(af, src, dst);
}

SHIM const char *__inet_ntop_chk(int af, const void *src, char *dst, socklen_t size,
                                 size_t dst_size)
{
  if (size > dst_size)
    __chk_fail();
  return inet_ntop(af, src, dst, size);
}
