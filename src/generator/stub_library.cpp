#include "generator/stub_library.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "database/version_node.hpp"

namespace glibcpin {

// glibc data objects exported under several names at one address. A copy relocation of one of
// them must move them all (libc reads `__environ`; the program's copy is of `environ`). The
// linker does that for a weak name at the address of a global one, as in the real libc, where
// the names after the first below are weak (the sys_* compat tables are all global).
struct DataAliases {
  std::vector<std::string_view> names;  // the global name first
  bool others_weak;
  bool across_versions = false;  // one object although the names have different version nodes
};
static const std::vector<DataAliases> kDataAliases = {
    {{"__environ", "environ", "_environ"}, true},
    {{"__daylight", "daylight"}, true},
    {{"__timezone", "timezone"}, true},
    {{"__tzname", "tzname"}, true},
    {{"__progname_full", "program_invocation_name"}, true},
    {{"__progname", "program_invocation_short_name"}, true},
    {{"_sys_errlist", "sys_errlist"}, false},
    {{"_sys_nerr", "sys_nerr"}, false},
    {{"_sys_siglist", "sys_siglist"}, false},
    // libm >= 2.23: __signgam@@GLIBC_2.23 and the weak signgam@@<base> (GLIBC_2.2.5, 2.0, 2.17)
    // at one address (seen in 2.28's, bullseye's and sid's libm, x86_64, i386, aarch64). As two
    // objects, a program's copy of signgam would never see lgamma@@GLIBC_2.23 set __signgam.
    {{"__signgam", "signgam"}, true, true},
};

static std::string_view alias_group(std::string_view symbol) {
  for (const DataAliases& group : kDataAliases)
    for (std::string_view name : group.names)
      if (name == symbol)
        return group.names.front();
  return symbol;
}

static bool aliased_across_versions(std::string_view symbol) {
  for (const DataAliases& group : kDataAliases)
    if (group.across_versions &&
        std::find(group.names.begin(), group.names.end(), symbol) != group.names.end())
      return true;
  return false;
}

static bool is_weak_alias(std::string_view symbol) {
  for (const DataAliases& group : kDataAliases)
    for (size_t i = 1; i < group.names.size(); i++)
      if (group.others_weak && group.names[i] == symbol)
        return true;
  return false;
}

StubLibrary make_stub_library(const ArchDb& db, std::string_view library, Release release) {
  std::vector<std::string_view> nodes = db.version_nodes_at(library, release);
  std::sort(nodes.begin(), nodes.end(), version_node_less);
  return make_stub_library(std::string(library), db.exports_at(library, release), nodes);
}

StubLibrary make_stub_library(std::string soname, const std::vector<Export>& exports,
                              std::vector<std::string_view> nodes) {
  StubLibrary stub;
  stub.soname = std::move(soname);
  stub.nodes.assign(nodes.begin(), nodes.end());
  // The first name of each data object at each version: its other names share its address.
  std::map<std::pair<std::string_view, std::string_view>, int> first_name;
  std::set<std::string_view> names;
  for (const Export& e : exports)
    names.insert(e.symbol);
  for (const Export& e : exports) {
    // A weak alias only beside its global name (before 2.23 libm's signgam is the global one).
    bool weak = is_weak_alias(e.symbol) && names.count(alias_group(e.symbol));
    StubSymbol s{std::string(e.symbol), std::string(e.version), e.kind, e.size, e.is_default,
                 weak, -1};
    if (e.kind == Kind::Data) {
      std::string_view version = aliased_across_versions(e.symbol) ? "" : e.version;
      auto [it, inserted] = first_name.try_emplace({alias_group(e.symbol), version},
                                                   static_cast<int>(stub.symbols.size()));
      if (!inserted)
        s.alias_of = it->second;
    }
    stub.symbols.push_back(std::move(s));
  }
  return stub;
}

}  // namespace glibcpin
