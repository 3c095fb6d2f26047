#include "generator/header_aliases.hpp"

namespace glibcpin {

// Each entry was checked against real libm binaries: in glibc >= 2.23 `__signgam@@GLIBC_2.23`
// and `signgam@@<base>` are one object (the same address), which lgamma@@GLIBC_2.23 sets; before
// 2.23 there is only `signgam`, which lgamma sets. So reading `signgam` on an old target is what
// reading `__signgam` is on a new one.
static const HeaderAlias kHeaderAliases[] = {
    {"__signgam", "signgam", "int"},
};

std::vector<HeaderAlias> find_header_aliases(const ArchDb& db, Release target, Release host) {
  std::vector<HeaderAlias> aliases;
  for (const HeaderAlias& alias : kHeaderAliases)
    if (db.has_symbol_at(alias.name, host) && !db.has_symbol_at(alias.name, target) &&
        db.has_symbol_at(alias.target_name, target))
      aliases.push_back(alias);
  return aliases;
}

std::string header_alias_declarations(const std::vector<HeaderAlias>& aliases) {
  if (aliases.empty())
    return "";
  std::string text = "#ifdef __cplusplus\nextern \"C\" {\n#endif\n";
  for (const HeaderAlias& alias : aliases)
    text += "extern " + alias.c_type + " " + alias.name + " __asm__(\"" + alias.target_name +
            "\");\n";
  return text + "#ifdef __cplusplus\n}\n#endif\n";
}

}  // namespace glibcpin
