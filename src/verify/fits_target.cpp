#include "verify/fits_target.hpp"

#include <algorithm>
#include <set>

namespace glibcpin {

// What the target does have of `symbol` in `library`, for the message: "memcpy@GLIBC_2.2.5".
static std::string what_target_has(const ArchDb& db, std::string_view symbol,
                                   std::string_view library, Release target) {
  std::string have;
  for (const Export& e : db.exports_at(library, target))
    if (e.symbol == symbol)
      have += (have.empty() ? "" : ", ") + std::string(symbol) + "@" + std::string(e.version);
  return have;
}

std::vector<Problem> check_fits(const ElfRequirements& req, const ArchDb& db, Release target,
                                const std::string& target_name) {
  std::vector<Problem> problems;
  std::set<std::pair<std::string, std::string>> reported_versions;
  for (const ImportedSymbol& import : req.imports) {
    if (import.version.empty() || !db.knows_library(import.library) ||
        import.version == "GLIBC_PRIVATE")
      continue;
    if (!db.library_exists_at(import.library, target)) {
      problems.push_back({import.name, import.library, import.version,
                          "needs " + import.library + ", which " + target_name + " does not have"});
      continue;
    }
    bool found = false;
    for (const Export& e : db.exports_at(import.library, target))
      found |= e.symbol == import.name && e.version == import.version;
    if (found)
      continue;
    std::string have = what_target_has(db, import.name, import.library, target);
    problems.push_back({import.name, import.library, import.version,
                        "needs " + import.name + "@" + import.version + " (" + import.library +
                            "), but " + target_name +
                            (have.empty() ? " has no " + import.name
                                          : " has only " + have)});
    reported_versions.insert({import.library, import.version});
  }
  // Version needs without a symbol naming them (rare, but the loader checks them too).
  for (const auto& [library, version] : req.version_needs) {
    if (!db.knows_library(library) || reported_versions.count({library, version}) ||
        version == "GLIBC_PRIVATE" || !db.library_exists_at(library, target))
      continue;
    std::vector<std::string_view> nodes = db.version_nodes_at(library, target);
    if (std::find(nodes.begin(), nodes.end(), version) == nodes.end())
      problems.push_back({"", library, version,
                          "needs version " + version + " of " + library + ", which " +
                              target_name + " does not define"});
  }
  return problems;
}

}  // namespace glibcpin
