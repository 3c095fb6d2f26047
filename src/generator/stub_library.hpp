// The source of one stub shared library: assembly that defines every symbol@version a library
// exports at the target release, and the version script that declares its version nodes.
// Linked against, it makes every reference bind to the versions the target had.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct StubLibrary {
  std::string soname;          // "libc.so.6"
  std::string assembly;        // GNU as source
  std::string version_script;  // for ld --version-script
  size_t symbol_count = 0;
};

// From the database: what `library` exports at `release`.
StubLibrary make_stub_library(const ArchDb& db, std::string_view library, Release release);

// From any export list (e.g. the host's libgcc_s.so.1, read from the file): `nodes` are the
// version nodes to define, in order.
StubLibrary make_stub_library(std::string soname, const std::vector<Export>& exports,
                              std::vector<std::string_view> nodes);

}  // namespace glibcpin
