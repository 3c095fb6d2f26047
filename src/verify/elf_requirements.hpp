// What an ELF file asks of the system it runs on: needed libraries, version needs and the
// versioned symbols it imports. Read with LIEF.
#pragma once

#include <string>
#include <vector>

namespace glibcpin {

struct ImportedSymbol {
  std::string name;
  std::string library;  // from the version need; "" when unversioned
  std::string version;  // "" when unversioned
  bool weak = false;
};

struct ElfRequirements {
  std::string path;
  bool is_dynamic = false;  // has a dynamic section (static binaries fit by construction)
  std::vector<std::string> needed;  // DT_NEEDED
  std::vector<std::pair<std::string, std::string>> version_needs;  // (library, version)
  std::vector<ImportedSymbol> imports;
};

// Throws Error (naming the file) when it is not a readable ELF file.
ElfRequirements read_elf_requirements(const std::string& path);

}  // namespace glibcpin
