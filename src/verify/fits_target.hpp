// Whether an ELF file fits a target: the verifier behind `glibc-pin check`, and (check_fits) the
// minimum check the driver runs after every link.
//
// A binary fits when the target's dynamic loader will load it and bind every symbol: its glibc
// libraries exist there, each version need exists in its library, each versioned import exists
// with that version in a library the binary loads, its C++/GCC runtime needs are within the
// target's libstdc++/libgcc_s levels, and (profiles with a list) it needs only allowed libraries.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "database/arch_db.hpp"
#include "verify/elf_requirements.hpp"
#include "verify/system_libraries.hpp"

namespace glibcpin {

enum class Severity { Error, Warning, Note };
const char* to_string(Severity severity);

struct Problem {
  std::string symbol;   // "" for a problem with a whole version or library
  std::string library;
  std::string version;
  std::string message;  // one line, without the file name
  Severity severity = Severity::Error;
  std::string code = {};  // stable identifier (docs/check-json.md): "missing-version", ...
  std::vector<std::string> symbols = {};  // the imports behind a version-level problem
};

// What a binary is checked against.
struct CheckTarget {
  std::string arch;   // "x86_64"
  Release glibc;
  std::string name;   // for messages: "centos7 (glibc 2.17)", "glibc 2.17"
  std::string profile;  // "" when named by a glibc version
  std::string glibcxx, cxxabi, gcc;  // newest GLIBCXX_/CXXABI_/GCC_ node; "" when unknown
  std::string cxx_levels_from;       // the profile the C++ levels come from
  std::vector<std::string> allowed_libraries;  // empty: any
  // Its libraries that are not glibc's own build (libxcrypt's libcrypt.so.1), with their nodes.
  std::vector<SystemLibrary> system_libraries;
};

// The target's exports, indexed once (for checking many files).
class TargetIndex {
public:
  TargetIndex(const ArchDb& db, CheckTarget target);
  const CheckTarget& target() const { return target_; }
  const ArchDb& db() const { return db_; }
  bool library_exists(const std::string& library) const { return libraries_.count(library); }
  bool defines(const std::string& library, const std::string& version) const;
  bool exports(const std::string& library, const std::string& symbol,
               const std::string& version) const;
  // Every "symbol@version" the target's `library` has of `symbol`.
  std::vector<std::string> versions_of(const std::string& library,
                                       const std::string& symbol) const;
  // The libraries that export `symbol` (any version when `version` is "").
  std::vector<std::string> libraries_exporting(const std::string& symbol,
                                               const std::string& version) const;

private:
  ArchDb db_;
  CheckTarget target_;
  std::set<std::string> libraries_;
  std::set<std::pair<std::string, std::string>> nodes_;  // (library, version)

  std::vector<std::pair<std::string_view, std::string_view>> at_target(
      const std::string& symbol) const;
};

// Every problem of `req` on the target, most important first (errors, then warnings, notes).
// A shared object without a loader of its own is judged as loaded by dlopen(RTLD_NOW) in the
// weakest host program (loader_scope.hpp). `bundled`: the sonames found beside it (its RUNPATH
// $ORIGIN, the same wheel), which are checked on their own and not asked of the target.
std::vector<Problem> check_binary(const ElfRequirements& req, const TargetIndex& index,
                                  const std::set<std::string>& bundled = {});

// The minimum glibc release `req`'s GLIBC_ version needs ask for (weak needs aside); nullopt
// when none. No target of an older glibc can load it.
std::optional<Release> minimum_glibc(const ElfRequirements& req, const ArchDb& db);

// The symbols behind a problem as "name@version" (version-level problems have several), as
// link records (provenance.hpp) name them.
std::vector<std::string> versioned_symbols(const Problem& problem);

// Every glibc requirement of `req` that `target` cannot satisfy, most important first: the
// errors of check_binary about glibc itself (no C++ levels, interpreter or library lists).
std::vector<Problem> check_fits(const ElfRequirements& req, const ArchDb& db, Release target,
                                const std::string& target_name);

}  // namespace glibcpin
