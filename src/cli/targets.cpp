// glibc-pin targets: the architectures and releases the database knows, and the profiles.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "target/target.hpp"
#include "util/table.hpp"

namespace glibcpin {
namespace {

void print_releases(std::ostream& out, const ArchDb& db) {
  out << db.name() << " releases:";
  int column = 0;
  for (Release r : db.releases()) {
    if (column++ % 16 == 0)
      out << "\n ";
    out << " " << to_string(r);
  }
  out << "\n";
}

}  // namespace

int run_targets(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "targets";
  spec.usage = "[--arch A]";
  spec.description =
      "Lists the architectures and glibc releases of the embedded symbol-version database,\n"
      "and the named target profiles.";
  spec.visible.add_options()("arch,a", po::value<std::string>(),
                             "only this architecture (x86_64, i386, aarch64)");

  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;

  std::vector<ArchDb> dbs;
  if (vm->count("arch")) {
    dbs.push_back(open_arch((*vm)["arch"].as<std::string>()));
  } else {
    for (const PackedArch* packed : embedded_archs())
      dbs.emplace_back(*packed);
  }

  ctx.out << "Architectures (host: " << host_arch() << "):\n";
  if (dbs.empty()) {
    ctx.out << "  none: glibc-pin was built without symver-maps/*.tsv\n";
  } else {
    Table table;
    table.add({"ARCH", "BASE VERSION", "RELEASES", "LIBRARIES", "ENTRIES"});
    for (const ArchDb& db : dbs)
      table.add({std::string(db.name()), std::string(db.base_version()),
                 to_string(db.oldest()) + " to " + to_string(db.newest()) + " (" +
                     std::to_string(db.releases().size()) + ")",
                 std::to_string(db.all_libraries().size()),
                 std::to_string(db.symbol_row_count())});
    print_table(ctx.out, table, 2);
    for (const ArchDb& db : dbs) {
      ctx.out << "\n";
      print_releases(ctx.out, db);
    }
  }

  // Named target profiles (symver-maps/profiles.tsv): a system = a glibc release + the C++ and
  // GCC runtime levels it ships (+ an allowed-library list for manylinux).
  ctx.out << "\nProfiles: (--target NAME, or glibc-pin check --profile NAME)\n";
  Table profile_table;
  profile_table.add({"NAME", "GLIBC", "GLIBCXX", "CXXABI", "GCC", "LIBRARIES", "SYSTEM"});
  for (const Profile& p : profiles())
    profile_table.add({std::string(p.name), to_string(p.glibc),
                       p.glibcxx.empty() ? "?" : std::string(p.glibcxx.substr(8)),
                       p.cxxabi.empty() ? "?" : std::string(p.cxxabi.substr(7)),
                       p.gcc.empty() ? "?" : std::string(p.gcc.substr(4)),
                       p.allowed_libraries.empty()
                           ? "any"
                           : std::to_string(p.allowed_libraries.size()) + " allowed",
                       std::string(p.description)});
  print_table(ctx.out, profile_table, 2);
  return 0;
}

}  // namespace glibcpin
