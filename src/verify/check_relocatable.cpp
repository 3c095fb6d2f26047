// Relocatable objects (compiled, not yet linked) carry no symbol versions: what can be said is
// which of their references name glibc functions the target lacks entirely.
#include <set>

#include "verify/problem_list.hpp"

namespace glibcpin {

void check_relocatable(const ElfRequirements& req, const TargetIndex& index, ProblemList& out) {
  const CheckTarget& t = index.target();
  const ArchDb& db = index.db();
  // No versions yet: report references the target lacks entirely.
  std::set<std::string> seen;
  for (const ImportedSymbol& sym : req.undefined) {
    if (!seen.insert(sym.name + "@" + sym.version).second)
      continue;
    Severity severity = sym.weak ? Severity::Warning : Severity::Error;
    if (!sym.version.empty()) {
      if (!db.has_symbol(sym.name) || index.libraries_exporting(sym.name, "").empty() ||
          !index.libraries_exporting(sym.name, sym.version).empty())
        continue;
      out.add(severity, "object-missing-symbol",
              "references " + sym.name + "@" + sym.version + ", which " + t.name + " does not have",
              "", sym.version, sym.name);
    } else if (db.has_symbol(sym.name) && !db.has_symbol_at(sym.name, t.glibc)) {
      std::string since;
      for (const Entry& e : db.entries_of(sym.name))
        if (since.empty() || e.first < parse_release_or_throw(since))
          since = to_string(e.first);
      std::string when = !since.empty() && parse_release_or_throw(since) > t.glibc
                             ? " (glibc has it since " + since + ")"
                             : "";
      out.add(severity, "object-missing-symbol",
              "references " + sym.name + ", which " + t.name + " does not have" + when, "", "",
              sym.name);
    }
  }
}

}  // namespace glibcpin
