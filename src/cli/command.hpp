// The subcommands of glibc-pin: one table, one entry per command.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glibcpin {

struct Context {
  std::ostream& out;
  std::ostream& err;
};

using CommandArgs = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view summary;   // one line for 'glibc-pin --help'
  int (*run)(const Context& ctx, const CommandArgs& args);  // args after the command name
};

// Every subcommand, in the order 'glibc-pin --help' lists them (cli/commands.cpp).
std::span<const Command> commands();
const Command* find_command(std::string_view name);

// The entry point behind main(): returns the exit status (0 ok, 1 failure, 2 usage error).
int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

// Subcommands.
int run_lookup(const Context& ctx, const CommandArgs& args);
int run_targets(const Context& ctx, const CommandArgs& args);
int run_cache(const Context& ctx, const CommandArgs& args);
int run_doctor(const Context& ctx, const CommandArgs& args);
int run_check(const Context& ctx, const CommandArgs& args);
int run_demand(const Context& ctx, const CommandArgs& args);
int run_cc(const Context& ctx, const CommandArgs& args);
int run_cxx(const Context& ctx, const CommandArgs& args);
int run_ld(const Context& ctx, const CommandArgs& args);

enum class Personality;
// The personality glibc-pin was invoked as through a symlink (glibc-pin-cc, glibc-pin-ld, ld...).
std::optional<Personality> personality_of(const std::string& argv0);

// 'glibc-pin --version': the version and a summary of the embedded database.
void print_version(std::ostream& out);

}  // namespace glibcpin
