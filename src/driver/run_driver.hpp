// The cc / c++ / ld personalities: one pinned compiler or linker call, as a list of passes.
#pragma once

#include <string>
#include <vector>

#include "cli/command.hpp"
#include "driver/invocation.hpp"

namespace glibcpin {

// `args` are the user's arguments (without argv[0]). Returns the exit status: the real tool's,
// or 1 when the output does not fit the target (the output is then removed).
int run_driver(const Context& ctx, Personality personality, CallForm form,
               const std::vector<std::string>& args, const std::string& invoked_as = "");

}  // namespace glibcpin
