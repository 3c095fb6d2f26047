// The check of one dynamic binary (check_binary's main case), in passes over shared state:
// its libraries and version needs (check_needs.cpp), its imports (check_imports.cpp).
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "verify/fits_target.hpp"
#include "verify/loader_scope.hpp"
#include "verify/problem_list.hpp"

namespace glibcpin {

// One binary's check: the state its passes share.
struct DynamicCheck {
  const ElfRequirements& req;
  const TargetIndex& index;
  const std::set<std::string>& bundled;
  const CheckTarget& t;
  const ArchDb& db;
  ProblemList& out;
  LoaderScope scope;
  // The imports behind each (library, version) need.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> symbols_of;
  std::set<std::pair<std::string, std::string>> missing_nodes;  // reported already

  // "a program that links only libc cannot load it" / "its loader".
  std::string who() const { return scope.dlopened ? scope.host : "the program"; }

  bool in_scope(const std::string& soname) const {
    return std::find(scope.order.begin(), scope.order.end(), soname) != scope.order.end();
  }

  void run();
  // check_needs.cpp
  void interpreter();
  void needed_libraries();
  void system_library_need(const VersionNeed& need, const SystemLibrary& sys);
  void glibc_private(const VersionNeed& need);
  void glibc_need(const VersionNeed& need);
  void version_needs();
  void relr();
  // check_imports.cpp
  std::vector<std::string> in_scope_exporting(const std::string& symbol,
                                              const std::string& version) const;
  void unversioned_import(const ImportedSymbol& import, bool judge);
  void versioned_import(const ImportedSymbol& import);
  void imports();
};

// "libpthread.so.0" -> "-lpthread"
std::string link_flag(const std::string& soname);

// The target's non-glibc implementation of `soname` (libxcrypt's libcrypt.so.1), if any.
const SystemLibrary* system_library(const CheckTarget& t, const std::string& soname);

}  // namespace glibcpin
