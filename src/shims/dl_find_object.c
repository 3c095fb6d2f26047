/* _dl_find_object: added in glibc 2.35.  libgcc's unwinder (libgcc_eh.a,
 * libgcc_s) built against glibc >= 2.35 calls it to find the unwind tables
 * (PT_GNU_EH_FRAME) of the object containing a code address.
 *
 * Returning -1 is NOT enough: gcc 12's _Unwind_Find_FDE then reports "no
 * FDE" without trying dl_iterate_phdr, and every throw ends in
 * std::terminate.  So implement the lookup with dl_iterate_phdr, which every
 * glibc has; dlfo_link_map comes from the _r_debug list of ld.so.
 *
 * Limits: takes the loader lock (glibc's does not, and is async-signal-safe);
 * dlfo_link_map is found only for objects in the base namespace (not dlmopen). */
#include "shim.h"
#include <dlfcn.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

struct lookup {
  uintptr_t pc;
  struct dl_find_object *out;
  int found;
};

static struct link_map *map_for_dynamic(ElfW(Dyn) *ld)
{
  for (struct link_map *l = _r_debug.r_map; l != NULL; l = l->l_next)
    if (l->l_ld == ld)
      return l;
  return NULL;
}

static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
  struct lookup *q = data;
  (void)size;
  uintptr_t lo = UINTPTR_MAX, hi = 0;
  int contains = 0;
  const ElfW(Phdr) *eh = NULL, *dyn = NULL;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD) {
      if (q->pc >= start && q->pc < start + ph->p_memsz)
        contains = 1;
      if (start < lo)
        lo = start;
      if (start + ph->p_memsz > hi)
        hi = start + ph->p_memsz;
    } else if (ph->p_type == PT_GNU_EH_FRAME) {
      eh = ph;
    } else if (ph->p_type == PT_DYNAMIC) {
      dyn = ph;
    }
  }
  if (!contains)
    return 0;
  q->out->dlfo_flags = 0;
  q->out->dlfo_map_start = (void *)lo;
  q->out->dlfo_map_end = (void *)hi;
  q->out->dlfo_link_map = dyn ? map_for_dynamic((ElfW(Dyn) *)(info->dlpi_addr + dyn->p_vaddr)) : NULL;
  q->out->dlfo_eh_frame = eh ? (void *)(info->dlpi_addr + eh->p_vaddr) : NULL;
  q->found = 1;
  return 1;
}

SHIM int _dl_find_object(void *pc, struct dl_find_object *result)
{
  struct lookup q = { (uintptr_t)pc, result, 0 };
  dl_iterate_phdr(visit, &q);
  return q.found ? 0 : -1;
}
