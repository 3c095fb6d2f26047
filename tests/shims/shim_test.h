/* Shared by the differential shim tests: each program prints what the interfaces
 * it exercises return (values, errno) so that its output on the host's real glibc
 * can be compared line by line with the pinned build's on an old glibc. */
#ifndef SHIM_TEST_H
#define SHIM_TEST_H

#define _GNU_SOURCE 1
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

/* "ret=-1 errno=ENOENT": errno only when the call failed.  Names, not strerror
 * texts, which differ between glibc releases. */
__attribute__((unused)) static const char *errno_name(int e)
{
  switch (e) {
#define NAME(x) case x: return #x;
    NAME(EPERM) NAME(ENOENT) NAME(ESRCH) NAME(EINTR) NAME(EIO) NAME(EBADF) NAME(ECHILD)
    NAME(EAGAIN) NAME(ENOMEM) NAME(EACCES) NAME(EFAULT) NAME(EBUSY) NAME(EEXIST) NAME(EXDEV)
    NAME(ENODEV) NAME(ENOTDIR) NAME(EISDIR) NAME(EINVAL) NAME(EMFILE) NAME(ENOTTY)
    NAME(ENOSPC) NAME(ESPIPE) NAME(EROFS) NAME(ERANGE) NAME(ENOSYS) NAME(ENOTEMPTY)
    NAME(ELOOP) NAME(EOPNOTSUPP) NAME(ETIMEDOUT) NAME(EDOM)
#undef NAME
  default: return "E?";
  }
}

__attribute__((unused)) static void report(const char *what, long result, int saved_errno)
{
  if (result == -1)
    printf("%s: ret=-1 errno=%s\n", what, errno_name(saved_errno));
  else
    printf("%s: ret=%ld\n", what, result);
  fflush(stdout);
}
#define REPORT(what, call) do { errno = 0; long r_ = (long)(call); report(what, r_, errno); } while (0)

/* From here on the listed system calls fail with ENOSYS, as on a kernel that
 * predates them (seccomp, x86_64 numbers).  Irreversible: call it last, or in a child. */
__attribute__((unused)) static void as_if_kernel_lacks(const int *numbers, int count)
{
  struct sock_filter filter[2 + 2 * 16];
  int n = 0;
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (int i = 0; i < count && i < 16; i++) {
    filter[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)numbers[i], 0, 1);
    filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  }
  filter[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog program = {(unsigned short)n, filter};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
    printf("seccomp unavailable: %s\n", errno_name(errno));
    return;
  }
  printf("--- as on a kernel without these system calls ---\n");
  fflush(stdout);
}

/* For interfaces newer than the host's glibc: with the argument "real", the one the
 * running glibc exports (dlsym; the shims are hidden from it), else the linked one
 * (the shim where the target lacks it). */
#include <dlfcn.h>
#include <stdlib.h>
#define PICK(real, name) \
  ((real) ? (__typeof__(&name))pick_exported(#name) : &name)
__attribute__((unused)) static void *pick_exported(const char *name)
{
  void *f = dlsym(RTLD_DEFAULT, name);
  if (f == NULL) {
    printf("the running glibc does not export %s\n", name);
    exit(1);
  }
  return f;
}

#endif
