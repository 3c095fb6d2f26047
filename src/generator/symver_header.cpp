#include "generator/symver_header.hpp"

#include "generator/header_aliases.hpp"

#include <map>
#include <set>

namespace glibcpin {

// Default version of each symbol name over all libraries; names whose libraries disagree are
// left out (an object cannot pin those without knowing the library).
static std::map<std::string_view, std::string_view> default_versions(const ArchDb& db,
                                                                     Release release) {
  std::map<std::string_view, std::string_view> result;
  std::set<std::string_view> ambiguous;
  for (std::string_view library : db.libraries_at(release)) {
    for (const Export& e : db.exports_at(library, release)) {
      if (!e.is_default)
        continue;
      auto [it, inserted] = result.emplace(e.symbol, e.version);
      if (!inserted && it->second != e.version)
        ambiguous.insert(e.symbol);
    }
  }
  for (std::string_view name : ambiguous)
    result.erase(name);
  return result;
}

// The target's glibc version, for code that wants to know it. __GLIBC__ and __GLIBC_MINOR__
// stay the host's: they describe the headers in use, and the headers are the host's (a
// program that defines its own strlcpy when __GLIBC_MINOR__ < 38 would collide with the
// declaration in glibc 2.41's <string.h>). What the host's headers lead to, the shims provide
// (src/shims/README.md, "The version the headers tell").
static std::string target_version_macros(Release target) {
  return "#define __GLIBC_PIN_TARGET_GLIBC__ " + std::to_string(target.major) +
         "\n#define __GLIBC_PIN_TARGET_GLIBC_MINOR__ " + std::to_string(target.minor) + "\n";
}

SymverHeader make_symver_header(const ArchDb& db, Release target, Release host,
                                const std::string& target_name) {
  SymverHeader header;
  header.text = "/* glibc-pin: symbol versions for " + target_name +
                " (generated; force-included with -include). */\n"
                "#ifndef GLIBC_PIN_SYMVER_H\n#define GLIBC_PIN_SYMVER_H\n" +
                target_version_macros(target) + "#ifndef __ASSEMBLER__\n";
  // One asm statement for all directives, one string line each: cc1 pays ~12,000 instructions
  // per top-level asm statement, 2.3 M for 183 of them (3 % of a hello.c compile), ~0.7 M so.
  std::string directives;
  std::map<std::string_view, std::string_view> on_host = default_versions(db, host);
  for (auto [name, version] : default_versions(db, target)) {
    auto it = on_host.find(name);
    if (it == on_host.end() || it->second == version)
      continue;
    directives += "\".symver " + std::string(name) + "," + std::string(name) + "@" +
                  std::string(version) + "\\n\"\n";
    header.redirect_count++;
  }
  if (!directives.empty())
    header.text += "__asm__(\n" + directives + ");\n";
  // __signgam for targets before 2.23: the same object as signgam, which the target has.
  header.text += header_alias_declarations(find_header_aliases(db, target, host));
  header.text += "#endif\n#endif\n";
  return header;
}

}  // namespace glibcpin
