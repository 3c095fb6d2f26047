// glibc-pin check's pipeline, shared by its three files: collect the inputs (check_inputs.cpp:
// files, directories, archive members, wheel members) → read and check each → report
// (check_report.cpp: compiler-style lines, or JSON). check.cpp holds the command itself.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "verify/fits_target.hpp"
#include "verify/provenance.hpp"

namespace glibcpin {

enum class Status { Fits, DoesNotFit, Error };

struct FileResult {
  std::string path;  // "lib.a(member.o)" for archive members, "x.whl(pkg/_ext.so)" for wheels
  bool named = false;  // named on the command line (or a member of a named wheel): says "fits"
  Status status = Status::Fits;
  std::string error;  // Status::Error
  std::optional<ElfRequirements> req;
  std::vector<Problem> problems;
  std::vector<std::string> accepting_profiles;  // with errors: profiles it would fit
  std::optional<LinkRecord> record;  // --explain: the driver's record of its link, if any
};

FileResult failed(const std::string& path, const std::string& error);

// Checks each file against the target; for one that does not fit, which profiles would take it.
struct Checker {
  const ArchDb& db;
  const TargetIndex& index;
  std::vector<CheckTarget> profile_targets;  // for "which profiles would accept it"
  std::vector<TargetIndex> profile_indexes;  // built on the first file that does not fit

  // `bundled`: the sonames found beside the file (its RUNPATH $ORIGIN, the same wheel).
  void check(FileResult& r, ElfRequirements req, const std::set<std::string>& bundled = {});
};

// One input path: a file (ELF, archive, wheel) or a directory to walk. `named` files that are not
// ELF are errors; those found in directories are skipped quietly.
void collect(const std::string& path, bool named, Checker& checker,
             std::vector<FileResult>& results);

void print_human(const Context& ctx, const std::vector<FileResult>& results,
                 const CheckTarget& t, const ArchDb& db, bool explain);
nlohmann::json to_json(const std::vector<FileResult>& results, const CheckTarget& t,
                       const ArchDb& db, bool explain, int exit_status);

}  // namespace glibcpin
