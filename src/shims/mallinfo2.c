/* mallinfo2: added in glibc 2.33; mallinfo's statistics in size_t fields.  The
 * target only has mallinfo, whose int fields wrap above 2 GiB: each is read back as
 * unsigned, so the values are right up to 4 GiB and wrap modulo 4 GiB above that.
 * (struct mallinfo2 comes from the host's <malloc.h>, glibc >= 2.33.) */
#include "shim.h"
#include <malloc.h>

SHIM struct mallinfo2 mallinfo2(void)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  struct mallinfo old = mallinfo();
#pragma GCC diagnostic pop
  struct mallinfo2 info = {
      (unsigned)old.arena,   (unsigned)old.ordblks,  (unsigned)old.smblks,
      (unsigned)old.hblks,   (unsigned)old.hblkhd,   (unsigned)old.usmblks,
      (unsigned)old.fsmblks, (unsigned)old.uordblks, (unsigned)old.fordblks,
      (unsigned)old.keepcost};
  return info;
}
