#include "cli/command.hpp"

namespace glibcpin {

// The one table of subcommands.
static const Command command_table[] = {
    {"cc", "Compile and link C for the target (also: symlink glibc-pin-cc)", run_cc},
    {"c++", "Compile and link C++ for the target (also: symlink glibc-pin-c++)", run_cxx},
    {"ld", "Link for the target as the linker a compiler calls (symlink glibc-pin-ld)", run_ld},
    {"lookup", "Show every library and version of a symbol, and when each was the default",
     run_lookup},
    {"targets", "List the known architectures, glibc releases and target profiles", run_targets},
    {"check", "Check whether binaries fit a target (glibc, C++ runtime, libraries), and why not",
     run_check},
    {"cache", "Show, generate or clean the cache of per-target stub libraries", run_cache},
    {"doctor", "Show what glibc-pin would use here and check that a pinned build works",
     run_doctor},
    {"demand", "List the glibc interfaces binaries import that a target lacks, and what glibc-pin does with each",
     run_demand},
};

std::span<const Command> commands() {
  return command_table;
}

const Command* find_command(std::string_view name) {
  for (const Command& command : command_table)
    if (command.name == name)
      return &command;
  return nullptr;
}

}  // namespace glibcpin
