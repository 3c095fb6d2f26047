/* closefrom: added in glibc 2.34.  close_range(low, ~0U, 0) where the kernel has
 * it (Linux 5.9); else each descriptor listed in /proc/self/fd is closed (a
 * directory read needs a descriptor of its own, so the first pass may have to
 * close one to make room, and it is repeated until nothing is left).  Like
 * glibc, it ends the program when it cannot close them (no /proc, or no free
 * descriptor). */
#include "shim.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Closes the descriptors >= low listed in /proc/self/fd; returns 0 when it
 * closed none (done), 1 when it closed some (read again), -1 on failure. */
static int close_listed(int low)
{
  int dir_fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return -1;
  DIR *dir = fdopendir(dir_fd);
  if (dir == NULL) {
    close(dir_fd);
    return -1;
  }
  int closed = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
      continue;
    int fd = atoi(entry->d_name);
    if (fd >= low && fd != dir_fd) {
      close(fd);
      closed = 1;
    }
  }
  closedir(dir);
  return closed;
}

SHIM void closefrom(int low)
{
  if (low < 0)
    low = 0;
  if (syscall(SYS_close_range, (unsigned int)low, ~0U, 0) == 0)
    return;
  int result;
  /* Without a free descriptor /proc/self/fd cannot be opened: the lowest
   * candidate makes room for it (its directory entry is then gone anyway). */
  while ((result = close_listed(low)) < 0 && errno == EMFILE && close(low) == 0)
    continue;
  while (result > 0)
    result = close_listed(low);
  if (result < 0)
    abort();
}
