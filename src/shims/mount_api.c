/* The new mount API: fsopen, fsconfig, fsmount, fspick, move_mount, open_tree
 * (added in glibc 2.36; the system calls in Linux 5.2) and mount_setattr (glibc
 * 2.36; Linux 5.12).  Plain system calls, as glibc's: ENOSYS on older kernels, which
 * callers (systemd, util-linux) take as "use mount(2)". */
#include "shim.h"
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442 /* x86_64; the headers of older kernels lack it */
#endif

struct mount_attr;

SHIM int fsopen(const char *fs_name, unsigned int flags)
{
  return (int)syscall(SYS_fsopen, fs_name, flags);
}

SHIM int fsconfig(int fd, unsigned int command, const char *key, const void *value, int aux)
{
  return (int)syscall(SYS_fsconfig, fd, command, key, value, aux);
}

SHIM int fsmount(int fd, unsigned int flags, unsigned int attr_flags)
{
  return (int)syscall(SYS_fsmount, fd, flags, attr_flags);
}

SHIM int fspick(int dir_fd, const char *path, unsigned int flags)
{
  return (int)syscall(SYS_fspick, dir_fd, path, flags);
}

SHIM int move_mount(int from_dir, const char *from_path, int to_dir, const char *to_path,
                    unsigned int flags)
{
  return (int)syscall(SYS_move_mount, from_dir, from_path, to_dir, to_path, flags);
}

SHIM int open_tree(int dir_fd, const char *path, unsigned int flags)
{
  return (int)syscall(SYS_open_tree, dir_fd, path, flags);
}

SHIM int mount_setattr(int dir_fd, const char *path, unsigned int flags, struct mount_attr *attr,
                       size_t size)
{
  return (int)syscall(SYS_mount_setattr, dir_fd, path, flags, attr, size);
}
