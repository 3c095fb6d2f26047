/* The mount API: the errors each call gives for bad arguments, and a detached tmpfs
 * mount where the process may mount (the same process, so the same answer on every
 * runtime); then on a kernel without the system calls. */
#include "shim_test.h"
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef FSCONFIG_SET_STRING
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_CMD_CREATE 6
#endif
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif

static void run(void)
{
  REPORT("fsopen(no such fs)", fsopen("no-such-filesystem", 0));
  REPORT("fsopen(bad flags)", fsopen("tmpfs", 0x80));
  REPORT("fsconfig(bad fd)", fsconfig(-1, FSCONFIG_SET_STRING, "size", "1M", 0));
  REPORT("fsmount(bad fd)", fsmount(-1, 0, 0));
  REPORT("fspick(missing path)", fspick(AT_FDCWD, "/no/such/path", 0));
  REPORT("move_mount(bad fd)", move_mount(-1, "", AT_FDCWD, "/tmp", 0));
  REPORT("open_tree(missing path)", open_tree(AT_FDCWD, "/no/such/path", 0));
  REPORT("open_tree(bad flags)", open_tree(AT_FDCWD, "/", 0x40000000));
  REPORT("mount_setattr(bad size)", mount_setattr(AT_FDCWD, "/", 0, NULL, 1));

  int fs = fsopen("tmpfs", 0);
  if (fs >= 0) {
    REPORT("fsconfig(size)", fsconfig(fs, FSCONFIG_SET_STRING, "size", "1M", 0));
    REPORT("fsconfig(create)", fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0));
    int mnt = fsmount(fs, 0, 0);
    printf("fsmount: %s\n", mnt >= 0 ? "a mount fd" : errno_name(errno));
    if (mnt >= 0) {
      REPORT("write into the detached tmpfs", close(openat(mnt, "x", O_CREAT | O_WRONLY, 0644)));
      close(mnt);
    }
    close(fs);
  } else {
    printf("fsopen(tmpfs): %s\n", errno_name(errno));
  }
  int tree = open_tree(AT_FDCWD, "/tmp", OPEN_TREE_CLONE);
  printf("open_tree(/tmp, clone): %s\n", tree >= 0 ? "a mount fd" : errno_name(errno));
  if (tree >= 0)
    close(tree);
}

int main(void)
{
  run();
  int numbers[] = {SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_move_mount, SYS_open_tree, 442};
  as_if_kernel_lacks(numbers, 7);
  run();
  return 0;
}
