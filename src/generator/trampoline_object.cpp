#include "generator/trampoline_object.hpp"

#include <elf.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "util/error.hpp"

namespace glibcpin {

namespace {

// What differs between the architectures: the code, its relocations, and the ELF class.
struct Relocation {
  std::uint64_t offset;
  std::uint32_t type;
  std::uint32_t symbol;  // index in .symtab
  std::int64_t addend;   // RELA only; REL keeps it in the code
};

struct Trampoline {
  bool is64;
  std::uint16_t machine;
  std::uint64_t text_alignment;
  std::string code;
  bool section_symbols;  // GNU as for aarch64 keeps them (and a $x mapping symbol); for x86 not
  bool got_symbol;       // i386 names _GLOBAL_OFFSET_TABLE_
  std::vector<Relocation> relocations;
};

// Symbol indexes: see write_object's table.
Trampoline trampoline_for(std::string_view arch) {
  if (arch == "x86_64")  // jmp callee@PLT
    return {true, EM_X86_64, 1, std::string("\xe9\0\0\0\0", 5), false, false,
            {{1, R_X86_64_PLT32, 2, -4}}};
  if (arch == "aarch64")  // b callee
    return {true, EM_AARCH64, 4, std::string("\0\0\0\x14", 4), true, false,
            {{0, R_AARCH64_JUMP26, 7, 0}}};
  // call 1f; 1: popl %ecx; addl $_GLOBAL_OFFSET_TABLE_+3, %ecx; jmp *callee@GOT(%ecx)
  if (arch == "i386")
    return {false, EM_386, 1,
            std::string("\xe8\0\0\0\0\x59\x81\xc1\x03\0\0\0\xff\xa1\0\0\0\0", 18), false, true,
            {{8, R_386_GOTPC, 2, 0}, {14, R_386_GOT32X, 3, 0}}};
  throw Error("glibc-pin cannot write trampolines for " + std::string(arch));
}

template <class T>
void append(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void align(std::string& out, size_t alignment) {
  out.resize((out.size() + alignment - 1) / alignment * alignment, '\0');
}

struct Symbol {
  std::uint32_t name;
  unsigned char info;
  unsigned char other;
  std::uint16_t section;
  std::uint64_t size;
};

// The layout GNU as gives such a file: .text, .rel(a).text, empty .data and .bss, the
// .note.GNU-stack marker (a non-executable stack), .symtab, .strtab, .shstrtab; the section
// contents in the order text, symtab, strtab, relocations, shstrtab, then the headers.
template <class Ehdr, class Shdr, class Sym, class Rel>
std::string write_object(const Trampoline& t, std::string_view name, std::string_view callee) {
  const bool rela = t.is64;
  const std::uint64_t word = t.is64 ? 8 : 4;
  // .strtab: `name` is a suffix of `callee` ("__" + name), which as stores once.
  std::string strtab(1, '\0');
  std::uint32_t x_name = 0, got_name = 0;
  if (t.section_symbols) {
    x_name = static_cast<std::uint32_t>(strtab.size());
    strtab += std::string("$x") + '\0';
  }
  if (t.got_symbol) {
    got_name = static_cast<std::uint32_t>(strtab.size());
    strtab += std::string("_GLOBAL_OFFSET_TABLE_") + '\0';
  }
  std::uint32_t callee_name = static_cast<std::uint32_t>(strtab.size());
  strtab += std::string(callee) + '\0';
  std::uint32_t own_name = callee_name;
  if (callee.size() >= name.size() && callee.substr(callee.size() - name.size()) == name)
    own_name += static_cast<std::uint32_t>(callee.size() - name.size());
  else {
    own_name = static_cast<std::uint32_t>(strtab.size());
    strtab += std::string(name) + '\0';
  }

  std::vector<Symbol> symbols = {{0, 0, 0, 0, 0}};
  if (t.section_symbols)
    symbols.insert(symbols.end(), {{0, ELF64_ST_INFO(STB_LOCAL, STT_SECTION), 0, 1, 0},
                                   {0, ELF64_ST_INFO(STB_LOCAL, STT_SECTION), 0, 3, 0},
                                   {0, ELF64_ST_INFO(STB_LOCAL, STT_SECTION), 0, 4, 0},
                                   {x_name, ELF64_ST_INFO(STB_LOCAL, STT_NOTYPE), 0, 1, 0},
                                   {0, ELF64_ST_INFO(STB_LOCAL, STT_SECTION), 0, 5, 0}});
  std::uint32_t first_global = static_cast<std::uint32_t>(symbols.size());
  symbols.push_back({own_name, ELF64_ST_INFO(STB_GLOBAL, STT_FUNC), STV_HIDDEN, 1, t.code.size()});
  if (t.got_symbol)
    symbols.push_back({got_name, ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE), 0, SHN_UNDEF, 0});
  symbols.push_back({callee_name, ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE), 0, SHN_UNDEF, 0});

  const char* rel_name = rela ? ".rela.text" : ".rel.text";
  std::string shstrtab = std::string("\0.symtab\0.strtab\0.shstrtab\0", 27) + rel_name + '\0' +
                         std::string(".data\0.bss\0.note.GNU-stack\0", 27);
  std::uint32_t rel_at = 27, text_at = rel_at + (rela ? 5 : 4);
  std::uint32_t data_at = rel_at + static_cast<std::uint32_t>(std::strlen(rel_name)) + 1;
  std::uint32_t bss_at = data_at + 6, note_at = bss_at + 5;

  std::string out(sizeof(Ehdr), '\0');
  std::uint64_t text_offset = out.size();
  out += t.code;
  std::uint64_t empty_offset = out.size();  // .data, .bss and the note are empty
  align(out, word);
  std::uint64_t symtab_offset = out.size();
  for (const Symbol& s : symbols) {
    Sym sym{};
    sym.st_name = s.name;
    sym.st_info = s.info;
    sym.st_other = s.other;
    sym.st_shndx = s.section;
    sym.st_size = s.size;
    append(out, sym);
  }
  std::uint64_t strtab_offset = out.size();
  out += strtab;
  align(out, word);
  std::uint64_t rel_offset = out.size();
  for (const Relocation& r : t.relocations) {
    Rel rel{};
    rel.r_offset = r.offset;
    if constexpr (sizeof(Rel) == sizeof(Elf64_Rela)) {
      rel.r_info = ELF64_R_INFO(r.symbol, r.type);
      rel.r_addend = r.addend;
    } else {
      rel.r_info = ELF32_R_INFO(r.symbol, r.type);
    }
    append(out, rel);
  }
  std::uint64_t shstrtab_offset = out.size();
  out += shstrtab;
  align(out, word);
  std::uint64_t headers_offset = out.size();

  auto section = [&](std::uint32_t name_at, std::uint32_t type, std::uint64_t flags,
                     std::uint64_t offset, std::uint64_t size, std::uint32_t link,
                     std::uint32_t info, std::uint64_t alignment, std::uint64_t entry_size) {
    Shdr sh{};
    sh.sh_name = name_at;
    sh.sh_type = type;
    sh.sh_flags = flags;
    sh.sh_offset = offset;
    sh.sh_size = size;
    sh.sh_link = link;
    sh.sh_info = info;
    sh.sh_addralign = alignment;
    sh.sh_entsize = entry_size;
    append(out, sh);
  };
  section(0, SHT_NULL, 0, 0, 0, 0, 0, 0, 0);
  section(text_at, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, text_offset, t.code.size(), 0, 0,
          t.text_alignment, 0);
  section(rel_at, rela ? SHT_RELA : SHT_REL, SHF_INFO_LINK, rel_offset,
          t.relocations.size() * sizeof(Rel), 6, 1, word, sizeof(Rel));
  section(data_at, SHT_PROGBITS, SHF_WRITE | SHF_ALLOC, empty_offset, 0, 0, 0, 1, 0);
  section(bss_at, SHT_NOBITS, SHF_WRITE | SHF_ALLOC, empty_offset, 0, 0, 0, 1, 0);
  section(note_at, SHT_PROGBITS, 0, empty_offset, 0, 0, 0, 1, 0);
  section(1, SHT_SYMTAB, 0, symtab_offset, symbols.size() * sizeof(Sym), 7, first_global, word,
          sizeof(Sym));
  section(9, SHT_STRTAB, 0, strtab_offset, strtab.size(), 0, 0, 1, 0);
  section(17, SHT_STRTAB, 0, shstrtab_offset, shstrtab.size(), 0, 0, 1, 0);

  Ehdr ehdr{};
  std::memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
  ehdr.e_ident[EI_CLASS] = t.is64 ? ELFCLASS64 : ELFCLASS32;
  ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
  ehdr.e_ident[EI_VERSION] = EV_CURRENT;
  ehdr.e_type = ET_REL;
  ehdr.e_machine = t.machine;
  ehdr.e_version = EV_CURRENT;
  ehdr.e_shoff = headers_offset;
  ehdr.e_ehsize = sizeof(Ehdr);
  ehdr.e_shentsize = sizeof(Shdr);
  ehdr.e_shnum = 9;
  ehdr.e_shstrndx = 8;
  std::memcpy(out.data(), &ehdr, sizeof ehdr);
  return out;
}

}  // namespace

std::string trampoline_object(std::string_view arch, std::string_view name,
                              std::string_view callee) {
  Trampoline t = trampoline_for(arch);
  if (t.is64)
    return write_object<Elf64_Ehdr, Elf64_Shdr, Elf64_Sym, Elf64_Rela>(t, name, callee);
  return write_object<Elf32_Ehdr, Elf32_Shdr, Elf32_Sym, Elf32_Rel>(t, name, callee);
}

}  // namespace glibcpin
