#include "generator/stub_library.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

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

// Each export gets a local label; ".symver label, name@VERSION" (or "@@" for the default one)
// gives it its public name. Functions are one byte (stubs are linked against, never run); data
// objects get their real size, because copy relocations in executables take it from here.
static void append_symbol(std::string& out, const Export& e, size_t index, bool weak) {
  std::string label = "__glibc_pin_stub_" + std::to_string(index);
  bool object = e.kind == Kind::Data || e.kind == Kind::Tls;
  if (e.kind == Kind::Tls)
    out += "\t.section .tbss,\"awT\",@nobits\n";
  else
    out += object ? "\t.data\n" : "\t.text\n";
  out += "\t.balign " + std::string(object && e.size >= 16 ? "16" : "8") + "\n";
  out += (weak ? "\t.weak " : "\t.globl ") + label + "\n";
  out += "\t.type " + label + (e.kind == Kind::Tls   ? ",@tls_object\n"
                               : object              ? ",@object\n"
                                                     : ",@function\n");
  out += "\t.size " + label + ", " + std::to_string(object ? e.size : 1) + "\n";
  out += label + ":\n\t.zero " + std::to_string(std::max<std::uint32_t>(e.size, 1)) + "\n";
  out += "\t.symver " + label + ", " + std::string(e.symbol) + (e.is_default ? "@@" : "@") +
         std::string(e.version) + "\n";
}

// Nodes in order, each inheriting from the one before (as glibc's do); the first hides the labels.
static std::string version_script(const std::vector<std::string_view>& nodes,
                                  const std::map<std::string_view, std::vector<std::string_view>>&
                                      names_by_node) {
  std::string out;
  std::string_view previous;
  for (std::string_view node : nodes) {
    out += std::string(node) + " {\n";
    auto it = names_by_node.find(node);
    if (it != names_by_node.end()) {
      out += "  global:\n";
      for (std::string_view name : it->second)
        out += "    " + std::string(name) + ";\n";
    }
    if (previous.empty())
      out += "  local: *;\n";
    out += "}" + (previous.empty() ? std::string() : " " + std::string(previous)) + ";\n";
    previous = node;
  }
  return out;
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
  std::map<std::string_view, std::vector<std::string_view>> names_by_node;
  std::map<std::pair<std::string_view, std::string_view>, size_t> data_labels;
  std::set<std::string_view> names;
  for (const Export& e : exports)
    names.insert(e.symbol);
  for (size_t i = 0; i < exports.size(); i++) {
    const Export& e = exports[i];
    // A weak alias only beside its global name (before 2.23 libm's signgam is the global one).
    bool weak = is_weak_alias(e.symbol) && names.count(alias_group(e.symbol));
    auto key = std::make_pair(alias_group(e.symbol),
                              aliased_across_versions(e.symbol) ? std::string_view() : e.version);
    if (e.kind == Kind::Data && data_labels.count(key)) {
      // Another name of an object already defined: same address, its own version binding.
      std::string label = "__glibc_pin_stub_" + std::to_string(i);
      stub.assembly += (weak ? "\t.weak " : "\t.globl ") + label +
                       "\n\t.set " + label + ", __glibc_pin_stub_" +
                       std::to_string(data_labels[key]) + "\n\t.symver " + label + ", " +
                       std::string(e.symbol) + (e.is_default ? "@@" : "@") +
                       std::string(e.version) + "\n";
    } else {
      if (e.kind == Kind::Data)
        data_labels[key] = i;
      append_symbol(stub.assembly, e, i, weak);
    }
    names_by_node[exports[i].version].push_back(exports[i].symbol);
  }
  stub.assembly += "\t.section .note.GNU-stack,\"\",@progbits\n";
  stub.version_script = version_script(nodes, names_by_node);
  stub.symbol_count = exports.size();
  return stub;
}

}  // namespace glibcpin
