#include "cli/command.hpp"

namespace glibcpin {

// The one table of subcommands. Later: cc, c++, ld (personalities), check, cache, doctor.
static const Command command_table[] = {
    {"lookup", "Show every library and version of a symbol, and when each was the default",
     run_lookup},
    {"targets", "List the known architectures, glibc releases and target profiles", run_targets},
    {"cache", "Show, generate or clean the cache of per-target stub libraries", run_cache},
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
