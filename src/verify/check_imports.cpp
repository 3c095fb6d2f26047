// check_binary's passes over a dynamic binary's imports: where the target's loader finds each
// symbol, in its search order (loader_scope.cpp).
#include <algorithm>

#include "verify/dynamic_check.hpp"

namespace glibcpin {

// "libpthread.so.0" -> "-lpthread"
std::string link_flag(const std::string& soname) {
  return "-l" + soname.substr(3, soname.find(".so") - 3);
}

// The glibc libraries of the scope that have `symbol` (any version when `version` is "").
std::vector<std::string> DynamicCheck::in_scope_exporting(const std::string& symbol,
                                            const std::string& version) const {
  std::vector<std::string> libs = index.libraries_exporting(symbol, version), out_libs;
  for (const std::string& lib : scope.order)
    if (std::find(libs.begin(), libs.end(), lib) != libs.end())
      out_libs.push_back(lib);
  return out_libs;
}

void DynamicCheck::unversioned_import(const ImportedSymbol& import, bool judge) {
  if (!judge || !db.has_symbol(import.name))
    return;
  std::vector<std::string> libs = index.libraries_exporting(import.name, "");
  if (!in_scope_exporting(import.name, "").empty()) {
    out.add(Severity::Warning, "unversioned",
            "needs " + import.name + " without a version: it binds to whatever " + t.name +
                " has (usually the oldest version)",
            "", "", import.name);
    return;
  }
  if (import.weak)
    return;  // a weak reference to something absent stays 0
  // A library loaded by dlopen(RTLD_NOW) must bind every reference; a program binds lazily.
  Severity severity = libs.empty() || scope.dlopened ? Severity::Error : Severity::Warning;
  std::string message = "needs " + import.name + " (unversioned), which " + t.name;
  if (libs.empty())
    message += " does not have";
  else if (scope.dlopened)
    message += " has only in " + join(libs) + ", which " + who() +
               " does not load (link the library with " + link_flag(libs[0]) + ")";
  else
    message += " has only in " + join(libs) + ", a library it does not list in DT_NEEDED";
  out.add(severity, "unversioned-missing", message, "", "", import.name);
}

// A versioned import binds in the first library of the scope that has it. Before 2.30 the search
// stops at the library its version need names ("not defined in file libc.so.6 with link time
// reference"); from 2.30 on (BZ #24741: symbols moving between sonames) it goes on.
void DynamicCheck::versioned_import(const ImportedSymbol& import) {
  if (bundled.count(import.library) || system_library(t, import.library) ||
      !db.knows_library(import.library) || !index.library_exists(import.library) ||
      !import.version.starts_with("GLIBC_") ||
      missing_nodes.count({import.library, import.version}))
    return;
  const bool stops_at_named = t.glibc < Release{2, 30};
  for (const std::string& lib : scope.order) {
    if (index.exports(lib, import.name, import.version))
      return;  // bound
    if (lib == import.library && stops_at_named)
      break;
  }
  std::vector<std::string> elsewhere = index.libraries_exporting(import.name, import.version);
  if (!elsewhere.empty()) {
    const std::string& home = elsewhere[0];
    std::string where = in_scope(home) ? "where the loader of " + t.name + " does not look for it"
                                       : "which " + who() + " does not load";
    out.add(Severity::Error, "symbol-not-loaded",
            "needs " + import.name + "@" + import.version + " from " + import.library + ", but " +
                t.name + " has it in " + join(elsewhere) + ", " + where +
                " (link the library with " + link_flag(home) + ")",
            import.library, import.version, import.name);
    return;
  }
  // Weak or not: a versioned lookup that misses in the library the version names is a
  // relocation error ("not defined in file ... with link time reference").
  std::vector<std::string> have = index.versions_of(import.library, import.name);
  out.add(Severity::Error, "missing-symbol",
          "needs " + import.name + "@" + import.version + " (" + import.library + "), but " +
              t.name + (have.empty() ? " has no " + import.name : " has only " + join(have)),
          import.library, import.version, import.name);
}

void DynamicCheck::imports() {
  // Unversioned glibc names are judged when the binary loads glibc: a program that lists a
  // glibc library, or any library a program dlopens (its host has libc).
  bool judge_unversioned = scope.dlopened;
  for (const std::string& lib : req.needed)
    judge_unversioned |= db.knows_library(lib);
  std::set<std::string> seen;
  for (const ImportedSymbol& import : req.imports) {
    if (!seen.insert(import.name + "@" + import.version + "/" + import.library).second)
      continue;
    if (import.version.empty())
      unversioned_import(import, judge_unversioned);
    else
      versioned_import(import);
  }
}

}  // namespace glibcpin
