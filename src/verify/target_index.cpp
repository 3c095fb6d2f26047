// The target's libraries, version nodes and exports, as the checks ask for them.
#include <algorithm>

#include "verify/fits_target.hpp"

namespace glibcpin {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "?";
}

// Libraries and version nodes are few and asked for often: indexed up front. Symbols are looked
// up in the database as they are asked for (binary search), so a check of one small binary does
// not pay for indexing some 5,000 exports first.
TargetIndex::TargetIndex(const ArchDb& db, CheckTarget target)
    : db_(db), target_(std::move(target)) {
  for (std::string_view library : db_.libraries_at(target_.glibc)) {
    std::string lib(library);
    libraries_.insert(lib);
    for (std::string_view node : db_.version_nodes_at(library, target_.glibc))
      nodes_.insert({lib, std::string(node)});
  }
}

// (library, version) of every export of `symbol` at the target's release.
std::vector<std::pair<std::string_view, std::string_view>> TargetIndex::at_target(
    const std::string& symbol) const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const Entry& e : db_.entries_of(symbol))
    if (e.first <= target_.glibc && target_.glibc <= e.last)
      out.emplace_back(e.library, e.version);
  return out;
}

bool TargetIndex::defines(const std::string& library, const std::string& version) const {
  return nodes_.count({library, version}) > 0;
}

bool TargetIndex::exports(const std::string& library, const std::string& symbol,
                          const std::string& version) const {
  for (const auto& [lib, v] : at_target(symbol))
    if (lib == library && v == version)
      return true;
  return false;
}

std::vector<std::string> TargetIndex::versions_of(const std::string& library,
                                                  const std::string& symbol) const {
  std::vector<std::string> out;
  for (const auto& [lib, version] : at_target(symbol))
    if (lib == library)
      out.push_back(symbol + "@" + std::string(version));
  return out;
}

std::vector<std::string> TargetIndex::libraries_exporting(const std::string& symbol,
                                                          const std::string& version) const {
  std::vector<std::string> out;
  for (const auto& [lib, v] : at_target(symbol))
    if ((version.empty() || v == version) &&
        std::find(out.begin(), out.end(), lib) == out.end())
      out.emplace_back(lib);
  return out;
}

}  // namespace glibcpin
