// shims/shims.tsv: which interface each shim file stands in for, and for which targets.
#pragma once

#include <string>
#include <vector>

#include "database/release.hpp"

namespace glibcpin {

struct ShimRow {
  std::string symbol;
  Release introduced;   // the first glibc that has the interface: linked for targets before it
  std::string file;     // shims/<file> (.c); the archive takes <stem>.o
  std::string needs;    // another file linked with it, "" for none
  std::string ldflags;  // a linker option needed whenever it is linked, "" for none
};

// Reads <dir>/shims.tsv. Throws Error when it is missing or a row is malformed.
std::vector<ShimRow> read_shim_table(const std::string& dir);

}  // namespace glibcpin
