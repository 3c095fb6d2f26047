/* __rseq_offset, __rseq_size, __rseq_flags: data symbols of the dynamic loader since glibc
 * 2.35, which registers every thread's restartable-sequences area with the kernel and says
 * where it is.  __rseq_size == 0 means "glibc registered nothing": a program may then
 * register its own area (librseq, tcmalloc do).
 *
 * A glibc older than 2.35 registers nothing, so the answer is size 0, offset 0, flags 0.
 * A newer running glibc has registered an area; saying 0 there would make the program's own
 * registration fail (EBUSY), so a constructor copies the running loader's values in (found
 * with dlvsym).  Limit: code that reads them in an earlier constructor (priority < 101, or an
 * object initialized before this one) sees 0 on a newer glibc.  Our copies are hidden, so a
 * reference binds here in the program itself: no copy relocation against ld.so. */
#include "shim.h"
#include <dlfcn.h>
#include <stddef.h>

/* Written once by the constructor, before main; const for every reader (<sys/rseq.h>). */
SHIM ptrdiff_t __rseq_offset = 0;
SHIM unsigned int __rseq_size = 0;
SHIM unsigned int __rseq_flags = 0;

__attribute__((constructor(101))) static void copy_running_glibc_rseq(void)
{
  const unsigned int *size = dlvsym(RTLD_DEFAULT, "__rseq_size", "GLIBC_2.35");
  const ptrdiff_t *offset = dlvsym(RTLD_DEFAULT, "__rseq_offset", "GLIBC_2.35");
  const unsigned int *flags = dlvsym(RTLD_DEFAULT, "__rseq_flags", "GLIBC_2.35");
  if (size == NULL || offset == NULL || flags == NULL)
    return;
  __rseq_offset = *offset;
  __rseq_flags = *flags;
  __rseq_size = *size;
}
