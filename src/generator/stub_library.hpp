// What one stub shared library contains: every symbol@version a library exports at the target
// release, the version nodes that name them, and its soname. Linked against, it makes every
// reference bind to the versions the target had. stub_elf.hpp writes it as an ELF file;
// stub_assembly.hpp writes it as GNU as source and an ld version script (the reference the
// equivalence test links the old way).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct StubSymbol {
  std::string name;
  std::string version;
  Kind kind = Kind::Function;  // Function, Data or Tls
  std::uint32_t size = 0;      // data and TLS: the real size (copy relocations take it from here)
  bool is_default = false;     // "@@"
  bool weak = false;           // a weak alias of a data object (environ of __environ)
  // Another name of a data object defined before: the index of that symbol, whose address and
  // size this one shares (a copy relocation must move every name of the object). -1 otherwise.
  int alias_of = -1;
};

struct StubLibrary {
  std::string soname;                      // "libc.so.6"
  std::vector<std::string> nodes;  // version nodes, oldest first; each inherits the one before
  std::vector<StubSymbol> symbols;  // in the database's order
};

// Bytes a symbol takes in the stub, and its alignment: functions are one byte (stubs are linked
// against, never run); data and TLS objects their real size.
inline std::uint32_t stub_symbol_bytes(const StubSymbol& s) {
  return s.kind == Kind::Function || s.size == 0 ? 1 : s.size;
}
inline std::uint32_t stub_symbol_alignment(const StubSymbol& s) {
  return s.kind != Kind::Function && s.size >= 16 ? 16 : 8;
}

// From the database: what `library` exports at `release`.
StubLibrary make_stub_library(const ArchDb& db, std::string_view library, Release release);

// From any export list (e.g. the host's libgcc_s.so.1, read from the file): `nodes` are the
// version nodes to define, in order.
StubLibrary make_stub_library(std::string soname, const std::vector<Export>& exports,
                              std::vector<std::string_view> nodes);

}  // namespace glibcpin
