// The .symver redirection header, force-included into every compile the wrapper runs: each
// object then carries its pins itself (memcpy@GLIBC_2.2.5, not the host's memcpy@@GLIBC_2.14),
// even when somebody else links it later.
#pragma once

#include <string>

#include "database/arch_db.hpp"

namespace glibcpin {

struct SymverHeader {
  std::string text;
  size_t redirect_count = 0;
};

// One ".symver NAME, NAME@VERSION" for every symbol whose default version at `target` differs
// from the host's default version. Symbols the target lacks get none (a shim or the link's
// verdict handles them); symbols whose default is the same need none.
SymverHeader make_symver_header(const ArchDb& db, Release target, Release host,
                                const std::string& target_name);

}  // namespace glibcpin
