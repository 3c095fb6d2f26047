/* sched_setattr and sched_getattr: added in glibc 2.41 (the system calls in Linux
 * 3.14).  Plain system calls, as glibc's.  struct sched_attr is the kernel's; the
 * caller passes its size in it (setattr) or as an argument (getattr). */
#include "shim.h"
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

struct sched_attr;

SHIM int sched_setattr(pid_t pid, struct sched_attr *attr, unsigned int flags)
{
  return (int)syscall(SYS_sched_setattr, pid, attr, flags);
}

SHIM int sched_getattr(pid_t pid, struct sched_attr *attr, unsigned int size, unsigned int flags)
{
  return (int)syscall(SYS_sched_getattr, pid, attr, size, flags);
}
