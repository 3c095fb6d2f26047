#include "elf/read_library.hpp"

#include <map>

#include <LIEF/ELF.hpp>
#include <LIEF/logging.hpp>

#include "util/error.hpp"

namespace glibcpin {
namespace {

using LIEF::ELF::ELF_SYMBOL_TYPES;

constexpr std::uint16_t kVersionHidden = 0x8000;  // VERSYM_HIDDEN: "@", not "@@"
constexpr std::uint16_t kVerFlagBase = 1;         // VER_FLG_BASE: the soname entry

void classify(ElfSymbol& out, ELF_SYMBOL_TYPES type) {
  switch (type) {
  case ELF_SYMBOL_TYPES::STT_FUNC:
    out.kind = Kind::Function;
    out.type_name = "FUNC";
    return;
  case ELF_SYMBOL_TYPES::STT_GNU_IFUNC:
    out.kind = Kind::Function;
    out.type_name = "GNU_IFUNC";
    return;
  case ELF_SYMBOL_TYPES::STT_OBJECT:
    out.kind = Kind::Data;
    out.type_name = "OBJECT";
    return;
  case ELF_SYMBOL_TYPES::STT_TLS:
    out.kind = Kind::Tls;
    out.type_name = "TLS";
    return;
  case ELF_SYMBOL_TYPES::STT_NOTYPE:
    out.type_name = "NOTYPE";
    return;
  default:
    out.type_name = "type " + std::to_string(static_cast<unsigned>(type));
    return;
  }
}

}  // namespace

ElfLibrary read_elf_library(const std::string& path) {
  LIEF::Logger::disable();
  std::unique_ptr<LIEF::ELF::Binary> binary;
  try {
    binary = LIEF::ELF::Parser::parse(path);
  } catch (const std::exception& e) {
    throw Error(path + ": cannot parse as ELF: " + e.what());
  }
  if (!binary)
    throw Error(path + ": cannot parse as ELF");

  ElfLibrary lib;
  lib.path = path;
  if (binary->has(LIEF::ELF::DYNAMIC_TAGS::DT_SONAME)) {
    const auto& entry = binary->get(LIEF::ELF::DYNAMIC_TAGS::DT_SONAME);
    if (const auto* so = dynamic_cast<const LIEF::ELF::DynamicSharedObject*>(&entry))
      lib.soname = so->name();
  }

  // Version index -> name, from the version definitions (the first aux entry names it;
  // further ones name its parents).
  std::map<std::uint16_t, std::string> version_name;
  for (const LIEF::ELF::SymbolVersionDefinition& def : binary->symbols_version_definition()) {
    auto aux = def.symbols_aux();
    if (aux.size() == 0)
      continue;
    const std::string& name = (*aux.begin()).name();
    version_name[def.ndx()] = name;
    if (!(def.flags() & kVerFlagBase))
      lib.version_nodes.push_back(name);
  }

  for (const LIEF::ELF::Symbol& sym : binary->dynamic_symbols()) {
    if (sym.shndx() == static_cast<std::uint16_t>(LIEF::ELF::SYMBOL_SECTION_INDEX::SHN_UNDEF) ||
        sym.binding() == LIEF::ELF::SYMBOL_BINDINGS::STB_LOCAL || sym.name().empty())
      continue;
    ElfSymbol out;
    out.name = sym.name();
    out.size = sym.size();
    out.is_absolute =
        sym.shndx() == static_cast<std::uint16_t>(LIEF::ELF::SYMBOL_SECTION_INDEX::SHN_ABS);
    classify(out, sym.type());
    if (sym.has_version()) {
      std::uint16_t value = sym.symbol_version().value();
      std::uint16_t index = value & ~kVersionHidden;
      if (index > 1) {
        auto it = version_name.find(index);
        if (it != version_name.end())
          out.version = it->second;
        else if (sym.symbol_version().has_auxiliary_version())
          out.version = sym.symbol_version().symbol_version_auxiliary().name();
        else
          out.version = "<version index " + std::to_string(index) + ">";
        out.is_default = !(value & kVersionHidden);
      }
    }
    lib.symbols.push_back(std::move(out));
  }
  return lib;
}

}  // namespace glibcpin
