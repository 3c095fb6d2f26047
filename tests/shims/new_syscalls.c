/* The plain system-call shims: memfd_create (glibc 2.27), copy_file_range (2.27), statx
 * (2.28), gettid (2.30), close_range (2.34), and reallocarray (2.26): results, what they did,
 * errors; then on a kernel without the system calls (glibc 2.36 and the shims report ENOSYS,
 * except statx, which glibc 2.36 emulates with fstatat and the shim does not: left out there,
 * src/shims/README.md). */
#include "shim_test.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/close_range.h>

static void *thread_tid(void *arg)
{
  *(pid_t *)arg = gettid();
  return NULL;
}

static void syscalls(int with_statx)
{
  int m = memfd_create("glibc-pin-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  printf("memfd_create: %s\n", m >= 0 ? "a descriptor" : errno_name(errno));
  if (m >= 0) {
    REPORT("write(memfd)", write(m, "copy these bytes", 16));
    REPORT("fcntl(memfd, F_GETFD)", fcntl(m, F_GETFD));
    REPORT("fcntl(memfd, F_ADD_SEALS, F_SEAL_GROW)", fcntl(m, F_ADD_SEALS, F_SEAL_GROW));
    REPORT("fcntl(memfd, F_GET_SEALS)", fcntl(m, F_GET_SEALS));
  }
  REPORT("memfd_create(bad flags)", memfd_create("x", 0x1000));
  REPORT("memfd_create(name too long)", memfd_create("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890", 0));

  int in = open("in", O_CREAT | O_RDWR | O_TRUNC, 0600);
  write(in, "0123456789abcdef", 16);
  int out = open("out", O_CREAT | O_RDWR | O_TRUNC, 0600);
  loff_t off_in = 4, off_out = 2;
  REPORT("copy_file_range(in@4 -> out@2, 8)", copy_file_range(in, &off_in, out, &off_out, 8, 0));
  printf("offsets now %lld %lld\n", (long long)off_in, (long long)off_out);
  char text[32] = {0};
  pread(out, text, sizeof text - 1, 0);
  printf("out: %zu bytes, from 2: %s\n", strlen(text + 2) + 2, text + 2);
  lseek(in, 0, SEEK_SET);
  REPORT("copy_file_range(file positions, 5)", copy_file_range(in, NULL, out, NULL, 5, 0));
  REPORT("copy_file_range(flags 1)", copy_file_range(in, NULL, out, NULL, 5, 1));
  REPORT("copy_file_range(bad fd)", copy_file_range(-1, NULL, out, NULL, 5, 0));
  off_in = 100;
  REPORT("copy_file_range(past the end)", copy_file_range(in, &off_in, out, NULL, 5, 0));

  if (with_statx) {
    struct statx sx;
    memset(&sx, 0, sizeof sx);
    REPORT("statx(in, BASIC_STATS)", statx(AT_FDCWD, "in", 0, STATX_BASIC_STATS, &sx));
    printf("statx: mask has size %d, size %llu, regular %d, mode %04o\n", (sx.stx_mask & STATX_SIZE) != 0,
           (unsigned long long)sx.stx_size, S_ISREG(sx.stx_mode), sx.stx_mode & 07777);
    REPORT("statx(fd, \"\", EMPTY_PATH)", statx(in, "", AT_EMPTY_PATH, STATX_SIZE, &sx));
    REPORT("statx(missing)", statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx));
    REPORT("statx(bad flags)", statx(AT_FDCWD, "in", 0x40000000, STATX_BASIC_STATS, &sx));
    REPORT("statx(reserved mask bit)", statx(AT_FDCWD, "in", 0, 0x80000000u, &sx));
  }

  int first = dup(in), second = dup(in), third = dup(in);
  REPORT("close_range(first, second, 0)", close_range(first, second, 0));
  REPORT("fcntl(first, F_GETFD)", fcntl(first, F_GETFD));
  REPORT("fcntl(third, F_GETFD)", fcntl(third, F_GETFD));
  REPORT("close_range(third, third, CLOEXEC)", close_range(third, third, CLOSE_RANGE_CLOEXEC));
  REPORT("fcntl(third, F_GETFD)", fcntl(third, F_GETFD));
  REPORT("close_range(5, 4, 0)", close_range(5, 4, 0));
  REPORT("close_range(bad flags)", close_range(third, third, 0x8000));
  close(third);
  close(in);
  close(out);
  if (m >= 0)
    close(m);
}

int main(void)
{
  char fresh[] = "run-XXXXXX";  /* the plain and the pinned build run in one directory */
  if (!mkdtemp(fresh) || chdir(fresh) != 0)
    return 1;
  printf("gettid() == getpid() in the main thread: %d\n", gettid() == getpid());
  pid_t other = 0;
  pthread_t t;
  pthread_create(&t, NULL, thread_tid, &other);
  pthread_join(t, NULL);
  printf("gettid() in another thread: positive %d, differs %d\n", other > 0, other != gettid());

  errno = 0;
  void *p = reallocarray(NULL, 10, 10);
  printf("reallocarray(NULL, 10, 10): %s\n", p ? "memory" : "NULL");
  memset(p, 7, 100);
  p = reallocarray(p, 1000, 10);
  printf("reallocarray(p, 1000, 10): %s, byte 99 kept %d\n", p ? "memory" : "NULL", p && ((char *)p)[99] == 7);
  errno = 0;
  volatile size_t half = SIZE_MAX / 2, huge = (size_t)1 << 33;
  void *q = reallocarray(p, half, 3);
  printf("reallocarray(p, SIZE_MAX/2, 3): %s errno %s, p still usable %d\n", q ? "memory" : "NULL",
         errno_name(errno), ((char *)p)[99] == 7);
  errno = 0;
  q = reallocarray(NULL, huge, huge);
  printf("reallocarray(NULL, 2^33, 2^33): %s errno %s\n", q ? "memory" : "NULL", errno_name(errno));
  free(p);

  syscalls(1);
  int numbers[] = {SYS_memfd_create, SYS_copy_file_range, SYS_statx, SYS_close_range};
  as_if_kernel_lacks(numbers, 4);
  syscalls(0);
  return 0;
}
