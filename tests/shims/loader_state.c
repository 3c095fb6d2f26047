/* _dl_find_object (glibc 2.35) and __libc_single_threaded (2.32).
 * _dl_find_object: for an address in the program, in libc, in a dlopen()ed library and on the
 * stack, whether it is found and whether what it says agrees with the loader's own account
 * (dladdr1's link map and base, dl_iterate_phdr's PT_GNU_EH_FRAME, the mapping's end).
 * __libc_single_threaded: read after a thread was created, where glibc and the shim both say 0.
 * (Before the first thread glibc >= 2.32 says 1 and the shim 0, "maybe multi-threaded", which
 * libstdc++ handles with atomics as it did before 2.32: a documented difference, left out.) */
#include "shim_test.h"
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/single_threaded.h>

struct expect {
  uintptr_t addr, base, end;
  const void *eh_frame;
};

static int phdr_callback(struct dl_phdr_info *info, size_t size, void *data)
{
  (void)size;
  struct expect *e = data;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && e->addr >= start && e->addr < start + ph->p_memsz) {
      for (int j = 0; j < info->dlpi_phnum; j++) {
        const ElfW(Phdr) *p = &info->dlpi_phdr[j];
        if (p->p_type == PT_GNU_EH_FRAME)
          e->eh_frame = (const void *)(info->dlpi_addr + p->p_vaddr);
        if (p->p_type == PT_LOAD && info->dlpi_addr + p->p_vaddr + p->p_memsz > e->end)
          e->end = info->dlpi_addr + p->p_vaddr + p->p_memsz;
      }
      return 1;
    }
  }
  return 0;
}

static void find(const char *what, const void *address)
{
  struct dl_find_object found;
  int r = _dl_find_object((void *)address, &found);
  if (r != 0) {
    printf("%s: ret=%d\n", what, r);
    return;
  }
  struct expect e = {(uintptr_t)address, 0, 0, NULL};
  dl_iterate_phdr(phdr_callback, &e);
  Dl_info info;
  struct link_map *map = NULL;
  dladdr1(address, &info, (void **)&map, RTLD_DL_LINKMAP);
  printf("%s: ret=0 link map %s, start %s, end %s, eh_frame %s, flags %llu\n", what,
         found.dlfo_link_map == map ? "right" : "WRONG",
         found.dlfo_map_start == info.dli_fbase ? "right" : "WRONG",
         (uintptr_t)found.dlfo_map_end >= e.end - 4096 && (uintptr_t)found.dlfo_map_end <= e.end + 4096 ? "right" : "WRONG",
         found.dlfo_eh_frame == e.eh_frame ? "right" : "WRONG", (unsigned long long)found.dlfo_flags);
}

static void *nothing(void *arg) { return arg; }

int main(void)
{
  int local = 0;
  find("main", (const void *)&main);
  find("printf (libc)", (const void *)&printf);
  void *libm = dlopen("libm.so.6", RTLD_NOW);
  find("cos (dlopen()ed libm)", libm ? dlsym(libm, "cos") : NULL);
  find("the stack", &local);
  find("NULL", NULL);
  pthread_t t;
  pthread_create(&t, NULL, nothing, NULL);
  pthread_join(t, NULL);
  printf("__libc_single_threaded after a thread: %d\n", __libc_single_threaded);
  return 0;
}
