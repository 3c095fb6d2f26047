// Which inputs a link loaded, from the linker's own trace (-t -t): the objects and archive
// members that can have pulled a symbol in. bfd prints a member as "(archive)member", gold and
// lld as "archive(member)"; each prints one input per line on stdout, with nothing else there
// unless the user asked for it (then glibc-pin does not trace: user_prints_to_stdout).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/invocation.hpp"
#include "verify/provenance.hpp"

namespace glibcpin {

struct LinkTrace {
  std::vector<LinkedInput> inputs;  // in the order loaded, each once
  std::string other_output;         // lines that are not trace lines: the user's to see
};

// The linker options that make it print the trace, for this personality.
std::vector<std::string> trace_arguments(Personality personality);

// True when the user's own arguments make the linker print on stdout (-t, -M, --cref...): the
// trace would be mixed with output that is theirs.
bool user_prints_to_stdout(const Invocation& invocation);

// Splits a linker's stdout into trace lines and the rest; `is_file` tells which paths exist
// (a trace line names an existing file or an existing archive's member).
LinkTrace parse_link_trace(std::string_view text,
                           const std::function<bool(const std::string&)>& is_file);

}  // namespace glibcpin
