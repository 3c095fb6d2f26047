#include "generator/renamed_symbols.hpp"

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

std::string rename_trampoline(const RenamedSymbol& r) {
  return "\t.text\n\t.globl " + r.name + "\n\t.hidden " + r.name + "\n\t.type " + r.name +
         ", @function\n" + r.name + ":\n\tjmp " + r.old_name + "@PLT\n\t.size " + r.name +
         ", .-" + r.name + "\n\t.section .note.GNU-stack,\"\",@progbits\n";
}

}  // namespace glibcpin
