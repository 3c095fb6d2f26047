// Finding the real compiler or linker that a personality stands for.
#pragma once

#include <string>

#include "driver/invocation.hpp"

namespace glibcpin {

// The real tool: --glibc-pin-compiler / --glibc-pin-linker, else $GLIBC_PIN_CC / $GLIBC_PIN_CXX /
// $GLIBC_PIN_LD, else `cc` / `c++` / the linker name glibc-pin was invoked as (ld, ld.lld, ...).
// PATH entries that lead back to glibc-pin itself are skipped (masquerading as `cc` through a
// symlink works); a tool that is glibc-pin itself is refused with a clear Error.
// `cross_triple` ("aarch64-linux-gnu"): the target names another architecture than the host's;
// the default tool is then <triple>-gcc / <triple>-g++ instead of cc / c++, and GNU ld (ld,
// ld.bfd, ld.gold, also when invoked under that name) is <triple>-ld...
std::string find_real_tool(Personality personality, const WrapperOptions& wrapper,
                           const std::string& invoked_as, const std::string& cross_triple = "");

}  // namespace glibcpin
