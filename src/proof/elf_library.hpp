// What a real shared library exports, as plain data (filled by elf/read_library.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database/kind.hpp"

namespace glibcpin {

struct ElfSymbol {
  std::string name;
  std::string version;          // "" when the symbol carries no version
  std::optional<Kind> kind;     // nullopt for types the database has no kind for
  std::string type_name;        // "FUNC", "GNU_IFUNC", "OBJECT", "TLS", "NOTYPE", ...
  std::uint64_t size = 0;
  bool is_default = false;      // "@@": the hidden bit of its version index is clear
  bool is_absolute = false;     // st_shndx == SHN_ABS
};

struct ElfLibrary {
  std::string path;
  std::string soname;
  std::vector<std::string> version_nodes;  // DT_VERDEF names, without the soname entry
  std::vector<ElfSymbol> symbols;          // defined, global or weak dynamic symbols
};

}  // namespace glibcpin
