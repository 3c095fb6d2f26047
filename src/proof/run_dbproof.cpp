#include "proof/run_dbproof.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <boost/program_options.hpp>

#include "database/embedded.hpp"
#include "elf/read_library.hpp"
#include "elf/soname.hpp"
#include "proof/compare.hpp"
#include "util/error.hpp"
#include "util/table.hpp"

namespace glibcpin {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* kUsage =
    "Usage: glibc-pin-dbproof --release R [--arch A] [--verbose] DIR...\n\n"
    "Reads every shared library under DIR (matched to the database by its DT_SONAME) and\n"
    "compares its exported symbol@version set, default versions, kinds, data sizes and\n"
    "version definitions with the database at (A, R). Prints every difference; exits 0\n"
    "only when there is none.\n\n";

struct Found {
  std::string path;                   // the file compared
  std::string canonical;              // its resolved path
  std::vector<std::string> duplicates;  // other files with the same soname
};

// Every regular file under `dirs`, sorted, symlinks to files included.
std::vector<std::string> list_files(const std::vector<std::string>& dirs) {
  std::vector<std::string> files;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      throw Error("not a directory: " + dir);
    for (auto it = fs::recursive_directory_iterator(
             dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec)
        break;
      if (it->is_regular_file(ec))
        files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int run_dbproof(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  po::options_description visible("Options");
  visible.add_options()
      ("arch,a", po::value<std::string>()->default_value(std::string(host_arch())),
       "architecture (x86_64, i386, aarch64)")
      ("release,r", po::value<std::string>(), "glibc release of the libraries, e.g. 2.17")
      ("skip,s", po::value<std::vector<std::string>>()->composing(),
       "leave out the library with this soname (repeatable), e.g. a libcrypt.so.1 that is "
       "libxcrypt rather than glibc's")
      ("verbose,v", "also list the files whose soname the database does not know")
      ("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("dir", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("dir", -1);

  try {
    po::variables_map vm;
    try {
      po::store(po::command_line_parser(std::vector<std::string>(argv.begin() + 1, argv.end()))
                    .options(all)
                    .positional(positional)
                    .run(),
                vm);
    } catch (const po::error& e) {
      throw UsageError(e.what());
    }
    if (vm.count("help")) {
      out << kUsage << visible;
      return 0;
    }
    if (!vm.count("release"))
      throw UsageError("missing --release");
    if (!vm.count("dir"))
      throw UsageError("missing DIR");

    const std::string arch = vm["arch"].as<std::string>();
    ArchDb db = open_arch(arch);
    Release release = parse_release_or_throw(vm["release"].as<std::string>());
    db.release_index(release);
    const bool verbose = vm.count("verbose");
    std::set<std::string> skip;
    if (vm.count("skip"))
      for (const std::string& soname : vm["skip"].as<std::vector<std::string>>())
        skip.insert(soname);
    const unsigned machine = elf_machine_of_arch(arch);

    // Match files to database libraries by DT_SONAME, cheaply, then parse only those.
    std::map<std::string, Found> found;
    std::set<std::string> unknown;
    size_t other_machine = 0;
    for (const std::string& path : list_files(vm["dir"].as<std::vector<std::string>>())) {
      std::optional<SharedObjectId> id = read_shared_object_id(path);
      if (!id || id->soname.empty())
        continue;
      if (machine && id->machine != machine) {
        other_machine++;
        continue;
      }
      if (skip.count(id->soname))
        continue;
      std::error_code ec;
      std::string canonical = fs::canonical(path, ec).string();
      if (!db.knows_library(id->soname)) {
        unknown.insert(canonical + " (" + id->soname + ")");
        continue;
      }
      bool named = fs::path(path).filename() == id->soname;
      // One entry per soname; prefer the file named like the soname (libc.so.6) over a
      // dev link (libc.so) to the same or another file.
      Found& f = found[id->soname];
      if (f.path.empty()) {
        f.path = path;
        f.canonical = canonical;
      } else if (f.canonical == canonical) {
        if (named)
          f.path = path;
      } else if (named && fs::path(f.path).filename() != id->soname) {
        f.duplicates.push_back(f.path);
        f.path = path;
        f.canonical = canonical;
      } else {
        f.duplicates.push_back(path);
      }
    }

    out << "glibc-pin-dbproof: " << arch << " glibc " << to_string(release) << "\n";
    size_t total = 0;
    Table summary;
    for (const auto& [soname, f] : found) {
      ElfLibrary lib = read_elf_library(f.path);
      lib.soname = soname;
      LibraryComparison cmp = compare_library(db, release, lib);
      for (const std::string& d : cmp.differences)
        out << d << "\n";
      for (const std::string& n : cmp.notes)
        out << "note: " << n << "\n";
      total += cmp.differences.size();
      std::string note;
      if (!db.library_exists_at(soname, release))
        note = "  (the database says it does not exist at " + to_string(release) + ")";
      if (cmp.unversioned)
        note += "  (" + std::to_string(cmp.unversioned) + " unversioned symbols not compared)";
      for (const std::string& d : f.duplicates)
        note += "  (also " + d + ", not compared)";
      summary.add({soname, f.path, std::to_string(cmp.symbols) + " symbols",
                   std::to_string(cmp.version_nodes) + " version nodes",
                   std::to_string(cmp.differences.size()) + " differences" + note});
    }
    out << "\n";
    print_table(out, summary);
    if (!skip.empty()) {
      out << "left out (--skip):";
      for (const std::string& s : skip)
        out << " " << s;
      out << "\n";
    }

    std::vector<std::string> skipped;
    for (std::string_view lib : db.libraries_at(release))
      if (!found.count(std::string(lib)) && !skip.count(std::string(lib)))
        skipped.emplace_back(lib);
    if (!skipped.empty()) {
      out << "not present in input (skipped):";
      for (const std::string& s : skipped)
        out << " " << s;
      out << "\n";
    }
    if (!unknown.empty()) {
      out << "ignored: " << unknown.size() << " shared objects whose soname the database does "
          << "not know" << (verbose ? ":" : " (--verbose lists them)") << "\n";
      if (verbose)
        for (const std::string& u : unknown)
          out << "  " << u << "\n";
    }
    if (other_machine)
      out << "ignored: " << other_machine << " shared objects of another architecture\n";
    if (found.empty())
      throw Error("no library of the " + arch + " database found under the given directories");
    out << "total: " << total << " differences in " << found.size() << " libraries\n";
    return total == 0 ? 0 : 1;
  } catch (const UsageError& e) {
    err << "glibc-pin-dbproof: error: " << e.what() << "\n"
        << "Try 'glibc-pin-dbproof --help' for usage.\n";
    return 2;
  } catch (const Error& e) {
    err << "glibc-pin-dbproof: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace glibcpin
