/* posix_spawn_file_actions_addchdir_np, _addfchdir_np (glibc 2.29) and
 * _addclosefrom_np (2.34), with the posix_spawn/posix_spawnp wrappers that run them.
 *
 * The target's posix_spawn only runs the file actions it knows, so each new action is
 * recorded in the caller's posix_spawn_file_actions_t as an entry with a tag of our own:
 * an ordinary close action is added through the target's addclose (which grows the
 * array), then retagged.  posix_spawn and posix_spawnp are wrapped (--wrap, the ldflags
 * of shims.tsv): without our tags the target's own runs; with them the spawn is done
 * here: fork, then in the child the attributes and every action in order, then execve,
 * with the child's errno sent back through a close-on-exec pipe, as glibc reports it
 * (the error number is the return value, and no child is left behind).
 *
 * The entries' layout is glibc's struct __spawn_action on x86_64, the same in every
 * release: an int tag at offset 0, the union at offset 8, 32 bytes each.  glibc's own
 * tags are close 0, dup2 1, open 2, chdir 3, fchdir 4 (2.29), closefrom 5 (2.34).
 * aarch64 has the same layout (LP64).  On i386 the entries are smaller: there only the
 * wrappers are built (forwarding to the target's own), the new actions are left undefined
 * and a link that needs them is refused. */
#include "shim.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if __SIZEOF_POINTER__ == 8
enum { ENTRY_SIZE = 32, UNION_OFFSET = 8 };
enum { TAG_CLOSE = 0, TAG_DUP2 = 1, TAG_OPEN = 2, TAG_CHDIR = 3, TAG_FCHDIR = 4, TAG_CLOSEFROM = 5 };
/* Ours: glibc never uses these values. */
enum { OUR_CHDIR = 0x67700003, OUR_FCHDIR = 0x67700004, OUR_CLOSEFROM = 0x67700005 };

struct entry_open {
  int fd;
  const char *path;
  int oflag;
  mode_t mode;
};

static char *entry_at(const posix_spawn_file_actions_t *actions, int index)
{
  return (char *)actions->__actions + (size_t)index * ENTRY_SIZE;
}

/* Appends an entry tagged `tag`; returns its union, or NULL with an error number. */
static char *add_entry(posix_spawn_file_actions_t *actions, int tag, int *error)
{
  *error = posix_spawn_file_actions_addclose(actions, 0);
  if (*error != 0)
    return NULL;
  char *entry = entry_at(actions, actions->__used - 1);
  int entry_tag, entry_fd;
  memcpy(&entry_tag, entry, sizeof entry_tag);
  memcpy(&entry_fd, entry + UNION_OFFSET, sizeof entry_fd);
  if (entry_tag != TAG_CLOSE || entry_fd != 0) { /* not the layout this was written for */
    actions->__used--;
    *error = ENOMEM;
    return NULL;
  }
  memcpy(entry, &tag, sizeof tag);
  return entry + UNION_OFFSET;
}

SHIM int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path)
{
  char *copy = strdup(path); /* as glibc, a copy; the target's destroy cannot free it */
  if (copy == NULL)
    return ENOMEM;
  int error;
  char *data = add_entry(actions, OUR_CHDIR, &error);
  if (data == NULL) {
    free(copy);
    return error;
  }
  memcpy(data, &copy, sizeof copy);
  return 0;
}

/* Like glibc, the descriptor is not checked here: a bad one fails the spawn (EBADF). */
SHIM int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *actions, int fd)
{
  int error;
  char *data = add_entry(actions, OUR_FCHDIR, &error);
  if (data != NULL)
    memcpy(data, &fd, sizeof fd);
  return data ? 0 : error;
}

SHIM int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from)
{
  if (from < 0 || from >= getdtablesize())
    return EBADF;
  int error;
  char *data = add_entry(actions, OUR_CLOSEFROM, &error);
  if (data != NULL)
    memcpy(data, &from, sizeof from);
  return data ? 0 : error;
}

static int has_our_entries(const posix_spawn_file_actions_t *actions)
{
  if (actions == NULL)
    return 0;
  for (int i = 0; i < actions->__used; i++) {
    int tag;
    memcpy(&tag, entry_at(actions, i), sizeof tag);
    if (tag == OUR_CHDIR || tag == OUR_FCHDIR || tag == OUR_CLOSEFROM)
      return 1;
  }
  return 0;
}

/* In the child: only system calls and async-signal-safe functions from here on. */
static int close_from(int from)
{
  if (syscall(SYS_close_range, (unsigned)from, ~0U, 0) == 0)
    return 0;
  int dir = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0)
    return errno;
  char buffer[4096];
  long n;
  while ((n = syscall(SYS_getdents64, dir, buffer, sizeof buffer)) > 0) {
    for (long at = 0; at < n;) {
      unsigned short length;
      memcpy(&length, buffer + at + 16, sizeof length);
      const char *name = buffer + at + 19;
      int fd = 0;
      for (; *name >= '0' && *name <= '9'; name++)
        fd = fd * 10 + (*name - '0');
      if (*name == 0 && name != buffer + at + 19 && fd >= from && fd != dir)
        syscall(SYS_close, fd);
      at += length;
    }
  }
  syscall(SYS_close, dir);
  return n < 0 ? errno : 0;
}

static int run_actions(const posix_spawn_file_actions_t *actions)
{
  for (int i = 0; actions && i < actions->__used; i++) {
    const char *entry = entry_at(actions, i), *data = entry + UNION_OFFSET;
    int tag, fd, other;
    memcpy(&tag, entry, sizeof tag);
    memcpy(&fd, data, sizeof fd);
    switch (tag) {
    case TAG_CLOSE:
      if (close(fd) != 0 && errno != EBADF)
        return errno;
      break;
    case TAG_DUP2:
      memcpy(&other, data + sizeof fd, sizeof other);
      if (fd == other) { /* POSIX: the descriptor stays open across exec */
        int flags = fcntl(fd, F_GETFD);
        if (flags < 0 || fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0)
          return errno;
      } else if (dup2(fd, other) < 0) {
        return errno;
      }
      break;
    case TAG_OPEN: {
      struct entry_open open_action;
      memcpy(&open_action, data, sizeof open_action);
      int opened = open(open_action.path, open_action.oflag, open_action.mode);
      if (opened < 0)
        return errno;
      if (opened != open_action.fd) {
        if (dup2(opened, open_action.fd) < 0)
          return errno;
        close(opened);
      }
      break;
    }
    case TAG_CHDIR:
    case OUR_CHDIR: {
      const char *path;
      memcpy(&path, data, sizeof path);
      if (chdir(path) != 0)
        return errno;
      break;
    }
    case TAG_FCHDIR:
    case OUR_FCHDIR:
      if (fchdir(fd) != 0)
        return errno;
      break;
    case TAG_CLOSEFROM:
    case OUR_CLOSEFROM:
      if (close_from(fd) != 0)
        return errno;
      break;
    default:
      return EINVAL;
    }
  }
  return 0;
}

static int apply_attributes(const posix_spawnattr_t *attr)
{
  short flags = 0;
  if (attr)
    posix_spawnattr_getflags(attr, &flags);
  /* Handlers the parent installed must not run in the child; SETSIGDEF's signals go to
   * the default. */
  sigset_t defaults;
  sigemptyset(&defaults);
  if (flags & POSIX_SPAWN_SETSIGDEF)
    posix_spawnattr_getsigdefault(attr, &defaults);
  for (int sig = 1; sig < _NSIG; sig++) {
    struct sigaction action;
    if (sig == SIGKILL || sig == SIGSTOP || sigaction(sig, NULL, &action) != 0)
      continue;
    if (sigismember(&defaults, sig) || (action.sa_handler != SIG_IGN && action.sa_handler != SIG_DFL)) {
      action.sa_handler = SIG_DFL;
      action.sa_flags = 0;
      sigaction(sig, &action, NULL);
    }
  }
  if ((flags & 0x80 /* POSIX_SPAWN_SETSID */) && setsid() < 0)
    return errno;
  if (flags & POSIX_SPAWN_SETPGROUP) {
    pid_t group;
    posix_spawnattr_getpgroup(attr, &group);
    if (setpgid(0, group) != 0)
      return errno;
  }
  if (flags & (POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_SETSCHEDPARAM)) {
    struct sched_param param;
    posix_spawnattr_getschedparam(attr, &param);
    if (flags & POSIX_SPAWN_SETSCHEDULER) {
      int policy;
      posix_spawnattr_getschedpolicy(attr, &policy);
      if (sched_setscheduler(0, policy, &param) < 0)
        return errno;
    } else if (sched_setparam(0, &param) < 0) {
      return errno;
    }
  }
  if ((flags & POSIX_SPAWN_RESETIDS) && (seteuid(getuid()) != 0 || setegid(getgid()) != 0))
    return errno;
  return 0;
}

/* execvp's search without its /bin/sh fallback, as posix_spawnp does since glibc 2.15. */
static int exec_searching(const char *file, char *const argv[], char *const envp[])
{
  if (strchr(file, '/') != NULL) {
    execve(file, argv, envp);
    return errno;
  }
  const char *path = getenv("PATH");
  if (path == NULL)
    path = "/bin:/usr/bin";
  size_t file_length = strlen(file);
  int saw_eacces = 0, error = ENOENT;
  for (const char *start = path;; start++) {
    const char *end = strchr(start, ':');
    size_t length = end ? (size_t)(end - start) : strlen(start);
    char candidate[PATH_MAX];
    if (length + 1 + file_length + 1 <= sizeof candidate) {
      memcpy(candidate, start, length);
      size_t at = length;
      if (at == 0)
        candidate[at++] = '.';
      candidate[at++] = '/';
      memcpy(candidate + at, file, file_length + 1);
      execve(candidate, argv, envp);
      error = errno;
      if (error == EACCES)
        saw_eacces = 1;
      else if (error != ENOENT && error != ENOTDIR && error != ESTALE && error != ENODEV &&
               error != ETIMEDOUT)
        return error;
    }
    if (end == NULL)
      break;
    start = end;
  }
  return saw_eacces ? EACCES : error;
}

static int spawn(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[], int search)
{
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0)
    return errno;
  sigset_t all, parent_mask;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &parent_mask); /* the calling thread's mask */
  pid_t child = fork();
  if (child == 0) {
    close(report[0]);
    int error = apply_attributes(attr);
    if (error == 0)
      error = run_actions(actions);
    if (error == 0) {
      short flags = 0;
      sigset_t mask = parent_mask;
      if (attr && posix_spawnattr_getflags(attr, &flags) == 0 && (flags & POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_getsigmask(attr, &mask);
      sigprocmask(SIG_SETMASK, &mask, NULL);
      if (search) {
        error = exec_searching(file, argv, envp);
      } else {
        execve(file, argv, envp);
        error = errno;
      }
    }
    /* The pipe stays open if the report fails: the parent then sees no error. */
    while (write(report[1], &error, sizeof error) < 0 && errno == EINTR)
      continue;
    _exit(127);
  }
  int fork_error = errno;
  sigprocmask(SIG_SETMASK, &parent_mask, NULL);
  close(report[1]);
  if (child < 0) {
    close(report[0]);
    return fork_error;
  }
  int error = 0;
  ssize_t got;
  while ((got = read(report[0], &error, sizeof error)) < 0 && errno == EINTR)
    continue;
  close(report[0]);
  if (got == (ssize_t)sizeof error && error != 0) {
    waitpid(child, NULL, 0); /* as glibc: a failed spawn leaves no child */
    return error;
  }
  if (pid)
    *pid = child;
  return 0;
}

#endif /* __SIZEOF_POINTER__ == 8 */

int __real_posix_spawn(pid_t *, const char *, const posix_spawn_file_actions_t *,
                       const posix_spawnattr_t *, char *const[], char *const[]);
int __real_posix_spawnp(pid_t *, const char *, const posix_spawn_file_actions_t *,
                        const posix_spawnattr_t *, char *const[], char *const[]);

SHIM int __wrap_posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                            const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
#if __SIZEOF_POINTER__ == 8
  if (has_our_entries(actions))
    return spawn(pid, path, actions, attr, argv, envp, 0);
#endif
  return __real_posix_spawn(pid, path, actions, attr, argv, envp);
}

SHIM int __wrap_posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                             const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
#if __SIZEOF_POINTER__ == 8
  if (has_our_entries(actions))
    return spawn(pid, file, actions, attr, argv, envp, 1);
#endif
  return __real_posix_spawnp(pid, file, actions, attr, argv, envp);
}
