// Interfaces that only changed their name: before 2.34 <resolv.h> turned res_query into
// __res_query with a macro, and libresolv exported only the latter; 2.36's headers call
// res_query, which old targets do not export. A trampoline in the shim archive forwards each
// such name to the old one, for objects compiled anywhere (the .symver header cannot reach
// precompiled code).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct RenamedSymbol {
  std::string name;      // what host-built code calls: res_query
  std::string old_name;  // what the target exports: __res_query
};

// Functions the host exports as NAME that the target lacks, while it exports __NAME.
std::vector<RenamedSymbol> find_renamed_symbols(const ArchDb& db, Release target, Release host);

// `arch`'s assembly of a hidden NAME that jumps to OLD_NAME. One object per trampoline, so that
// a link takes only those it calls (and needs only their old names).
std::string rename_trampoline(const RenamedSymbol& renamed, std::string_view arch = "x86_64");

}  // namespace glibcpin
