/* sigdescr_np and sigabbrev_np: added in glibc 2.32.  The description ("Hangup")
 * and the abbreviation without "SIG" ("HUP") of a signal, or NULL for a number
 * that names none (0, negative, the real-time signals, >= NSIG).  The strings are
 * glibc's own texts, so the result is the same as on the newer glibc; the target's
 * strsignal/sys_siglist are not used (they are localized or deprecated). */
#include "shim.h"
#include <signal.h>
#include <stddef.h>

static const char *const descriptions[] = {
    [SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
    [SIGABRT] = "Aborted", [SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception",
    [SIGKILL] = "Killed", [SIGUSR1] = "User defined signal 1",
    [SIGSEGV] = "Segmentation fault", [SIGUSR2] = "User defined signal 2",
    [SIGPIPE] = "Broken pipe", [SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
    [SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited", [SIGCONT] = "Continued",
    [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)", [SIGURG] = "Urgent I/O condition",
    [SIGXCPU] = "CPU time limit exceeded", [SIGXFSZ] = "File size limit exceeded",
    [SIGVTALRM] = "Virtual timer expired", [SIGPROF] = "Profiling timer expired",
    [SIGWINCH] = "Window changed", [SIGPOLL] = "I/O possible", [SIGPWR] = "Power failure",
    [SIGSYS] = "Bad system call",
};

static const char *const abbreviations[] = {
    [SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
    [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
    [SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
    [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT",
    [SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
    [SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
    [SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF", [SIGWINCH] = "WINCH",
    [SIGPOLL] = "POLL", [SIGPWR] = "PWR", [SIGSYS] = "SYS",
};

static const char *lookup(const char *const *table, size_t size, int signal)
{
  return signal >= 0 && (size_t)signal < size ? table[signal] : NULL;
}

SHIM const char *sigdescr_np(int signal)
{
  return lookup(descriptions, sizeof descriptions / sizeof *descriptions, signal);
}

SHIM const char *sigabbrev_np(int signal)
{
  return lookup(abbreviations, sizeof abbreviations / sizeof *abbreviations, signal);
}
