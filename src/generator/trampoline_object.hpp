// A trampoline as a relocatable ELF object, written directly: a hidden function `name` that
// tail-calls `callee` through the PLT (res_query -> __res_query on a target where libresolv
// exports only the old name). The same bytes GNU as makes of toolchain.hpp's
// tail_call_assembly(), without running as (tests/generator/stub-elf-equivalence.sh compares).
#pragma once

#include <string>
#include <string_view>

namespace glibcpin {

// For "x86_64", "aarch64" or "i386"; throws Error for another architecture.
std::string trampoline_object(std::string_view arch, std::string_view name,
                              std::string_view callee);

}  // namespace glibcpin
