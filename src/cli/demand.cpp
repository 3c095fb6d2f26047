// glibc-pin demand --target T PATH...: which glibc interfaces real binaries import that the
// target lacks, how many files import each, and what glibc-pin does with each (pins it to the
// target's older version, links a shim, or refuses the link). The work list of the shims.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "database/version_node.hpp"
#include "generator/header_aliases.hpp"
#include "generator/renamed_symbols.hpp"
#include "generator/shim_table.hpp"
#include "generator/target_files.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "util/mapped_file.hpp"
#include "util/table.hpp"
#include "verify/elf_requirements.hpp"

namespace glibcpin {
namespace {

namespace fs = std::filesystem;

// One interface the target lacks, over all files read.
struct Demand {
  std::string library;              // where the importing files expect it (libc.so.6, libm.so.6)
  std::set<std::string> versions;   // the version nodes imported (GLIBC_2.34, ...)
  int files = 0;
  bool weak_only = true;            // every import of it is weak (code that checks for NULL)
  std::string example;              // the first file (in path order) that imports it
};

struct Scan {
  int files_read = 0;    // ELF files of the target's architecture
  int other_arch = 0;
  int unreadable = 0;    // malformed ELF files: skipped, counted
  int lacking = 0;       // files importing at least one interface the target lacks
  std::map<std::string, Demand> demand;  // by symbol name
};

void list_files(const std::string& path, std::vector<std::string>& files) {
  std::error_code ec;
  fs::file_status st = fs::symlink_status(path, ec);
  if (ec)
    throw Error(path + ": cannot read: " + ec.message());
  if (fs::is_regular_file(st)) {
    files.push_back(path);
    return;
  }
  if (!fs::is_directory(st))
    return;
  fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    if (!it->is_symlink(e2) && it->is_regular_file(e2))  // links not followed: no duplicates
      files.push_back(it->path().string());
  }
  if (ec)
    throw Error(path + ": cannot walk: " + ec.message());
}

void scan_file(const std::string& path, const ArchDb& db, Release target, Scan& scan) {
  ElfRequirements req;
  try {
    MappedFile file(path);
    if (sniff_format(file.bytes()) != FileFormat::Elf)
      return;
    req = parse_elf(file.bytes(), path);
  } catch (const Error&) {
    scan.unreadable++;
    return;
  }
  if (machine_name(req.machine, req.elf_class) != db.name()) {
    scan.other_arch++;
    return;
  }
  scan.files_read++;
  std::set<std::string> seen;  // a file counts once per interface
  for (const ImportedSymbol& s : req.imports) {
    std::optional<Release> release = release_of_version_node(s.version);
    if (!s.version.starts_with("GLIBC_") || !release || *release <= target ||
        !db.knows_library(s.library))
      continue;
    Demand& d = scan.demand[s.name];
    d.versions.insert(s.version);
    d.weak_only &= s.weak;
    if (d.library.empty())
      d.library = s.library;
    if (seen.insert(s.name).second) {
      if (d.files++ == 0)
        d.example = path;
    }
  }
  if (!seen.empty())
    scan.lacking++;
}

// What glibc-pin knows about the target, to say what it does with each interface.
struct Handling {
  std::set<std::string> defaults_at_target;  // symbols the target exports as default (@@)
  std::set<std::string> renamed;             // NAME the target has as __NAME (a trampoline)
                                             // or __NAME the target has as NAME (forced header)
  std::set<std::string> shimmed;             // shims.tsv rows for the target
};

// What glibc-pin does with an interface the importing file wants at a newer version.
std::string action(const std::string& symbol, const Demand& d, const Handling& h) {
  if (h.defaults_at_target.count(symbol))
    return "pins";
  if (h.renamed.count(symbol))
    return "renames";
  if (d.weak_only)
    return "weak";  // archive members are not pulled for weak references: no shim either
  if (h.shimmed.count(symbol))
    return "shims";
  return "refuses";
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

int run_demand(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "demand";
  spec.usage = "[--target T] [--tsv] [--root DIR] PATH...";
  spec.description =
      "Reads ELF files (PATH: files, or directories walked recursively, symlinks not followed,\n"
      "other files skipped) and lists every glibc interface they import at a version the\n"
      "target lacks: how many files import it, and what glibc-pin does with it when such code\n"
      "is linked for the target:\n"
      "  pins     the target has the interface at an older version: the link binds to that one\n"
      "  renames  the target has it under another name: as __NAME (a trampoline in the shim\n"
      "           archive calls that), or the variable __signgam as signgam (the forced header\n"
      "           makes code compiled through glibc-pin name signgam)\n"
      "  weak     every import is weak: the link leaves it unbound (NULL) on the target and\n"
      "           the code takes its fallback\n"
      "  shims    the target lacks it; glibc-pin links its shim (shims/shims.tsv)\n"
      "  refuses  the target lacks it and there is no shim: the link is refused\n"
      "Interfaces are listed by files importing them, most first. --tsv prints the same rows\n"
      "tab-separated (symbol, library, versions, files, action, example). --root DIR prints\n"
      "example paths relative to DIR. The target defaults to $GLIBC_PIN_TARGET.";
  spec.visible.add_options()
      ("target,t", po::value<std::string>(), "glibc version (2.17), triple or profile")
      ("tsv", "tab-separated output, no summary")
      ("root", po::value<std::string>(), "print example paths relative to this directory");
  spec.hidden.add_options()("path", po::value<std::vector<std::string>>(), "");
  spec.positional.add("path", -1);

  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;
  if (!vm->count("path"))
    throw UsageError("demand: no PATH given", "demand");
  std::string target_text =
      vm->count("target") ? (*vm)["target"].as<std::string>() : target_from_environment();
  if (target_text.empty())
    throw UsageError("demand: no target (--target, or $GLIBC_PIN_TARGET)", "demand");
  Target target = resolve_target(target_text, host_arch(), host_glibc_release());
  ArchDb db = open_arch(target.arch);

  Handling handling;
  for (std::string_view library : db.libraries_at(target.glibc))
    for (const Export& e : db.exports_at(library, target.glibc))
      if (e.is_default)
        handling.defaults_at_target.insert(std::string(e.symbol));
  // Renames depend on the host's names; the newest release stands for any newer host.
  for (const RenamedSymbol& r : find_renamed_symbols(db, target.glibc, db.newest()))
    handling.renamed.insert(r.name);
  for (const HeaderAlias& a : find_header_aliases(db, target.glibc, db.newest()))
    handling.renamed.insert(a.name);
  for (const ShimRow& row : read_shim_table(shim_dir()))
    if (target.glibc < row.introduced)
      handling.shimmed.insert(row.symbol);

  std::vector<std::string> files;
  for (const std::string& path : (*vm)["path"].as<std::vector<std::string>>())
    list_files(path, files);
  std::sort(files.begin(), files.end());
  Scan scan;
  for (const std::string& file : files)
    scan_file(file, db, target.glibc, scan);

  std::vector<std::pair<std::string, const Demand*>> rows;
  for (const auto& [symbol, d] : scan.demand)
    rows.emplace_back(symbol, &d);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second->files > b.second->files; });
  std::string root = vm->count("root") ? (*vm)["root"].as<std::string>() : "";
  auto shown = [&](const std::string& path) {
    return root.empty() ? path : fs::path(path).lexically_relative(root).string();
  };

  if (vm->count("tsv")) {
    ctx.out << "symbol\tlibrary\tversions\tfiles\taction\texample\n";
    for (const auto& [symbol, d] : rows)
      ctx.out << symbol << '\t' << d->library << '\t' << joined(d->versions) << '\t' << d->files
              << '\t' << action(symbol, *d, handling) << '\t' << shown(d->example)
              << '\n';
    return 0;
  }

  std::map<std::string, std::pair<int, int>> by_action;  // interfaces, imports
  Table table;
  table.add({"INTERFACE", "LIBRARY", "VERSIONS", "FILES", "GLIBC-PIN", "EXAMPLE"});
  for (const auto& [symbol, d] : rows) {
    std::string what = action(symbol, *d, handling);
    by_action[what].first++;
    by_action[what].second += d->files;
    table.add({symbol, d->library, joined(d->versions), std::to_string(d->files), what,
               shown(d->example)});
  }
  ctx.out << "Target " << target.name() << ": " << scan.files_read << " ELF files read ("
          << scan.other_arch << " of other architectures and " << scan.unreadable
          << " malformed skipped); " << scan.lacking
          << " import interfaces the target lacks.\n";
  for (const char* what : {"pins", "renames", "weak", "shims", "refuses"}) {
    auto [interfaces, imports] = by_action[what];
    ctx.out << "  " << what << ": " << interfaces << " interfaces, " << imports << " imports\n";
  }
  ctx.out << "\n";
  print_table(ctx.out, table);
  return 0;
}

}  // namespace glibcpin
