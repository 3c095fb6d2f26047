// Variables that newer glibc exports under a reserved name too, for an object the target exports
// under its plain name only. The forced header declares the reserved name with the plain name as
// its assembler name, so code compiled through glibc-pin refers to the object the target has.
// (Functions renamed that way get trampolines, renamed_symbols.hpp; a variable cannot.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct HeaderAlias {
  std::string name;         // what the code names: __signgam
  std::string target_name;  // the same object at the target: signgam
  std::string c_type;       // its C type: int
};

// The aliases a compile for `target` needs: `name` exported by the host and not by the target,
// `target_name` exported by the target.
std::vector<HeaderAlias> find_header_aliases(const ArchDb& db, Release target, Release host);

// The declarations for the forced header (C and C++), "" for none.
std::string header_alias_declarations(const std::vector<HeaderAlias>& aliases);

}  // namespace glibcpin
