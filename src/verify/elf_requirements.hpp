// What an ELF file asks of the system it runs on: needed libraries, version needs, the versioned
// symbols it imports, its class, machine and loader. Read by a small bounds-checked reader of our
// own (elf_dynamic.cpp, elf_object.cpp) that looks only at what the dynamic loader looks at: the ELF header, the
// program headers, the dynamic segment, .dynsym, .gnu.version and .gnu.version_r; relocatable
// objects: .symtab. It never trusts an offset, count or string of the file: any inconsistency is
// an Error naming the file and what is wrong. (LIEF 0.9, which the proof tool uses, parses every
// section, is slow on big files and can crash or hang on crafted input.)
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "util/mapped_file.hpp"

namespace glibcpin {

struct ImportedSymbol {
  std::string name;
  std::string library;  // from the version need; "" when unversioned
  std::string version;  // "" when unversioned
  bool weak = false;
};

enum class ElfType { Relocatable, Executable, SharedObject, Other };

// One version need: `version` of `library` (.gnu.version_r). A weak need (VER_FLG_WEAK) only
// makes the loader warn when the version is missing; the symbols bound to it must still exist.
struct VersionNeed {
  std::string library;
  std::string version;
  bool weak = false;
  auto operator<=>(const VersionNeed&) const = default;
};

// A defined dynamic symbol with a version definition: what a shared library offers.
struct ExportedSymbol {
  std::string name;
  std::string version;
  bool is_default = false;  // "@@"
  char kind = 'F';          // 'F' function (also IFUNC), 'D' data object, 'T' TLS
  std::uint64_t size = 0;
};

struct ElfRequirements {
  std::string path;
  bool is_dynamic = false;  // has a dynamic segment (static binaries fit by construction)
  std::vector<std::string> needed;  // DT_NEEDED
  std::vector<VersionNeed> version_needs;
  std::vector<ImportedSymbol> imports;

  ElfType type = ElfType::Other;
  int elf_class = 64;            // 32 or 64
  bool big_endian = false;
  std::uint16_t machine = 0;     // e_machine (EM_X86_64 = 62, EM_386 = 3, EM_AARCH64 = 183)
  std::string interpreter;       // PT_INTERP, "" when none
  std::string soname;            // DT_SONAME
  bool has_relr = false;         // DT_RELR (packed relative relocations: glibc 2.36)
  std::string build_id;          // NT_GNU_BUILD_ID in hex, "" when none
  std::vector<std::string> runpath;  // DT_RUNPATH (else DT_RPATH) entries, "$ORIGIN/../lib"...
  std::uint64_t flags_1 = 0;         // DT_FLAGS_1 (DF_1_NOW 1, DF_1_NODELETE 8, DF_1_PIE ...)
  // Relocatable objects: every undefined global or weak symbol of .symtab, as named there
  // ("memcpy", or "memcpy@GLIBC_2.2.5" from a .symver directive).
  std::vector<ImportedSymbol> undefined;
  std::vector<std::string> defined;  // relocatable objects: the global symbols they define
  // Shared libraries: the versions they define, and (when asked for: ReadExports::Yes) what
  // they offer, for stubs of host libraries such as libgcc_s.so.1.
  std::vector<std::string> version_definitions;  // without the base entry (the soname)
  std::vector<ExportedSymbol> exports;
};

// A static-pie: ET_DYN marked DF_1_PIE, without a loader, libraries or imports.
inline bool is_static_pie(const ElfRequirements& req) {
  constexpr std::uint64_t DF_1_PIE = 0x08000000;
  return req.type == ElfType::SharedObject && (req.flags_1 & DF_1_PIE) && req.interpreter.empty() &&
         req.needed.empty() && req.imports.empty();
}

// Exports are what most of a big library's symbols are; checking needs none of them.
enum class ReadExports { No, Yes };

// Reads `path` (an ELF file). Throws Error (naming the file and the fault) when it cannot be
// read or is not a well-formed ELF file.
ElfRequirements read_elf_requirements(const std::string& path,
                                      ReadExports exports = ReadExports::No);

// Parses an ELF image in memory; `name` is used in messages. Throws Error like the above.
ElfRequirements parse_elf(std::span<const std::uint8_t> image, const std::string& name,
                          ReadExports exports = ReadExports::No);

// The architecture name of an e_machine + class, as the database names it ("x86_64", "i386",
// "aarch64"), or a description ("EM 21 (ppc64)") for others.
std::string machine_name(std::uint16_t machine, int elf_class);

// What a file starts with.
enum class FileFormat { Elf, Archive, ThinArchive, Zip, Other };  // Zip: a wheel
FileFormat sniff_format(std::span<const std::uint8_t> head);

// One member of an ar archive that is an ELF file.
struct ArchiveMember {
  std::string name;
  std::span<const std::uint8_t> data;
};

// The ELF members of an ar archive image (others are skipped). Throws Error for a malformed
// archive.
std::vector<ArchiveMember> archive_elf_members(std::span<const std::uint8_t> image,
                                               const std::string& name);

}  // namespace glibcpin
