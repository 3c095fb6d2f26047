// glibc-pin lookup SYMBOL: every library and version of a symbol across the releases.
#include <set>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "database/version_node.hpp"
#include "util/error.hpp"
#include "util/table.hpp"

namespace glibcpin {
namespace {

std::string kind_text(const Entry& e) {
  if (e.kind == Kind::Data || e.kind == Kind::Tls)
    return std::string(kind_name(e.kind)) + " " + std::to_string(e.size) + "B";
  return std::string(kind_name(e.kind));
}

// "since 2.14", "2.2.5 until 2.13", "since 2.17 (first known)", "2.17 (first known) until 2.33".
// "(first known)": the run starts at the database's oldest release, so it may be older,
// unless the version node itself is that release (foo@GLIBC_2.12 cannot predate 2.12).
std::string range_text(const ArchDb& db, std::string_view version, Release first, Release last) {
  std::string from = to_string(first);
  if (first == db.oldest() && release_of_version_node(version) != first)
    from += " (first known)";
  if (last == db.newest())
    return "since " + from;
  return from + " until " + to_string(last);
}

}  // namespace

int run_lookup(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "lookup";
  spec.usage = "SYMBOL [--arch A] [--release R]";
  spec.description =
      "Shows each library and version node that exports SYMBOL: the kind, the releases that\n"
      "export it, and the releases in which it is the default version (@@), the one a new\n"
      "link binds to. With --release, also shows what a link for that release binds to.";
  spec.visible.add_options()
      ("arch,a", po::value<std::string>()->default_value(std::string(host_arch())),
       "architecture (x86_64, i386, aarch64)")
      ("release,r", po::value<std::string>(), "target glibc release, e.g. 2.17");
  spec.hidden.add_options()("symbol", po::value<std::string>());
  spec.positional.add("symbol", 1);

  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;
  if (!vm->count("symbol"))
    throw UsageError("lookup: missing SYMBOL", "lookup");

  const std::string& symbol = (*vm)["symbol"].as<std::string>();
  ArchDb db = open_arch((*vm)["arch"].as<std::string>());
  std::optional<Release> target;
  if (vm->count("release")) {
    target = parse_release_or_throw((*vm)["release"].as<std::string>());
    db.release_index(*target);  // throws for a release the database does not describe
  }

  std::vector<Entry> entries = db.entries_of(symbol);
  if (entries.empty()) {
    std::string elsewhere;
    for (const PackedArch* packed : embedded_archs())
      if (packed->name != db.name() && ArchDb(*packed).has_symbol(symbol))
        elsewhere += (elsewhere.empty() ? "" : ", ") + std::string(packed->name);
    std::string message = "symbol '" + symbol + "' is not exported by any " +
                          std::string(db.name()) + " glibc library (" + to_string(db.oldest()) +
                          " to " + to_string(db.newest()) + ")";
    if (!elsewhere.empty())
      message += "; it exists on " + elsewhere;
    throw Error(message);
  }

  ctx.out << symbol << " on " << db.name() << " (database: glibc " << to_string(db.oldest())
          << " to " << to_string(db.newest()) << ")\n\n";
  Table table;
  table.add({"LIBRARY", "SYMBOL@VERSION", "KIND", "EXPORTED", "DEFAULT (@@)"});
  for (const Entry& e : entries) {
    std::string def = e.default_first ? range_text(db, e.version, *e.default_first, *e.default_last)
                                      : "no (compat only)";
    table.add({std::string(e.library), symbol + "@" + std::string(e.version), kind_text(e),
               range_text(db, e.version, e.first, e.last), def});
  }
  print_table(ctx.out, table);

  // What a new link binds to, at the target release or the newest one.
  Release at = target ? *target : db.newest();
  std::set<std::string_view> libraries;
  for (const Entry& e : entries)
    libraries.insert(e.library);
  ctx.out << "\nA new link for glibc " << to_string(at) << " binds to:";
  bool any = false;
  for (std::string_view lib : libraries) {
    if (std::optional<Export> b = db.binding(symbol, lib, at)) {
      ctx.out << (any ? ", " : " ") << b->library << " " << symbol << "@" << b->version;
      any = true;
    }
  }
  if (!any)
    ctx.out << " nothing (no library has a default version of " << symbol << " at "
            << to_string(at) << ")";
  ctx.out << "\n";
  return 0;
}

}  // namespace glibcpin
