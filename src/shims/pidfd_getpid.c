/* pidfd_getpid: added in glibc 2.39.  As glibc does: the "Pid:" line of
 * /proc/self/fdinfo/FD.  No such descriptor, or no such line (not a pidfd): EBADF; 0 (the process is in
 * another PID namespace): EREMOTE; -1 (it has exited and been reaped): ESRCH. */
#include "shim.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

SHIM pid_t pidfd_getpid(int fd)
{
  if (fd < 0) {
    errno = EBADF;
    return -1;
  }
  char path[64], text[4096];
  snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
  int info = open(path, O_RDONLY | O_CLOEXEC);
  if (info < 0) {
    if (errno == ENOENT) /* no such descriptor */
      errno = EBADF;
    return -1;
  }
  ssize_t length = read(info, text, sizeof text - 1);
  close(info);
  if (length < 0)
    return -1;
  text[length] = 0;
  const char *line = strstr(text, "\nPid:");
  if (line == NULL) {
    errno = EBADF;
    return -1;
  }
  long pid = strtol(line + 5, NULL, 10);
  if (pid == 0) {
    errno = EREMOTE;
    return -1;
  }
  if (pid == -1) {
    errno = ESRCH;
    return -1;
  }
  return (pid_t)pid;
}
