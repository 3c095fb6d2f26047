#include "verify/elf_requirements.hpp"

#include <map>

#include <LIEF/ELF.hpp>
#include <LIEF/logging.hpp>

#include "util/error.hpp"

namespace glibcpin {

ElfRequirements read_elf_requirements(const std::string& path) {
  LIEF::Logger::disable();
  std::unique_ptr<LIEF::ELF::Binary> binary;
  try {
    binary = LIEF::ELF::Parser::parse(path);
  } catch (const std::exception& e) {
    throw Error(path + ": not a readable ELF file: " + e.what());
  }
  if (!binary)
    throw Error(path + ": not a readable ELF file");

  ElfRequirements req;
  req.path = path;
  req.is_dynamic = binary->has(LIEF::ELF::SEGMENT_TYPES::PT_DYNAMIC);
  for (const LIEF::ELF::DynamicEntry& entry : binary->dynamic_entries())
    if (const auto* lib = dynamic_cast<const LIEF::ELF::DynamicEntryLibrary*>(&entry))
      req.needed.push_back(lib->name());

  // Version index -> (library, version), from the version needs.
  std::map<std::uint16_t, std::pair<std::string, std::string>> by_index;
  for (const LIEF::ELF::SymbolVersionRequirement& need : binary->symbols_version_requirement()) {
    for (const LIEF::ELF::SymbolVersionAuxRequirement& aux : need.auxiliary_symbols()) {
      by_index[aux.other()] = {need.name(), aux.name()};
      req.version_needs.push_back({need.name(), aux.name()});
    }
  }
  for (const LIEF::ELF::Symbol& sym : binary->dynamic_symbols()) {
    if (sym.shndx() != static_cast<std::uint16_t>(LIEF::ELF::SYMBOL_SECTION_INDEX::SHN_UNDEF) ||
        sym.name().empty())
      continue;
    ImportedSymbol import;
    import.name = sym.name();
    import.weak = sym.binding() == LIEF::ELF::SYMBOL_BINDINGS::STB_WEAK;
    if (sym.has_version()) {
      auto it = by_index.find(sym.symbol_version().value() & 0x7fff);
      if (it != by_index.end()) {
        import.library = it->second.first;
        import.version = it->second.second;
      }
    }
    req.imports.push_back(import);
  }
  return req;
}

}  // namespace glibcpin
