/* posix_spawn_file_actions_addchdir_np, _addfchdir_np, _addclosefrom_np through
 * posix_spawn and posix_spawnp: where the child runs, the order of the actions, which
 * descriptors it inherits, the errors (returned, with no child left behind). */
#include "shim_test.h"
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char output[PATH_MAX + 16];

/* Runs argv with `actions` (stdout captured in `output`), prints the spawn's result. */
static void run(const char *what, int search, posix_spawn_file_actions_t *actions, char *const argv[])
{
  int out[2];
  pipe(out);
  posix_spawn_file_actions_adddup2(actions, out[1], 1);
  pid_t pid = 0;
  int error = search ? posix_spawnp(&pid, argv[0], actions, NULL, argv, environ)
                     : posix_spawn(&pid, argv[0], actions, NULL, argv, environ);
  close(out[1]);
  char *text = output;
  ssize_t n = read(out[0], text, sizeof output - 1);
  text[n > 0 ? n : 0] = 0;
  if (strchr(text, '\n'))
    *strchr(text, '\n') = 0;
  close(out[0]);
  int status = 0;
  if (error == 0)
    waitpid(pid, &status, 0);
  errno = 0;
  int leftover = waitpid(-1, NULL, WNOHANG);
  printf("%s: %s exit=%d children left=%s\n", what, error ? errno_name(error) : "spawned",
         error ? -1 : WEXITSTATUS(status), leftover == -1 && errno == ECHILD ? "none" : "some");
  fflush(stdout);
}

int main(void)
{
  char dir[] = "/tmp/spawn-actions-XXXXXX";
  if (!mkdtemp(dir))
    return 1;
  char real_dir[PATH_MAX];
  realpath(dir, real_dir);
  char *pwd[] = {"/bin/sh", "-c", "pwd -P", NULL};
  posix_spawn_file_actions_t a;

  posix_spawn_file_actions_init(&a);
  printf("addchdir_np: %d\n", posix_spawn_file_actions_addchdir_np(&a, dir));
  run("posix_spawn after chdir", 0, &a, pwd);
  printf("  ran in the directory: %d\n", strcmp(output, real_dir) == 0);
  posix_spawn_file_actions_destroy(&a);
  char here[PATH_MAX];
  getcwd(here, sizeof here);
  printf("the parent stays where it was: %d\n", strcmp(here, real_dir) != 0);

  int dir_fd = open(dir, O_RDONLY | O_DIRECTORY);
  char *pwd_p[] = {"sh", "-c", "pwd -P", NULL};
  posix_spawn_file_actions_init(&a);
  printf("addfchdir_np: %d\n", posix_spawn_file_actions_addfchdir_np(&a, dir_fd));
  /* relative to the new directory: the actions run in order */
  posix_spawn_file_actions_addopen(&a, 30, "made-by-open", O_WRONLY | O_CREAT, 0644);
  run("posix_spawnp after fchdir, then open", 1, &a, pwd_p);
  printf("  ran in the directory: %d\n", strcmp(output, real_dir) == 0);
  posix_spawn_file_actions_destroy(&a);
  printf("file created in the directory: %d\n", faccessat(dir_fd, "made-by-open", F_OK, 0) == 0);

  int keep = open("/dev/null", O_RDONLY); /* inherited: no O_CLOEXEC */
  dup2(keep, 20);
  char *probe[] = {"/bin/sh", "-c", "if [ -e /proc/self/fd/20 ]; then echo fd20-open; else echo fd20-closed; fi", NULL};
  posix_spawn_file_actions_init(&a);
  run("without closefrom", 0, &a, probe);
  printf("  %s\n", output);
  posix_spawn_file_actions_destroy(&a);
  posix_spawn_file_actions_init(&a);
  printf("addclosefrom_np(10): %d\n", posix_spawn_file_actions_addclosefrom_np(&a, 10));
  run("with closefrom(10)", 0, &a, probe);
  printf("  %s\n", output);
  posix_spawn_file_actions_destroy(&a);

  posix_spawn_file_actions_init(&a);
  posix_spawn_file_actions_addchdir_np(&a, "/no/such/directory");
  run("chdir to a missing directory", 0, &a, pwd);
  posix_spawn_file_actions_destroy(&a);
  char *missing[] = {"no-such-program-anywhere", NULL};
  posix_spawn_file_actions_init(&a);
  posix_spawn_file_actions_addchdir_np(&a, "/");
  run("posix_spawnp of a missing program", 1, &a, missing);
  posix_spawn_file_actions_destroy(&a);

  posix_spawn_file_actions_init(&a);
  printf("addfchdir_np(-1): %d\n", posix_spawn_file_actions_addfchdir_np(&a, -1));
  run("posix_spawn with fchdir(-1)", 0, &a, pwd);
  posix_spawn_file_actions_destroy(&a);
  posix_spawn_file_actions_init(&a);
  printf("addclosefrom_np(-1): %s\n", errno_name(posix_spawn_file_actions_addclosefrom_np(&a, -1)));
  printf("addclosefrom_np(INT_MAX): %s\n", errno_name(posix_spawn_file_actions_addclosefrom_np(&a, INT_MAX)));
  posix_spawn_file_actions_destroy(&a);

  unlinkat(dir_fd, "made-by-open", 0);
  rmdir(dir);
  return 0;
}
