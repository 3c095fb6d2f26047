// check_binary: whether the target's loader loads a binary and binds every symbol. The loader's
// search order comes from loader_scope.cpp, the target's non-glibc libraries from
// system_libraries.cpp, relocatable objects are checked in check_relocatable.cpp.
#include "verify/fits_target.hpp"

#include <algorithm>

#include "database/version_node.hpp"
#include "verify/dynamic_check.hpp"

namespace glibcpin {

std::string join(const std::vector<std::string>& items, size_t limit) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; i++)
    out += (i ? ", " : "") + items[i];
  if (items.size() > limit)
    out += " and " + std::to_string(items.size() - limit) + " more";
  return out;
}

namespace {

// The ranking of problem codes within a severity: what stops the loader first comes first.
int rank(const std::string& code) {
  static const char* order[] = {"interpreter",     "missing-library", "other-soname",
                                "glibc-private",   "dt-relr",         "missing-version",
                                "missing-symbol",  "symbol-not-loaded", "unversioned-missing",
                                "object-missing-symbol", "cxx-runtime", "library-not-allowed"};
  for (size_t i = 0; i < std::size(order); i++)
    if (code == order[i])
      return int(i);
  return int(std::size(order));
}

bool needs_nothing(const ElfRequirements& req) {
  return req.needed.empty() && req.interpreter.empty() && req.version_needs.empty() &&
         req.imports.empty();
}

// `newest`, or the release of GLIBC_2.x `version` when that is newer.
void keep_newest(std::optional<Release>& newest, const std::string& version) {
  if (!version.starts_with("GLIBC_2"))
    return;
  std::optional<Release> r = release_of_version_node(version);
  if (r && (!newest || *r > *newest))
    newest = r;
}

}  // namespace

void DynamicCheck::run() {
  for (const ImportedSymbol& import : req.imports)
    if (!import.version.empty())
      symbols_of[{import.library, import.version}].push_back(import.name);
  interpreter();
  needed_libraries();
  version_needs();
  relr();
  imports();
}

std::optional<Release> minimum_glibc(const ElfRequirements& req, const ArchDb& db) {
  std::optional<Release> newest;
  for (const auto& [library, version, weak] : req.version_needs)
    if (!weak && db.knows_library(library))
      keep_newest(newest, version);
  return newest;
}

std::vector<std::string> versioned_symbols(const Problem& problem) {
  std::vector<std::string> out = problem.symbols;
  if (out.empty() && !problem.symbol.empty())
    out.push_back(problem.symbol);
  for (std::string& symbol : out)
    if (symbol.find('@') == std::string::npos && !problem.version.empty())
      symbol += "@" + problem.version;
  return out;
}

std::vector<Problem> check_binary(const ElfRequirements& req, const TargetIndex& index,
                                  const std::set<std::string>& bundled) {
  const CheckTarget& t = index.target();
  ProblemList problems;
  if (req.type == ElfType::Relocatable) {
    check_relocatable(req, index, problems);
  } else if (!req.is_dynamic) {
    problems.add(Severity::Note, "static",
                 "statically linked: fits " + t.name +
                     " by construction (no loader, no shared libraries)");
  } else if (needs_nothing(req)) {
    // A static-pie, or a shared object that imports nothing: no symbol to bind.
    problems.add(Severity::Note, "static",
                 std::string(is_static_pie(req) ? "static-pie" : "imports nothing") +
                     ", no shared libraries: fits " + t.name + " by construction");
  } else {
    DynamicCheck check{req, index, bundled, t, index.db(), problems, loader_scope(req, t), {}, {}};
    check.run();
  }

  // Most important first: errors before warnings before notes; within, by what the loader
  // trips on first, then the newest version first.
  std::vector<Problem>& out = problems.items;
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    if (a.severity != b.severity)
      return a.severity < b.severity;
    if (rank(a.code) != rank(b.code))
      return rank(a.code) < rank(b.code);
    return compare_version_nodes(a.version, b.version) > 0;
  });
  return std::move(out);
}

std::vector<Problem> check_fits(const ElfRequirements& req, const ArchDb& db, Release target,
                                const std::string& target_name) {
  CheckTarget t;
  t.arch = std::string(db.name());
  t.glibc = target;
  t.name = target_name;
  TargetIndex index(db, t);
  std::vector<Problem> all = check_binary(req, index);
  std::vector<Problem> out;
  for (Problem& p : all)
    if (p.severity == Severity::Error &&
        (p.code == "missing-library" || p.code == "missing-version" ||
         p.code == "missing-symbol" || p.code == "symbol-not-loaded" || p.code == "dt-relr"))
      out.push_back(std::move(p));
  return out;
}

}  // namespace glibcpin
