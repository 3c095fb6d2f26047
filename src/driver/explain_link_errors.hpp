// Turning a failed link's "undefined reference" lines into what the user needs to know: the
// symbol is a glibc interface the target does not have (and no shim provides), which version
// introduced it, and which object referenced it.
#pragma once

#include <string>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct UndefinedReference {
  std::string symbol;
  std::string referenced_by;  // the object or source the linker named, "" if none
};

// Parses bfd/gold ("undefined reference to `foo'") and lld/mold ("undefined symbol: foo",
// followed by ">>> referenced by ..." lines) messages.
std::vector<UndefinedReference> parse_undefined_references(const std::string& linker_output);

// One message per undefined glibc symbol that the host has and the target lacks.
std::vector<std::string> explain_undefined_references(
    const std::vector<UndefinedReference>& references, const ArchDb& db, Release target,
    Release host, const std::string& target_name);

}  // namespace glibcpin
