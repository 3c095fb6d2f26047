#include "generator/target_files.hpp"

#include <gnu/libc-version.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "database/embedded.hpp"
#include "generator/host_runtime_stubs.hpp"
#include "generator/linker_scripts.hpp"
#include "generator/renamed_symbols.hpp"
#include "generator/shim_table.hpp"
#include "generator/static_archive.hpp"
#include "generator/stub_assembly.hpp"
#include "generator/stub_elf.hpp"
#include "generator/stub_library.hpp"
#include "generator/symver_header.hpp"
#include "generator/trampoline_object.hpp"
#include "glibc_pin_version.hpp"
#include "util/digest.hpp"
#include "util/error.hpp"
#include "util/process.hpp"
#include "util/split.hpp"

namespace glibcpin {

namespace fs = std::filesystem;

static const char* kManifest = "manifest.txt";
static const char* kHeader = "glibc-pin-symver.h";
static const char* kShimArchive = "libglibc-pin-shims.a";
// Part of every target directory's name: changed whenever what is generated changes, so that a
// cache filled by an earlier build of the same version is not taken for a current one.
// 2: libgcc_s.so adds -lgcc; 3: stubs written directly; 4: libgcc_s.so is a symlink again
static const char* kLayout = "4";

std::string cache_root() {
  if (const char* dir = std::getenv("GLIBC_PIN_CACHE_DIR"); dir && *dir)
    return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/glibc-pin";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/glibc-pin";
  throw Error("no cache directory: set GLIBC_PIN_CACHE_DIR (or XDG_CACHE_HOME or HOME)");
}

Release host_glibc_release() {
  return parse_release_or_throw(gnu_get_libc_version());
}

static std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open())
    throw Error("cannot read " + path.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

static void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush())
    throw Error("cannot write " + path.string());
}

// Where the compiled shims live: beside the executable in a build tree, or under
// <prefix>/lib/glibc-pin when installed; GLIBC_PIN_SHIM_DIR overrides both.
std::string shim_dir() {
  if (const char* dir = std::getenv("GLIBC_PIN_SHIM_DIR"); dir && *dir)
    return dir;
  fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
  for (fs::path candidate : {exe_dir / "shims", exe_dir / "../lib/glibc-pin/shims"})
    if (fs::exists(candidate / "shims.tsv"))
      return fs::weakly_canonical(candidate).string();
  throw Error("cannot find the compiled shims (shims.tsv) beside " + exe_dir.string() +
              "; set GLIBC_PIN_SHIM_DIR");
}

struct ShimSelection {
  std::vector<std::string> objects;  // .o files to archive
  std::vector<std::string> link_args;
};

// Where `arch`'s compiled shims are: the host's beside shims.tsv, others in a folder named after
// the architecture (compiled at build time when that cross compiler was installed).
static fs::path shim_objects_dir(const fs::path& dir, std::string_view arch) {
  if (arch == host_arch())
    return dir;
  fs::path objects = dir / std::string(arch);
  if (!fs::is_directory(objects))
    throw Error("this glibc-pin has no shims for " + std::string(arch) + " (" + objects.string() +
                "): it was built without that architecture's compiler (scripts/install-deps.sh "
                "installs it; then rebuild)");
  return objects;
}

// Every shim whose interface the target lacks (introduced after it), with its helpers.
static ShimSelection select_shims(const fs::path& dir, const Target& target) {
  fs::path objects_dir = shim_objects_dir(dir, target.arch);
  ShimSelection selection;
  std::set<std::string> files, args;
  for (const ShimRow& row : read_shim_table(dir.string())) {
    if (target.glibc >= row.introduced)
      continue;
    files.insert(row.file);
    if (!row.needs.empty())
      files.insert(row.needs);
    if (!row.ldflags.empty())
      args.insert(row.ldflags);
  }
  for (const std::string& file : files)
    selection.objects.push_back((objects_dir / (fs::path(file).stem().string() + ".o")).string());
  selection.link_args.assign(args.begin(), args.end());
  return selection;
}

// The binary files of a target: the stub libraries, the trampolines of renamed interfaces (added
// to the shim selection) and the shim archive, at `archive` when there is something to archive.
struct TargetBinaries {
  std::vector<StubLibrary> stubs;
  std::vector<RenamedSymbol> renamed;
};

// glibc-pin writes them itself: a target's first use runs no other program.
static void write_binaries(const fs::path& dir, std::string_view arch,
                           const TargetBinaries& binaries, ShimSelection& selection,
                           const fs::path& archive) {
  for (const StubLibrary& stub : binaries.stubs)
    write_file(dir / stub.soname, stub_elf(stub, arch));
  for (const RenamedSymbol& renamed : binaries.renamed) {
    fs::path object = dir / ("renamed-" + renamed.name + ".o");
    write_file(object, trampoline_object(arch, renamed.name, renamed.old_name));
    selection.objects.push_back(object.string());
  }
  if (selection.objects.empty())
    return;
  std::vector<ObjectForArchive> members;
  for (const std::string& object : selection.objects)
    members.push_back({fs::path(object).filename().string(), read_file(object)});
  write_file(archive, static_archive(members));
}

// GLIBC_PIN_STUBS_VIA_LD=1 makes the same files the old way, from assembly with as and ld, and
// with ar: the reference tests/generator/stub-elf-equivalence.sh compares the written ones
// against, through the whole pipeline (linker scripts, shims, driver), so only these differ.
static bool binaries_via_ld() {
  const char* value = std::getenv("GLIBC_PIN_STUBS_VIA_LD");
  return value && std::string_view(value) == "1";
}

static std::vector<std::string> assemble(std::string_view arch, const fs::path& source,
                                         const fs::path& object) {
  std::vector<std::string> command = assembler_command(arch);
  command.insert(command.end(), {"-o", object.string(), source.string()});
  return command;
}

static void build_binaries_via_ld(const fs::path& dir, std::string_view arch,
                                  const TargetBinaries& binaries, ShimSelection& selection,
                                  const fs::path& archive) {
  std::vector<std::vector<std::string>> assembles, links;
  for (const StubLibrary& stub : binaries.stubs) {
    fs::path base = dir / ("stub-" + stub.soname);
    fs::path source = base.string() + ".s", map = base.string() + ".map",
             object = base.string() + ".o";
    write_file(source, stub_assembly(stub));
    write_file(map, stub_version_script(stub));
    assembles.push_back(assemble(arch, source, object));
    std::vector<std::string> link = stub_linker_command(arch);
    link.insert(link.end(), {"-shared", "-o", (dir / stub.soname).string(), "-soname",
                             stub.soname, "--version-script", map.string(), "--hash-style=both",
                             object.string()});
    links.push_back(link);
  }
  for (const RenamedSymbol& renamed : binaries.renamed) {
    fs::path source = dir / ("renamed-" + renamed.name + ".s");
    fs::path object = dir / ("renamed-" + renamed.name + ".o");
    write_file(source, rename_trampoline(renamed, arch));
    assembles.push_back(assemble(arch, source, object));
    selection.objects.push_back(object.string());
  }
  if (run_programs_in_parallel(assembles) != 0 || run_programs_in_parallel(links) != 0)
    throw Error("building the stub libraries with as and ld failed");
  if (selection.objects.empty())
    return;
  std::vector<std::string> ar = {"ar", "rcsD", archive.string()};
  ar.insert(ar.end(), selection.objects.begin(), selection.objects.end());
  if (run_program(ar) != 0)
    throw Error("building the shim archive with ar failed");
}

static void generate(const fs::path& dir, const fs::path& final_dir, const Target& target,
                     const Toolchain& toolchain, const ArchDb& db, Release host,
                     const fs::path& shims) {
  TargetBinaries binaries;
  for (std::string_view library : db.libraries_at(target.glibc))
    binaries.stubs.push_back(make_stub_library(db, library, target.glibc));
  // The toolchain's libgcc_s, for the link only (see host_runtime_stubs.hpp).
  if (!toolchain.libgcc_s.empty()) {
    binaries.stubs.push_back(make_stub_of_library_file(toolchain.libgcc_s));
    // A symlink, not the toolchain's script `GROUP ( libgcc_s.so.1 -lgcc )`: ld reads a script
    // only after trying every object format on it, which cost a trivial link 15 % of its
    // instructions. The -lgcc such a script adds comes from the driver instead, where a link
    // lacks it (rewrite.cpp).
    fs::create_symlink(binaries.stubs.back().soname, dir / "libgcc_s.so");
  }
  binaries.renamed = find_renamed_symbols(db, target.glibc, host);
  ShimSelection selection = select_shims(shims, target);
  if (binaries_via_ld())
    build_binaries_via_ld(dir, target.arch, binaries, selection, dir / kShimArchive);
  else
    write_binaries(dir, target.arch, binaries, selection, dir / kShimArchive);

  LinkerScriptInputs inputs{final_dir.string(), toolchain.libc_nonshared, ""};
  if (!selection.objects.empty())
    inputs.shim_archive = (final_dir / kShimArchive).string();
  for (const LinkerFile& file : make_linker_files(db, target.glibc, host, inputs)) {
    if (file.symlink)
      fs::create_symlink(file.text, dir / file.name);
    else
      write_file(dir / file.name, file.text);
  }
  SymverHeader header = make_symver_header(db, target.glibc, host, target.name());
  write_file(dir / kHeader, header.text);

  std::string link_args;
  for (const std::string& arg : selection.link_args)
    link_args += arg + "\n";
  write_file(dir / "link-args.txt", link_args);
  // Written last: its presence marks a complete directory.
  write_file(dir / kManifest, "target " + target.name() + "\narch " + target.arch + "\nglibc " +
                                  to_string(target.glibc) + "\nhost-glibc " + to_string(host) +
                                  "\nglibc-pin " + kGlibcPinVersion + "\ndata " + kDataDigest +
                                  "\nredirects " + std::to_string(header.redirect_count) + "\n");
}

static std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty())
      lines.push_back(line);
  return lines;
}

bool generating_target_files() {
  return std::getenv("GLIBC_PIN_GENERATING") != nullptr;
}

// For the generator's own tool runs: mark them (glibc-pin reached again runs the real tool) and
// drop gcc's search-path variables, through which a `gcc -B<dir>` caller would hand them
// <dir>/ld, i.e. glibc-pin again. Restored afterwards for the user's own command.
class GeneratorEnvironment {
public:
  GeneratorEnvironment() {
    for (const char* name : {"COMPILER_PATH", "GCC_EXEC_PREFIX"})
      if (const char* value = std::getenv(name)) {
        saved_.emplace_back(name, value);
        unsetenv(name);
      }
    setenv("GLIBC_PIN_GENERATING", "1", 1);
  }
  ~GeneratorEnvironment() {
    unsetenv("GLIBC_PIN_GENERATING");
    for (const auto& [name, value] : saved_)
      setenv(name.c_str(), value.c_str(), 1);
  }

private:
  std::vector<std::pair<std::string, std::string>> saved_;
};

GeneratedTarget ensure_target_files(const Target& target, const Toolchain& toolchain) {
  if (target.arch != toolchain.arch)  // the driver refuses this with a clearer message first
    throw Error("target " + target.name() + " is for " + target.arch + ", the toolchain (" +
                toolchain.triple + ") builds for " + toolchain.arch);
  if (toolchain.libc_nonshared.empty())
    throw Error("cannot find " + target.arch + "'s libc_nonshared.a (is " + target.arch +
                "'s C library development package installed?)");
  Release host = host_glibc_release();
  fs::path shims = shim_dir();
  // The toolchain's files are named by the generated scripts: another toolchain for the same
  // architecture (gcc -m32 and i686-linux-gnu-gcc) gets its own directory.
  std::string key = std::string("glibc-pin ") + kGlibcPinVersion + " layout " + kLayout +
                    " data " + kDataDigest + " arch " + target.arch + " glibc " + to_string(target.glibc) + " host " +
                    to_string(host) + " shims " + shims.string() + " libc_nonshared " +
                    toolchain.libc_nonshared + " libgcc_s " + toolchain.libgcc_s;
  fs::path root = cache_root();
  fs::path final_dir = root / (target.arch + "-glibc-" + to_string(target.glibc) + "-" +
                               stable_digest(key));
  GeneratedTarget result;
  result.dir = final_dir.string();
  result.files = {final_dir.string(), (final_dir / kHeader).string(),
                  (final_dir / kShimArchive).string()};

  if (!fs::exists(final_dir / kManifest)) {
    std::error_code ec;
    fs::create_directories(root, ec);
    std::string pattern = (root / ".tmp-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw Error("cannot create a directory in the cache " + root.string() +
                  " (set GLIBC_PIN_CACHE_DIR to a writable place)");
    fs::path tmp = pattern;
    try {
      GeneratorEnvironment environment;
      generate(tmp, final_dir, target, toolchain, open_arch(target.arch), host, shims);
    } catch (...) {
      fs::remove_all(tmp, ec);
      throw;
    }
    fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    // rename() fails when another process got there first: its files are identical, use them.
    if (std::rename(tmp.c_str(), final_dir.c_str()) == 0)
      result.created = true;
    else
      fs::remove_all(tmp, ec);
    if (!fs::exists(final_dir / kManifest))
      throw Error("cache directory " + final_dir.string() + " is incomplete; remove it");
  }
  if (!fs::exists(result.files.shim_archive))
    result.files.shim_archive.clear();
  result.link_args = read_lines(final_dir / "link-args.txt");
  return result;
}

}  // namespace glibcpin
