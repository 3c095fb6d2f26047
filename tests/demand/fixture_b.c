/* Fixture for `glibc-pin demand`: renameat2 again (a second file),
 * posix_spawn_file_actions_addchdir_np (shims), the libm variable __signgam (renames: glibc-pin's
 * header makes it name signgam before 2.23) and one imported only weakly (pidfd_open: weak, the
 * link leaves it unbound, shim or not). */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <sys/types.h>

extern int pidfd_open(pid_t pid, unsigned int flags) __attribute__((weak));
extern int __signgam;

int main(void)
{
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, "/");
  if (pidfd_open)
    printf("%d\n", pidfd_open(0, 0));
  return renameat2(-1, "a", -1, "b", 0) + __signgam;
}
