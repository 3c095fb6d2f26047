/* process_madvise and process_mrelease through a pidfd of the process itself;
 * then on a kernel without them. */
#include "shim_test.h"
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef MADV_COLD
#define MADV_COLD 20
#endif

static void run(void)
{
  int self = (int)syscall(SYS_pidfd_open, getpid(), 0);
  size_t size = 4 * 4096;
  char *memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(memory, 1, size);
  struct iovec iov = {memory, size};
  REPORT("process_madvise(self, MADV_COLD)", process_madvise(self, &iov, 1, MADV_COLD, 0));
  REPORT("process_madvise(bad advice)", process_madvise(self, &iov, 1, 12345, 0));
  REPORT("process_madvise(bad flags)", process_madvise(self, &iov, 1, MADV_COLD, 1));
  REPORT("process_madvise(bad fd)", process_madvise(-1, &iov, 1, MADV_COLD, 0));
  REPORT("process_mrelease(self, a live process)", process_mrelease(self, 0));
  REPORT("process_mrelease(bad fd)", process_mrelease(-1, 0));
  printf("memory still there: %d\n", memory[size - 1]);
  munmap(memory, size);
  close(self);
}

int main(void)
{
  run();
  int numbers[] = {SYS_process_madvise, 448};
  as_if_kernel_lacks(numbers, 2);
  run();
  return 0;
}
