#include "proof/compare.hpp"

#include <map>
#include <set>

namespace glibcpin {
namespace {

bool is_abi_version(const std::string& version) {
  return version != "GLIBC_PRIVATE";
}

// Data objects whose size comes from the install prefix the library was configured with.
bool is_prefix_dependent(const std::string& symbol) {
  return symbol == "_nl_default_dirname";
}

std::string at_sign(bool is_default) {
  return is_default ? "@@ (default)" : "@ (compat)";
}

}  // namespace

LibraryComparison compare_library(const ArchDb& db, Release release, const ElfLibrary& lib) {
  LibraryComparison out;
  out.library = lib.soname;
  const std::string& L = lib.soname;

  // Version nodes.
  std::set<std::string> real_nodes;
  for (const std::string& node : lib.version_nodes)
    if (is_abi_version(node))
      real_nodes.insert(node);
  std::set<std::string> db_nodes;
  for (std::string_view node : db.version_nodes_at(L, release))
    db_nodes.insert(std::string(node));
  out.version_nodes = real_nodes.size();
  for (const std::string& node : real_nodes)
    if (!db_nodes.count(node))
      out.differences.push_back("missing in DB: " + L + " version node " + node);
  for (const std::string& node : db_nodes)
    if (!real_nodes.count(node))
      out.differences.push_back("extra in DB: " + L + " version node " + node);

  // Symbols, keyed by name@version.
  std::map<std::string, const ElfSymbol*> real;
  for (const ElfSymbol& sym : lib.symbols) {
    if (sym.version.empty()) {
      out.unversioned++;
      continue;
    }
    if (!is_abi_version(sym.version) || (sym.is_absolute && sym.name == sym.version))
      continue;
    real[sym.name + "@" + sym.version] = &sym;
  }
  std::map<std::string, Export> expected;
  for (const Export& e : db.exports_at(L, release))
    expected[std::string(e.symbol) + "@" + std::string(e.version)] = e;
  out.symbols = real.size();

  for (const auto& [key, sym] : real) {
    auto it = expected.find(key);
    if (it == expected.end()) {
      out.differences.push_back("missing in DB: " + L + " " + key);
      continue;
    }
    const Export& e = it->second;
    if (sym->is_default != e.is_default)
      out.differences.push_back("default differs: " + L + " " + key + ": library has " +
                                at_sign(sym->is_default) + ", DB has " + at_sign(e.is_default));
    if (!sym->kind || *sym->kind != e.kind)
      out.differences.push_back("kind differs: " + L + " " + key + ": library has " +
                                sym->type_name + ", DB has " + std::string(kind_name(e.kind)));
    else if ((e.kind == Kind::Data || e.kind == Kind::Tls) && sym->size != e.size &&
             is_prefix_dependent(sym->name))
      out.notes.push_back("size differs: " + L + " " + key + ": library has " +
                          std::to_string(sym->size) + ", DB has " + std::to_string(e.size) +
                          " (the length of the install prefix's locale path; not counted)");
    else if ((e.kind == Kind::Data || e.kind == Kind::Tls) && sym->size != e.size)
      out.differences.push_back("size differs: " + L + " " + key + ": library has " +
                                std::to_string(sym->size) + ", DB has " + std::to_string(e.size));
  }
  for (const auto& [key, e] : expected)
    if (!real.count(key))
      out.differences.push_back("extra in DB: " + L + " " + key);
  return out;
}

}  // namespace glibcpin
