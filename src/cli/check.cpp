// glibc-pin check: whether binaries fit a target, and exactly why not.
//
//   collect the inputs (check_inputs.cpp: files, directories, archive and wheel members) → read
//   each (elf_requirements) → check it against the target (fits_target) → report
//   (check_report.cpp: compiler-style lines, or JSON).
#include "cli/check_results.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "generator/target_files.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "verify/check_target.hpp"

namespace glibcpin {

int run_check(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "check";
  spec.usage = "[--target T | --profile P] [--json] [--explain] PATH...";
  spec.description =
      "Checks whether ELF binaries fit a target: whether its dynamic loader will load them and\n"
      "bind every symbol. PATH: executables, shared objects, relocatable objects, archives\n"
      "(.a, each member), Python wheels (.whl, each ELF member) and directories (walked\n"
      "recursively, symlinks not followed; files that are not ELF, archives or wheels are\n"
      "skipped quietly).\n"
      "\n"
      "A shared object (a plugin, a Python extension) is judged as the weakest host loads it: a\n"
      "program built for the target that links only libc (and libdl before 2.34) and calls\n"
      "dlopen(lib, RTLD_NOW). Every reference must bind in the libraries it lists, in the\n"
      "loader's search order; libraries its RUNPATH finds beside it ($ORIGIN) or that the same\n"
      "wheel holds are checked on their own.\n"
      "\n"
      "Checked: the glibc libraries in DT_NEEDED exist on the target; each version need\n"
      "(GLIBC_2.x of each library) exists there; each versioned import exists with that\n"
      "version in a library the binary loads (pthread_create@GLIBC_2.2.5 is in libpthread.so.0\n"
      "before 2.34); unversioned glibc imports (warned); GLIBC_PRIVATE; DT_RELR and\n"
      "GLIBC_ABI_DT_RELR (2.36); the loader path (PT_INTERP); the ELF class and machine;\n"
      "GLIBCXX_/CXXABI_/GCC_ needs against the target's libstdc++.so.6 and libgcc_s.so.1 levels;\n"
      "libcrypt.so.1's nodes where the target has libxcrypt's (XCRYPT_2.0) or glibc's own;\n"
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
  for (const std::string& path : (*vm)["path"].as<std::vector<std::string>>()) {
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
    print_human(ctx, results, t, db, vm->count("explain") > 0);
  return status;
}

}  // namespace glibcpin