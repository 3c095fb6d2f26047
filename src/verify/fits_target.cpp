#include "verify/fits_target.hpp"

#include <algorithm>

#include "database/version_node.hpp"

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

namespace {

std::string loader_path(const std::string& arch) {
  if (arch == "x86_64")
    return "/lib64/ld-linux-x86-64.so.2";
  if (arch == "i386")
    return "/lib/ld-linux.so.2";
  if (arch == "aarch64")
    return "/lib/ld-linux-aarch64.so.1";
  return "";
}

std::string join(const std::vector<std::string>& items, size_t limit = SIZE_MAX) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; i++)
    out += (i ? ", " : "") + items[i];
  if (items.size() > limit)
    out += " and " + std::to_string(items.size() - limit) + " more";
  return out;
}

// "libcrypt.so.2" -> "libcrypt.so"
std::string soname_stem(const std::string& soname) {
  size_t so = soname.find(".so");
  return so == std::string::npos ? soname : soname.substr(0, so + 3);
}

// The first release at which the database has `library`; nullopt when never.
std::optional<Release> first_release_with(const ArchDb& db, const std::string& library) {
  for (Release r : db.releases())
    if (db.library_exists_at(library, r))
      return r;
  return std::nullopt;
}

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

// Whether `need` (a libstdc++/libgcc_s version node) exists at the target's `level`.
// Non-numbered nodes: CXXABI_TM_1 came with GCC 4.7 (GLIBCXX_3.4.17; present in GCC 4.8's
// libstdc++.so.6.0.19, absent from manylinux_2_12's list), CXXABI_FLOAT128 with GCC 6
// (present in auditwheel's manylinux_2_24 list, GLIBCXX_3.4.22; absent from GCC 4.8's).
bool within_level(const std::string& need, const std::string& level,
                  const std::string& glibcxx_level) {
  if (need == "CXXABI_TM_1")
    return compare_version_nodes(glibcxx_level, "GLIBCXX_3.4.17") >= 0;
  if (need == "CXXABI_FLOAT128")
    return compare_version_nodes(glibcxx_level, "GLIBCXX_3.4.22") >= 0;
  return compare_version_nodes(need, level) <= 0;
}

// `newest`, or the release of GLIBC_2.x `version` when that is newer.
void keep_newest(std::optional<Release>& newest, const std::string& version) {
  if (!version.starts_with("GLIBC_2"))
    return;
  std::optional<Release> r = release_of_version_node(version);
  if (r && (!newest || *r > *newest))
    newest = r;
}

// The newest GLIBC_2.x version a library defines: for glibc's own libraries, the release
// they come from (at least).
std::optional<Release> newest_defined_glibc(const ElfRequirements& req) {
  std::optional<Release> newest;
  for (const std::string& version : req.version_definitions)
    keep_newest(newest, version);
  return newest;
}

}  // namespace

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

std::vector<Problem> check_binary(const ElfRequirements& req, const TargetIndex& index) {
  const CheckTarget& t = index.target();
  const ArchDb& db = index.db();
  std::vector<Problem> problems;
  auto add = [&](Severity severity, std::string code, std::string message, std::string library = "",
                 std::string version = "", std::string symbol = "") {
    Problem p;
    p.severity = severity;
    p.code = std::move(code);
    p.message = std::move(message);
    p.library = std::move(library);
    p.version = std::move(version);
    p.symbol = std::move(symbol);
    problems.push_back(std::move(p));
    return problems.size() - 1;
  };

  if (req.type == ElfType::Relocatable) {
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
        add(severity, "object-missing-symbol",
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
        add(severity, "object-missing-symbol",
            "references " + sym.name + ", which " + t.name + " does not have" + when, "", "",
            sym.name);
      }
    }
  } else if (!req.is_dynamic) {
    add(Severity::Note, "static",
        "statically linked: fits " + t.name + " by construction (no loader, no shared libraries)");
  } else if (req.needed.empty() && req.interpreter.empty()) {
    add(Severity::Note, "static",
        "static-pie, no shared libraries: fits " + t.name + " by construction");
  } else {
    const std::string loader = loader_path(t.arch);
    const std::string loader_soname = loader.substr(loader.rfind('/') + 1);
    if (!req.interpreter.empty() && req.interpreter != loader && !loader.empty())
      add(req.type == ElfType::Executable ? Severity::Error : Severity::Warning, "interpreter",
          "its loader (PT_INTERP) is " + req.interpreter + ", but " + t.name + " has " + loader);

    // The glibc libraries the loader will have loaded: DT_NEEDED, the loader itself, libc
    // (every other glibc library needs it) and, before 2.34, librt's libpthread.
    std::set<std::string> loaded;
    bool any_glibc = false;
    for (const std::string& lib : req.needed) {
      loaded.insert(lib);
      any_glibc |= db.knows_library(lib);
    }
    if (any_glibc) {
      loaded.insert("libc.so.6");
      loaded.insert(loader_soname);
      if (loaded.count("librt.so.1") && t.glibc < Release{2, 34})
        loaded.insert("libpthread.so.0");
    }

    // DT_NEEDED
    for (const std::string& lib : req.needed) {
      if (db.knows_library(lib)) {
        if (!index.library_exists(lib)) {
          std::optional<Release> first = first_release_with(db, lib);
          if (first && *first > t.glibc)
            add(Severity::Error, "missing-library",
                "needs " + lib + ", which " + t.name + " does not have (glibc has it since " +
                    to_string(*first) + ")",
                lib);
          else  // dropped by glibc (libcrypt.so.1, libnsl.so.1): libxcrypt, libnsl2 ship them
            add(Severity::Warning, "library-not-in-glibc",
                "needs " + lib + ", which glibc " + to_string(t.glibc) +
                    " no longer builds; the system must provide it separately (libxcrypt, libnsl)",
                lib);
        }
      } else if (lib != "libstdc++.so.6" && lib != "libgcc_s.so.1") {
        std::string stem = soname_stem(lib);
        for (std::string_view other_view : db.libraries_at(t.glibc)) {
          std::string other(other_view);
          if (soname_stem(other) == stem && other != lib) {
            add(Severity::Error, "other-soname",
                "needs " + lib + ", but " + t.name + " has " + other + " (glibc's)", lib);
            break;
          }
        }
      }
      if (!t.allowed_libraries.empty() && lib != loader_soname &&
          std::find(t.allowed_libraries.begin(), t.allowed_libraries.end(), lib) ==
              t.allowed_libraries.end())
        add(Severity::Error, "library-not-allowed",
            "needs " + lib + ", which the " + t.profile +
                " policy does not allow (bundle it, or link it statically)",
            lib);
    }

    // The imports behind each version need.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> symbols_of;
    for (const ImportedSymbol& import : req.imports)
      if (!import.version.empty())
        symbols_of[{import.library, import.version}].push_back(import.name);

    // Version needs.
    std::set<std::pair<std::string, std::string>> missing_nodes;
    std::map<std::string, std::vector<std::string>> cxx_too_new;  // library -> versions
    bool cxx_unknown = false;
    for (const VersionNeed& need : req.version_needs) {
      const std::string& library = need.library;
      const std::string& version = need.version;
      const std::vector<std::string>& syms = symbols_of[{library, version}];
      if (db.knows_library(library)) {
        if (!index.library_exists(library))
          continue;  // reported as missing-library
        if (version == "GLIBC_PRIVATE") {
          // glibc's own libraries and gconv modules may: they ship with the glibc they bind
          // to. One that defines versions newer than the target comes from a newer glibc,
          // whose private interfaces the target's libc does not have.
          std::string base = req.path.substr(req.path.rfind('/') + 1);
          bool own = db.knows_library(req.soname) || db.knows_library(base) ||
                     req.soname.starts_with("libnss_") || req.soname.starts_with("libmemusage") ||
                     req.soname.starts_with("libpcprofile") ||
                     req.path.find("/gconv/") != std::string::npos;
          std::optional<Release> own_release = newest_defined_glibc(req);
          bool newer = own && own_release && *own_release > t.glibc;
          std::string why =
              !own ? "): private to the glibc build it was linked with"
              : newer ? "): part of glibc " + to_string(*own_release) + " or later, it runs "
                        "only with that glibc, not " + t.name
                      : "): part of glibc, it runs only with the glibc it ships with";
          size_t i = add(own && !newer ? Severity::Note : Severity::Error, "glibc-private",
                         "needs GLIBC_PRIVATE symbols of " + library + " (" + join(syms, 3) + why,
                         library, version);
          problems[i].symbols = syms;
          missing_nodes.insert({library, version});
          continue;
        }
        if (index.defines(library, version))
          continue;
        if (!version.starts_with("GLIBC_"))
          continue;  // another implementation of that soname (libxcrypt's XCRYPT_2.0)
        if (need.weak) {
          // The loader only warns about the version; each symbol bound to it is checked below
          // (and fails there: a versioned lookup that misses is an error, weak or not).
          add(Severity::Warning, "weak-version",
              "has a weak need of " + version + " of " + library + ", which " + t.name +
                  " does not define: its loader goes on" +
                  (syms.empty() ? " (no symbol binds to it)" : ", but not past " + join(syms, 3)),
              library, version);
          continue;
        }
        missing_nodes.insert({library, version});
        if (version == "GLIBC_ABI_DT_RELR") {
          add(Severity::Error, "dt-relr",
              "uses packed relative relocations (DT_RELR, version GLIBC_ABI_DT_RELR), which need "
              "glibc 2.36; " + t.name + " cannot load it",
              library, version);
          continue;
        }
        std::string message;
        if (syms.size() == 1) {
          std::vector<std::string> have = index.versions_of(library, syms[0]);
          message = "needs " + syms[0] + "@" + version + ", but " + t.name +
                    (have.empty() ? " has no " + syms[0] : " has only " + join(have));
        } else {
          message = "needs " + version + " of " + library +
                    (syms.empty() ? "" : " (" + join(syms, 3) + ")") + ", but " + t.name +
                    " does not define it";
        }
        size_t i = add(Severity::Error, "missing-version", message, library, version,
                       syms.size() == 1 ? syms[0] : "");
        problems[i].symbols = syms;
      } else if (library == "libstdc++.so.6" || library == "libgcc_s.so.1") {
        const std::string& level = version.starts_with("GLIBCXX_")  ? t.glibcxx
                                   : version.starts_with("CXXABI_") ? t.cxxabi
                                   : version.starts_with("GCC_")    ? t.gcc
                                                                    : t.gcc;
        if (level.empty() || (version.starts_with("CXXABI_") && t.glibcxx.empty())) {
          cxx_unknown = true;
          continue;
        }
        if (!within_level(version, level, t.glibcxx))
          cxx_too_new[library].push_back(version);
      }
    }
    for (auto& [library, versions] : cxx_too_new) {
      std::sort(versions.begin(), versions.end(), version_node_less);
      const std::string& newest = versions.back();
      std::string level = library == "libgcc_s.so.1" ? t.gcc
                          : newest.starts_with("CXXABI") ? t.cxxabi
                                                         : t.glibcxx;
      std::vector<std::string> syms;
      for (const std::string& v : versions)
        for (const std::string& s : symbols_of[{library, v}])
          syms.push_back(s + "@" + v);
      size_t i = add(Severity::Error, "cxx-runtime",
                     "needs " + join(versions) + " of " + library + ", but " + t.name + " has " +
                         (newest.starts_with("CXXABI_") && !newest.starts_with("CXXABI_1")
                              ? t.glibcxx + "/" + t.cxxabi
                              : level) +
                         (syms.empty() ? "" : " (" + join(syms, 3) + ")"),
                     library, newest);
      problems[i].symbols = syms;
    }
    if (cxx_unknown)
      add(Severity::Note, "cxx-runtime-unknown",
          "needs libstdc++/libgcc_s versions, but the C++ runtime level of " + t.name +
              " is not known; name a profile (--profile) to check them");

    if (req.has_relr && t.glibc < Release{2, 36} &&
        std::none_of(req.version_needs.begin(), req.version_needs.end(),
                     [](const VersionNeed& n) { return n.version == "GLIBC_ABI_DT_RELR"; }))
      add(Severity::Error, "dt-relr",
          "has packed relative relocations (DT_RELR) without the GLIBC_ABI_DT_RELR guard; the "
          "loader of " + t.name + " ignores them and the program would crash");

    // Versioned imports: each must exist with its version in a loaded library.
    std::set<std::string> seen;
    for (const ImportedSymbol& import : req.imports) {
      if (!seen.insert(import.name + "@" + import.version + "/" + import.library).second)
        continue;
      if (import.version.empty()) {
        if (!any_glibc || !db.has_symbol(import.name))
          continue;
        std::vector<std::string> libs = index.libraries_exporting(import.name, "");
        bool in_loaded = std::any_of(libs.begin(), libs.end(),
                                     [&](const std::string& l) { return loaded.count(l) > 0; });
        if (!in_loaded && import.weak)
          continue;  // a weak reference to something absent stays 0
        if (!in_loaded)
          add(libs.empty() ? Severity::Error : Severity::Warning, "unversioned-missing",
              "needs " + import.name + " (unversioned), which " +
                  (libs.empty() ? t.name + " does not have"
                                : t.name + " has only in " + join(libs) +
                                      ", a library it does not list in DT_NEEDED"),
              "", "", import.name);
        else
          add(Severity::Warning, "unversioned",
              "needs " + import.name + " without a version: it binds to whatever " + t.name +
                  " has (usually the oldest version)",
              "", "", import.name);
        continue;
      }
      if (!db.knows_library(import.library) || !index.library_exists(import.library) ||
          !import.version.starts_with("GLIBC_") ||
          missing_nodes.count({import.library, import.version}))
        continue;
      if (index.exports(import.library, import.name, import.version))
        continue;
      std::vector<std::string> elsewhere = index.libraries_exporting(import.name, import.version);
      std::vector<std::string> loaded_elsewhere;
      for (const std::string& l : elsewhere)
        if (loaded.count(l))
          loaded_elsewhere.push_back(l);
      if (!loaded_elsewhere.empty())
        continue;  // the loader finds it in another loaded glibc library
      if (!elsewhere.empty()) {
        add(req.type == ElfType::Executable ? Severity::Error : Severity::Warning,
            "symbol-not-loaded",
            "needs " + import.name + "@" + import.version + ", which " + t.name + " has in " +
                join(elsewhere) + ", but it lists only " + join(req.needed) +
                " in DT_NEEDED (link with -l" +
                elsewhere[0].substr(3, elsewhere[0].find(".so") - 3) + ")",
            import.library, import.version, import.name);
        continue;
      }
      // Weak or not: a versioned lookup that misses in the library the version names is a
      // relocation error ("not defined in file ... with link time reference").
      std::vector<std::string> have = index.versions_of(import.library, import.name);
      add(Severity::Error, "missing-symbol",
          "needs " + import.name + "@" + import.version + " (" + import.library + "), but " +
              t.name + (have.empty() ? " has no " + import.name : " has only " + join(have)),
          import.library, import.version, import.name);
    }
  }

  // Most important first: errors before warnings before notes; within, by what the loader
  // trips on first, then the newest version first.
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    if (a.severity != b.severity)
      return a.severity < b.severity;
    if (rank(a.code) != rank(b.code))
      return rank(a.code) < rank(b.code);
    return compare_version_nodes(a.version, b.version) > 0;
  });
  return problems;
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
