#include "generator/renamed_symbols.hpp"

#include "generator/toolchain.hpp"

#include <set>

namespace glibcpin {

static std::set<std::string_view> default_functions(const ArchDb& db, Release release) {
  std::set<std::string_view> names;
  for (std::string_view library : db.libraries_at(release))
    for (const Export& e : db.exports_at(library, release))
      if (e.is_default && e.kind == Kind::Function)
        names.insert(e.symbol);
  return names;
}

std::vector<RenamedSymbol> find_renamed_symbols(const ArchDb& db, Release target, Release host) {
  std::set<std::string_view> on_target = default_functions(db, target);
  std::vector<RenamedSymbol> renamed;
  for (std::string_view name : default_functions(db, host)) {
    std::string old_name = "__" + std::string(name);
    if (!on_target.count(name) && on_target.count(old_name))
      renamed.push_back({std::string(name), old_name});
  }
  return renamed;
}

std::string rename_trampoline(const RenamedSymbol& r, std::string_view arch) {
  return tail_call_assembly(arch, r.name, r.old_name);
}

}  // namespace glibcpin
