// glibc-pin check: whether binaries fit a target, and exactly why not.
//
//   collect the inputs (files, directories, archive members) → read each (elf_requirements) →
//   check it against the target (fits_target) → report (compiler-style lines, or JSON).
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "database/version_node.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "verify/check_target.hpp"
#include "verify/fits_target.hpp"
#include "verify/provenance.hpp"
#include "generator/target_files.hpp"

namespace glibcpin {
namespace {

namespace fs = std::filesystem;

enum class Status { Fits, DoesNotFit, Error };

struct FileResult {
  std::string path;  // "lib.a(member.o)" for archive members
  Status status = Status::Fits;
  std::string error;  // Status::Error
  std::optional<ElfRequirements> req;
  std::vector<Problem> problems;
  std::vector<std::string> accepting_profiles;  // with errors: profiles it would fit
  std::optional<LinkRecord> record;  // --explain: the driver's record of its link, if any
};

FileResult failed(const std::string& path, const std::string& error) {
  FileResult r;
  r.path = path;
  r.status = Status::Error;
  r.error = error;
  return r;
}

const char* status_name(Status s) {
  return s == Status::Fits ? "fits" : s == Status::DoesNotFit ? "does-not-fit" : "error";
}

const char* type_name(const ElfRequirements& req) {
  switch (req.type) {
    case ElfType::Relocatable: return "relocatable";
    case ElfType::Executable: return req.is_dynamic ? "executable" : "static-executable";
    case ElfType::SharedObject:
      // A PIE is ET_DYN with a loader; a static-pie has neither loader nor libraries.
      if (!req.interpreter.empty())
        return "pie-executable";
      return req.needed.empty() && !req.version_needs.size() ? "static-pie" : "shared-object";
    case ElfType::Other: return "other";
  }
  return "other";
}

struct Checker {
  const ArchDb& db;
  const TargetIndex& index;
  std::vector<CheckTarget> profile_targets;  // for "which profiles would accept it"
  std::vector<TargetIndex> profile_indexes;  // built on the first file that does not fit

  void check(FileResult& r, ElfRequirements req) {
    std::string file_arch = machine_name(req.machine, req.elf_class);
    if (file_arch != index.target().arch || req.big_endian) {
      r.status = Status::Error;
      r.error = "wrong architecture: an ELF" + std::to_string(req.elf_class) + " " + file_arch +
                " file, but the target is " + index.target().arch +
                (file_arch == "i386" || file_arch == "aarch64" || file_arch == "x86_64"
                     ? " (check it with --target " + file_arch + "-linux-gnu." +
                           to_string(index.target().glibc) + ")"
                     : "");
      return;
    }
    r.problems = check_binary(req, index);
    bool errors = std::any_of(r.problems.begin(), r.problems.end(),
                              [](const Problem& p) { return p.severity == Severity::Error; });
    r.status = errors ? Status::DoesNotFit : Status::Fits;
    if (errors) {
      if (profile_indexes.empty())
        for (const CheckTarget& pt : profile_targets)
          profile_indexes.emplace_back(db, pt);
      std::optional<Release> needs = minimum_glibc(req, db);
      for (const TargetIndex& other : profile_indexes) {
        if (needs && other.target().glibc < *needs)
          continue;  // cannot fit: spares checking it against every older profile
        std::vector<Problem> ps = check_binary(req, other);
        if (std::none_of(ps.begin(), ps.end(),
                         [](const Problem& p) { return p.severity == Severity::Error; }))
          r.accepting_profiles.push_back(other.target().profile);
      }
    }
    r.req = std::move(req);
  }
};

// One input path: a file (ELF, archive) or a directory to walk. `named` files that are not ELF
// are errors; those found in directories are skipped quietly.
void collect(const std::string& path, bool named, Checker& checker,
             std::vector<FileResult>& results) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    results.push_back(failed(path, path + ": cannot read: " + ec.message()));
    return;
  }
  if (fs::is_directory(st)) {
    std::vector<std::string> entries;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    if (ec) {
      results.push_back(failed(path, path + ": cannot read: " + ec.message()));
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        results.push_back(failed(path, path + ": cannot walk: " + ec.message()));
        return;
      }
      std::error_code e2;
      if (it->is_symlink(e2))
        continue;  // not followed: no loops, no duplicates
      if (it->is_regular_file(e2))
        entries.push_back(it->path().string());
    }
    std::sort(entries.begin(), entries.end());
    for (const std::string& entry : entries)
      collect(entry, false, checker, results);
    return;
  }
  if (!fs::is_regular_file(st)) {
    if (named)
      results.push_back(failed(path, path + ": not a regular file or directory"));
    return;
  }
  try {
    MappedFile file(path);
    FileFormat format = sniff_format(file.bytes());
    if (format == FileFormat::Other || format == FileFormat::ThinArchive) {
      if (named)
        results.push_back(failed(path, path + (file.bytes().empty() ? ": empty file, not an ELF file"
                     : format == FileFormat::ThinArchive
                         ? ": a thin archive (its members are separate files: check those)"
                         : ": not an ELF file or archive")));
      return;
    }
    if (format == FileFormat::Archive) {
      // Members read first: a reference one member's neighbour defines is not glibc's.
      std::vector<ArchiveMember> members = archive_elf_members(file.bytes(), path);
      std::vector<ElfRequirements> parsed;
      std::set<std::string> defined;
      for (const ArchiveMember& m : members) {
        std::string member_path = path + "(" + m.name + ")";
        try {
          parsed.push_back(parse_elf(m.data, member_path));
          defined.insert(parsed.back().defined.begin(), parsed.back().defined.end());
        } catch (const Error& e) {
          results.push_back(failed(member_path, e.what()));
        }
      }
      file.require_unchanged(path);
      for (ElfRequirements& req : parsed) {
        std::erase_if(req.undefined,
                      [&](const ImportedSymbol& s) { return defined.count(s.name) > 0; });
        FileResult r;
        r.path = req.path;
        checker.check(r, std::move(req));
        results.push_back(std::move(r));
      }
      return;
    }
    ElfRequirements req = parse_elf(file.bytes(), path);
    file.require_unchanged(path);
    FileResult r;
    r.path = path;
    checker.check(r, std::move(req));
    results.push_back(std::move(r));
  } catch (const Error& e) {
    results.push_back(failed(path, e.what()));
  } catch (const std::exception& e) {
    results.push_back(failed(path, path + ": cannot check: " + e.what()));
  }
}

// Per (library, version) need: its imports, for --explain.
std::map<std::pair<std::string, std::string>, std::vector<std::string>> symbols_by_version(
    const ElfRequirements& req) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
  for (const VersionNeed& need : req.version_needs)
    out[{need.library, need.version}];
  for (const ImportedSymbol& s : req.imports)
    if (!s.version.empty())
      out[{s.library, s.version}].push_back(s.name);
  return out;
}

std::string hint_for(const FileResult& r, const CheckTarget& t, const ArchDb& db) {
  std::set<std::string> codes;
  for (const Problem& p : r.problems)
    if (p.severity == Severity::Error)
      codes.insert(p.code);
  std::string hint;
  bool glibc = codes.count("missing-version") || codes.count("missing-symbol") ||
               codes.count("object-missing-symbol") || codes.count("missing-library");
  if (glibc) {
    std::optional<Release> min = r.req ? minimum_glibc(*r.req, db) : std::nullopt;
    hint = "rebuild it with glibc-pin (glibc-pin cc|c++ --target " +
           (t.profile.empty() ? to_string(t.glibc) : t.profile) +
           "), which pins versions and shims missing functions";
    if (min && *min > t.glibc)
      hint += "; as built it needs glibc " + to_string(*min);
  }
  if (codes.count("symbol-not-loaded"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "add the library named above to the link (glibc-pin does it for old targets)";
  if (codes.count("cxx-runtime"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "link the C++ runtime statically (-static-libstdc++ -static-libgcc) or build with "
            "the target's compiler";
  if (codes.count("library-not-allowed"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "bundle the library (auditwheel repair) or link it statically";
  if (codes.count("glibc-private"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "GLIBC_PRIVATE is only for glibc's own programs; such a binary runs only with the "
            "glibc it was built against";
  if (!r.accepting_profiles.empty()) {
    std::string list;
    for (size_t i = 0; i < r.accepting_profiles.size() && i < 6; i++)
      list += (i ? ", " : "") + r.accepting_profiles[i];
    hint += std::string(hint.empty() ? "" : "; ") + "it fits " + list +
            (r.accepting_profiles.size() > 6 ? " and others" : "");
  } else if (!hint.empty()) {
    hint += "; no known profile accepts it as built";
  }
  return hint;
}

// The symbols behind a file's errors, each with the inputs of its link that referenced it.
std::vector<std::string> offending_symbols(const FileResult& r) {
  std::vector<std::string> out;
  for (const Problem& p : r.problems) {
    if (p.severity != Severity::Error)
      continue;
    for (const std::string& symbol : versioned_symbols(p))
      if (std::find(out.begin(), out.end(), symbol) == out.end())
        out.push_back(symbol);
  }
  return out;
}

void print_provenance(const Context& ctx, const FileResult& r) {
  if (!r.req || r.req->type == ElfType::Relocatable || !r.req->is_dynamic)
    return;
  if (!r.record) {
    ctx.out << r.path << ": explain: no link record"
            << (r.req->build_id.empty() ? " (the file has no build ID)"
                                        : " for build ID " + r.req->build_id +
                                              " (not linked by glibc-pin with this cache)")
            << ": cannot say which input pulled each symbol in\n";
    return;
  }
  ctx.out << r.path << ": explain: linked by glibc-pin for " << r.record->target << " as "
          << r.record->output << "\n";
  for (const std::string& symbol : offending_symbols(r)) {
    auto it = r.record->referenced_by.find(symbol);
    ctx.out << r.path << ": explain: " << symbol << " is referenced by";
    if (it == r.record->referenced_by.end() || it->second.empty())
      ctx.out << " no input the link record names";
    else
      for (const std::string& input : it->second)
        ctx.out << " " << input;
    ctx.out << "\n";
  }
}

void print_human(const Context& ctx, const std::vector<FileResult>& results,
                 const CheckTarget& t, const ArchDb& db, bool explain,
                 const std::set<std::string>& named) {
  for (const FileResult& r : results) {
    if (r.status == Status::Error) {
      if (r.error.starts_with(r.path + ": "))
        ctx.out << r.path << ": error: " << r.error.substr(r.path.size() + 2) << "\n";
      else
        ctx.out << r.path << ": error: " << r.error << "\n";
      continue;
    }
    for (const Problem& p : r.problems)
      ctx.out << r.path << ": " << to_string(p.severity) << ": " << p.message << "\n";
    if (r.status == Status::DoesNotFit) {
      std::string hint = hint_for(r, t, db);
      if (!hint.empty())
        ctx.out << r.path << ": hint: " << hint << "\n";
    } else if (named.count(r.path) && r.req && r.req->is_dynamic) {
      ctx.out << r.path << ": fits " << t.name << "\n";
    }
    if (explain && r.req) {
      for (const auto& [need, syms] : symbols_by_version(*r.req)) {
        bool bad = std::any_of(r.problems.begin(), r.problems.end(), [&](const Problem& p) {
          return p.severity == Severity::Error && p.library == need.first &&
                 p.version == need.second;
        });
        ctx.out << r.path << ": explain: " << need.second << " (" << need.first << ")"
                << (bad ? " [not on target]" : "") << ": " << syms.size() << " symbol"
                << (syms.size() == 1 ? "" : "s") << (syms.empty() ? "" : ":");
        for (const std::string& s : syms)
          ctx.out << " " << s;
        ctx.out << "\n";
      }
      print_provenance(ctx, r);
      if (r.req->type == ElfType::Relocatable) {
        ctx.out << r.path << ": explain: " << r.req->undefined.size() << " undefined symbols:";
        for (const ImportedSymbol& s : r.req->undefined)
          ctx.out << " " << s.name << (s.version.empty() ? "" : "@" + s.version);
        ctx.out << "\n";
      }
    }
  }
  size_t fit = 0, unfit = 0, bad = 0;
  for (const FileResult& r : results)
    (r.status == Status::Fits ? fit : r.status == Status::DoesNotFit ? unfit : bad)++;
  if (results.size() > 1 || results.empty())
    ctx.out << "glibc-pin check: " << results.size() << " file" << (results.size() == 1 ? "" : "s")
            << ": " << fit << " fit " << t.name << ", " << unfit << " do" << (unfit == 1 ? "es" : "")
            << " not, " << bad << " unreadable\n";
}

nlohmann::json to_json(const std::vector<FileResult>& results, const CheckTarget& t,
                       const ArchDb& db, bool explain, int exit_status) {
  using nlohmann::json;
  json target = {{"name", t.name},
                 {"arch", t.arch},
                 {"glibc", to_string(t.glibc)},
                 {"profile", t.profile.empty() ? json(nullptr) : json(t.profile)},
                 {"glibcxx", t.glibcxx.empty() ? json(nullptr) : json(t.glibcxx)},
                 {"cxxabi", t.cxxabi.empty() ? json(nullptr) : json(t.cxxabi)},
                 {"gcc", t.gcc.empty() ? json(nullptr) : json(t.gcc)},
                 {"cxx_levels_from",
                  t.cxx_levels_from.empty() ? json(nullptr) : json(t.cxx_levels_from)},
                 {"allowed_libraries",
                  t.allowed_libraries.empty() ? json(nullptr) : json(t.allowed_libraries)}};
  json files = json::array();
  size_t counts[3] = {0, 0, 0};
  for (const FileResult& r : results) {
    counts[int(r.status)]++;
    json f = {{"path", r.path}, {"status", status_name(r.status)}};
    if (r.status == Status::Error) {
      f["error"] = r.error;
      files.push_back(f);
      continue;
    }
    const ElfRequirements& req = *r.req;
    f["type"] = type_name(req);
    f["class"] = req.elf_class;
    f["machine"] = machine_name(req.machine, req.elf_class);
    f["interpreter"] = req.interpreter.empty() ? json(nullptr) : json(req.interpreter);
    f["soname"] = req.soname.empty() ? json(nullptr) : json(req.soname);
    f["needed"] = req.needed;
    std::optional<Release> min = minimum_glibc(req, db);
    f["minimum_glibc"] = min ? json(to_string(*min)) : json(nullptr);
    json needs = json::array();
    for (const auto& [need, syms] : symbols_by_version(req)) {
      json n = {{"library", need.first}, {"version", need.second}};
      if (explain)
        n["symbols"] = syms;
      needs.push_back(n);
    }
    f["version_needs"] = needs;
    json problems = json::array();
    for (const Problem& p : r.problems) {
      json j = {{"severity", to_string(p.severity)}, {"code", p.code}, {"message", p.message}};
      j["library"] = p.library.empty() ? json(nullptr) : json(p.library);
      j["version"] = p.version.empty() ? json(nullptr) : json(p.version);
      j["symbol"] = p.symbol.empty() ? json(nullptr) : json(p.symbol);
      if (!p.symbols.empty())
        j["symbols"] = p.symbols;
      problems.push_back(j);
    }
    f["problems"] = problems;
    if (explain && req.is_dynamic && req.type != ElfType::Relocatable) {
      f["build_id"] = req.build_id.empty() ? json(nullptr) : json(req.build_id);
      if (r.record) {
        json by = json::object();
        for (const std::string& symbol : offending_symbols(r)) {
          auto it = r.record->referenced_by.find(symbol);
          by[symbol] = it == r.record->referenced_by.end() ? json::array() : json(it->second);
        }
        f["link_record"] = {{"output", r.record->output}, {"target", r.record->target},
                            {"referenced_by", by}};
      } else {
        f["link_record"] = nullptr;
      }
    }
    if (r.status == Status::DoesNotFit) {
      f["hint"] = hint_for(r, t, db);
      f["fits_profiles"] = r.accepting_profiles;
    }
    files.push_back(f);
  }
  return {{"schema", "glibc-pin-check/1"},
          {"target", target},
          {"fits", counts[1] == 0 && counts[2] == 0 && !results.empty()},
          {"exit_status", exit_status},
          {"summary", {{"files", results.size()},
                       {"fit", counts[0]},
                       {"do_not_fit", counts[1]},
                       {"errors", counts[2]}}},
          {"files", files}};
}

}  // namespace

int run_check(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "check";
  spec.usage = "[--target T | --profile P] [--json] [--explain] PATH...";
  spec.description =
      "Checks whether ELF binaries fit a target: whether its dynamic loader will load them and\n"
      "bind every symbol. PATH: executables, shared objects, relocatable objects, archives\n"
      "(.a, each member) and directories (walked recursively, symlinks not followed; files that\n"
      "are not ELF or archives are skipped quietly).\n"
      "\n"
      "Checked: the glibc libraries in DT_NEEDED exist on the target; each version need\n"
      "(GLIBC_2.x of each library) exists there; each versioned import exists with that\n"
      "version in a library the binary loads (pthread_create@GLIBC_2.2.5 is in libpthread.so.0\n"
      "before 2.34); unversioned glibc imports (warned); GLIBC_PRIVATE; DT_RELR and\n"
      "GLIBC_ABI_DT_RELR (2.36); the loader path (PT_INTERP); the ELF class and machine;\n"
      "GLIBCXX_/CXXABI_/GCC_ needs against the target's libstdc++.so.6 and libgcc_s.so.1 levels;\n"
      "for manylinux profiles, the allowed libraries. Relocatable objects carry no versions:\n"
      "their references to glibc functions the target lacks entirely are reported. Static\n"
      "binaries fit by construction.\n"
      "\n"
      "A bare glibc version (--target 2.17) takes the C++ runtime levels of the oldest profile\n"
      "with that glibc (2.17: centos7); a release no profile has is checked for glibc only.\n"
      "'glibc-pin targets' lists the profiles.\n"
      "\n"
      "Output: one line per problem, most important first ('FILE: error: ...'), then a hint;\n"
      "--json prints one JSON document (schema glibc-pin-check/1, docs/check-json.md).\n"
      "Exit status: 0 every file fits; 1 some file does not fit; 2 usage error, or some\n"
      "input is unreadable, not ELF, malformed or of another architecture.\n"
      "The target defaults to $GLIBC_PIN_TARGET.";
  spec.visible.add_options()
      ("target,t", po::value<std::string>(),
       "glibc version (2.17), triple (aarch64-linux-gnu.2.17) or profile (centos7)")
      ("profile,p", po::value<std::string>(), "a profile by name (centos7, manylinux2014, ...)")
      ("json", "print the result as JSON")
      ("explain", "also list, per version need, the symbols that need it; for a binary\n"
                  "glibc-pin linked, which input pulled each offending symbol in");
  spec.hidden.add_options()("path", po::value<std::vector<std::string>>(), "");
  spec.positional.add("path", -1);

  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;
  if (vm->count("target") && vm->count("profile"))
    throw UsageError("check: give --target or --profile, not both", "check");
  if (!vm->count("path"))
    throw UsageError("check: no PATH given", "check");

  std::string name;
  if (vm->count("profile")) {
    name = (*vm)["profile"].as<std::string>();
    bool known = false;
    for (const Profile& p : profiles())
      known |= p.name == name;
    if (!known)
      throw UsageError("check: unknown profile '" + name + "' ('glibc-pin targets' lists them)",
                       "check");
  } else if (vm->count("target")) {
    name = (*vm)["target"].as<std::string>();
  } else if (std::string env = target_from_environment(); !env.empty()) {
    name = env;
  } else {
    throw UsageError("check: name a target (--target T or --profile P)", "check");
  }
  Target target;
  try {
    target = resolve_target(name, host_arch(), Release{255, 255});
  } catch (const Error& e) {
    throw UsageError(std::string("check: ") + e.what(), "check");
  }

  CheckTarget t = make_check_target(target);

  ArchDb db = open_arch(t.arch);
  TargetIndex index(db, t);
  Checker checker{db, index, {}, {}};
  for (const Profile& p : profiles()) {
    if (!db.has_release(p.glibc) || (!p.arch.empty() && p.arch != t.arch))
      continue;
    checker.profile_targets.push_back(check_target_of_profile(p, t.arch));
  }

  std::vector<FileResult> results;
  std::set<std::string> named;
  for (const std::string& path : (*vm)["path"].as<std::vector<std::string>>()) {
    named.insert(path);
    collect(path, true, checker, results);
  }

  if (vm->count("explain"))
    for (FileResult& r : results)
      if (r.req && r.req->is_dynamic && !r.req->build_id.empty())
        r.record = load_link_record(cache_root() + "/links", r.req->build_id);

  int status = 0;
  for (const FileResult& r : results)
    status = std::max(status, r.status == Status::Fits ? 0 : r.status == Status::DoesNotFit ? 1 : 2);

  if (vm->count("json"))
    ctx.out << to_json(results, t, db, vm->count("explain") > 0, status).dump(2) << "\n";
  else
    print_human(ctx, results, t, db, vm->count("explain") > 0, named);
  return status;
}

}  // namespace glibcpin
