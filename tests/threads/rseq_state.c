/* What __rseq_size, __rseq_offset and __rseq_flags (glibc 2.35) tell, checked against the
 * kernel: when glibc says it registered an area, the area at thread pointer + __rseq_offset is
 * live (the kernel keeps its cpu_id current); when it says it did not (size 0), the program
 * can register its own area, which the kernel refuses (EINVAL) while glibc's is registered. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern const ptrdiff_t __rseq_offset;
extern const unsigned int __rseq_size;
extern const unsigned int __rseq_flags;

/* The kernel's struct rseq (linux/rseq.h), 32 bytes, 32-aligned. */
struct rseq_area {
  uint32_t cpu_id_start;
  int32_t cpu_id;
  uint64_t rseq_cs;
  uint32_t flags;
} __attribute__((aligned(32)));

#define RSEQ_SIG 0x53053053
#define RSEQ_FLAG_UNREGISTER 1

static __thread struct rseq_area own_area = {0, -1, 0, 0};

static char *thread_pointer(void)
{
#if defined(__x86_64__)
  char *tp;
  __asm__("mov %%fs:0, %0" : "=r"(tp));
  return tp;
#elif defined(__aarch64__)
  char *tp;
  __asm__("mrs %0, tpidr_el0" : "=r"(tp));
  return tp;
#else
  return __builtin_thread_pointer();
#endif
}

int main(void)
{
  unsigned int size = __rseq_size;
  printf("__rseq_flags: %u\n", __rseq_flags);
  if (size > 0) {
    const struct rseq_area *area = (const struct rseq_area *)(thread_pointer() + __rseq_offset);
    int live = area->cpu_id >= 0 && area->cpu_id == sched_getcpu();
    for (int i = 0; i < 100 && !live; i++)  /* migrated between the two reads: read again */
      live = area->cpu_id >= 0 && area->cpu_id == sched_getcpu();
    long own = syscall(SYS_rseq, &own_area, sizeof own_area, 0, RSEQ_SIG);
    printf("rseq: registered by glibc (size >= 20: %s), area live: %s, own registration: %s\n",
           size >= 20 ? "yes" : "no", live ? "yes" : "no",
           own == 0 ? "accepted" : errno == EBUSY ? "EBUSY" : errno == EINVAL ? "EINVAL" : strerror(errno));
  } else {
    long own = syscall(SYS_rseq, &own_area, sizeof own_area, 0, RSEQ_SIG);
    int error = errno;
    if (own == 0) {
      int live = own_area.cpu_id >= 0;
      syscall(SYS_rseq, &own_area, sizeof own_area, RSEQ_FLAG_UNREGISTER, RSEQ_SIG);
      printf("rseq: not registered by glibc, own registration: accepted, live: %s\n", live ? "yes" : "no");
    } else {
      printf("rseq: not registered by glibc, own registration: %s\n", strerror(error));
    }
  }
  return 0;
}
