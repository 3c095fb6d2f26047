// The ELF reader's building blocks, shared by its two halves (elf_dynamic.cpp: what the dynamic
// loader reads; elf_object.cpp: relocatable objects and ar archives): ELF constants, a
// bounds-checked view of the image, and the program and section header tables.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "util/error.hpp"
#include "verify/elf_requirements.hpp"

namespace glibcpin::elf_image {

// ELF constants (elf.h values; spelled out so the reader does not depend on the host's header).
constexpr std::uint32_t PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4;
constexpr std::uint32_t NT_GNU_BUILD_ID = 3;
constexpr std::uint32_t SHT_SYMTAB = 2, SHT_DYNSYM = 11;
constexpr std::uint64_t DT_NULL = 0, DT_NEEDED = 1, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6,
                        DT_STRSZ = 10, DT_SONAME = 14, DT_RPATH = 15, DT_RUNPATH = 29,
                        DT_RELR = 36, DT_FLAGS_1 = 0x6ffffffb, DT_GNU_HASH = 0x6ffffef5,
                        DT_VERSYM = 0x6ffffff0, DT_VERDEF = 0x6ffffffc, DT_VERDEFNUM = 0x6ffffffd,
                        DT_VERNEED = 0x6ffffffe, DT_VERNEEDNUM = 0x6fffffff;
constexpr std::uint16_t VER_FLG_BASE = 1, VER_FLG_WEAK = 2;
constexpr std::uint16_t VERSYM_HIDDEN = 0x8000, SHN_ABS = 0xfff1;

// Reads integers of the file's byte order from a bounds-checked image.
class Image {
public:
  Image(std::span<const std::uint8_t> bytes, const std::string& name, bool big_endian)
      : bytes_(bytes), name_(name), big_(big_endian) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(name_ + ": malformed ELF file: " + what);
  }
  std::uint64_t size() const { return bytes_.size(); }
  bool contains(std::uint64_t offset, std::uint64_t length) const {
    return offset <= bytes_.size() && length <= bytes_.size() - offset;
  }
  void require(std::uint64_t offset, std::uint64_t length, const char* what) const {
    if (!contains(offset, length)) [[unlikely]]
      fail_outside(offset, length, what);
  }
  std::uint64_t uint(std::uint64_t offset, int width) const {
    require(offset, width, "a field");
    std::uint64_t value = 0;
    for (int i = 0; i < width; i++) {
      int shift = big_ ? 8 * (width - 1 - i) : 8 * i;
      value |= std::uint64_t(bytes_[offset + i]) << shift;
    }
    return value;
  }
  std::uint8_t u8(std::uint64_t o) const { return std::uint8_t(uint(o, 1)); }
  std::uint16_t u16(std::uint64_t o) const { return std::uint16_t(uint(o, 2)); }
  std::uint32_t u32(std::uint64_t o) const { return std::uint32_t(uint(o, 4)); }
  std::uint64_t u64(std::uint64_t o) const { return uint(o, 8); }
  // A NUL-terminated string at `index` of a string table at [table, table + table_size).
  std::string str(std::uint64_t table, std::uint64_t table_size, std::uint64_t index,
                  const char* what) const {
    if (index >= table_size)
      fail(std::string(what) + ": string index " + std::to_string(index) +
           " outside its string table");
    const std::uint8_t* begin = bytes_.data() + table + index;
    const void* nul = std::memchr(begin, 0, table_size - index);
    if (!nul)
      fail(std::string(what) + ": unterminated string");
    return std::string(reinterpret_cast<const char*>(begin),
                       static_cast<const std::uint8_t*>(nul) - begin);
  }

private:
  [[noreturn, gnu::noinline]] void fail_outside(std::uint64_t offset, std::uint64_t length,
                                                const char* what) const {
    fail(std::string(what) + " lies outside the file (offset " + std::to_string(offset) + ", " +
         std::to_string(length) + " bytes; the file has " + std::to_string(bytes_.size()) + ")");
  }

  std::span<const std::uint8_t> bytes_;
  const std::string& name_;
  bool big_;
};

struct Segment {
  std::uint32_t type;
  std::uint64_t offset, vaddr, filesz;
};

struct Section {
  std::uint32_t type, link;
  std::uint64_t offset, size, entsize;
};

struct Layout {
  bool is64;
  std::vector<Segment> segments;
  std::vector<Section> sections;
};

inline std::vector<Segment> read_segments(const Image& img, bool is64, std::uint64_t phoff,
                                   std::uint64_t phentsize, std::uint64_t phnum) {
  std::vector<Segment> out;
  if (phnum == 0)
    return out;
  if (phentsize < (is64 ? 56u : 32u))
    img.fail("program header entries of " + std::to_string(phentsize) + " bytes");
  img.require(phoff, phentsize * phnum, "the program header table");
  for (std::uint64_t i = 0; i < phnum; i++) {
    std::uint64_t p = phoff + i * phentsize;
    Segment s;
    s.type = img.u32(p);
    s.offset = is64 ? img.u64(p + 8) : img.u32(p + 4);
    s.vaddr = is64 ? img.u64(p + 16) : img.u32(p + 8);
    s.filesz = is64 ? img.u64(p + 32) : img.u32(p + 16);
    out.push_back(s);
  }
  return out;
}

inline std::vector<Section> read_sections(const Image& img, bool is64, std::uint64_t shoff,
                                   std::uint64_t shentsize, std::uint64_t shnum) {
  std::vector<Section> out;
  if (shoff == 0)
    return out;
  if (shentsize < (is64 ? 64u : 40u))
    img.fail("section header entries of " + std::to_string(shentsize) + " bytes");
  if (shnum == 0) {  // extended numbering: the count is in section 0's sh_size
    img.require(shoff, shentsize, "the section header table");
    shnum = is64 ? img.u64(shoff + 32) : img.u32(shoff + 20);
  }
  if (shnum > img.size() / shentsize)
    img.fail(std::to_string(shnum) + " section headers do not fit in the file");
  img.require(shoff, shentsize * shnum, "the section header table");
  out.reserve(shnum);
  for (std::uint64_t i = 0; i < shnum; i++) {
    std::uint64_t p = shoff + i * shentsize;
    Section s;
    s.type = img.u32(p + 4);
    s.offset = is64 ? img.u64(p + 24) : img.u32(p + 16);
    s.size = is64 ? img.u64(p + 32) : img.u32(p + 20);
    s.link = is64 ? img.u32(p + 40) : img.u32(p + 24);
    s.entsize = is64 ? img.u64(p + 56) : img.u32(p + 36);
    out.push_back(s);
  }
  return out;
}

// The file offset of virtual address `addr`, through the PT_LOAD segments.
inline std::optional<std::uint64_t> file_offset(const Layout& layout, std::uint64_t addr) {
  for (const Segment& s : layout.segments)
    if (s.type == PT_LOAD && addr >= s.vaddr && addr - s.vaddr < s.filesz)
      return s.offset + (addr - s.vaddr);
  return std::nullopt;
}

inline std::uint64_t offset_of(const Image& img, const Layout& layout, std::uint64_t addr,
                        const char* what) {
  std::optional<std::uint64_t> off = file_offset(layout, addr);
  if (!off)
    img.fail(std::string(what) + " at address 0x" + [&] {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(addr));
      return std::string(buf);
    }() + " is in no loaded segment");
  return *off;
}

// Relocatable objects: the undefined and defined globals of .symtab (elf_object.cpp).
void read_object_symbols(const Image& img, const Layout& layout, ElfRequirements& req);

}  // namespace glibcpin::elf_image
