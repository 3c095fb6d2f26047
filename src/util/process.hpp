// Running other programs (the real compiler, linker, assembler) with Boost.Process.
#pragma once

#include <string>
#include <vector>

namespace glibcpin {

// Runs argv[0] (searched in PATH when it has no '/') with the rest as arguments, inheriting
// stdin/stdout/stderr; returns its exit status. Throws Error when it cannot be started.
int run_program(const std::vector<std::string>& argv);

// Becomes argv[0] (searched like run_program) with the rest as arguments: execv in place, for
// when nothing is left to do after the program. Flushes std::cout and std::cerr first. Returns
// only by throwing Error when it cannot be started.
[[noreturn]] void exec_program(const std::vector<std::string>& argv);

// Like run_program, but also returns what it wrote to stderr (which still reaches ours, as it
// comes, unless `echo` is false).
// `stdout_file`, when not empty: the program's stdout goes there instead of ours.
int run_program_keeping_stderr(const std::vector<std::string>& argv, std::string& stderr_text,
                               bool echo = true, const std::string& stdout_file = "");

// Starts every command at once and waits for all; returns the first non-zero exit status
// (0 when all succeeded). Throws Error when one cannot be started.
int run_programs_in_parallel(const std::vector<std::vector<std::string>>& commands);

// Runs argv and returns what it printed on stdout (stderr passes through). Throws Error when
// it cannot be started or exits non-zero.
std::string capture_program_output(const std::vector<std::string>& argv);

// The absolute path of `name` in PATH (or `name` itself when it holds a '/'), "" if not found.
std::string find_in_path(const std::string& name);

}  // namespace glibcpin
