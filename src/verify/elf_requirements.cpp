// A bounds-checked reader of what the dynamic loader reads from an ELF file. Every offset, size
// and count comes from the file and is checked against the image before use; every loop is
// bounded by the image size. Both classes and both byte orders.
#include "verify/elf_requirements.hpp"

#include <cerrno>
#include <cstring>
#include <map>
#include <optional>

#include "util/error.hpp"

namespace glibcpin {
namespace {

// ELF constants (elf.h values; spelled out so the reader does not depend on the host's header).
constexpr std::uint32_t PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4;
constexpr std::uint32_t NT_GNU_BUILD_ID = 3;
constexpr std::uint32_t SHT_SYMTAB = 2, SHT_DYNSYM = 11;
constexpr std::uint64_t DT_NULL = 0, DT_NEEDED = 1, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6,
                        DT_STRSZ = 10, DT_SONAME = 14, DT_RELR = 36, DT_GNU_HASH = 0x6ffffef5,
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

std::vector<Segment> read_segments(const Image& img, bool is64, std::uint64_t phoff,
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

std::vector<Section> read_sections(const Image& img, bool is64, std::uint64_t shoff,
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
std::optional<std::uint64_t> file_offset(const Layout& layout, std::uint64_t addr) {
  for (const Segment& s : layout.segments)
    if (s.type == PT_LOAD && addr >= s.vaddr && addr - s.vaddr < s.filesz)
      return s.offset + (addr - s.vaddr);
  return std::nullopt;
}

std::uint64_t offset_of(const Image& img, const Layout& layout, std::uint64_t addr,
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

// The number of .dynsym entries: from its section header, else DT_HASH, else DT_GNU_HASH.
std::uint64_t dynamic_symbol_count(const Image& img, const Layout& layout, std::uint64_t symtab,
                                   std::optional<std::uint64_t> hash,
                                   std::optional<std::uint64_t> gnu_hash) {
  const std::uint64_t entsize = layout.is64 ? 24 : 16;
  for (const Section& s : layout.sections)
    if (s.type == SHT_DYNSYM && s.offset == symtab)
      return s.size / entsize;
  if (hash) {
    std::uint64_t h = offset_of(img, layout, *hash, "DT_HASH");
    return img.u32(h + 4);  // nchain
  }
  if (gnu_hash) {
    std::uint64_t h = offset_of(img, layout, *gnu_hash, "DT_GNU_HASH");
    std::uint64_t nbuckets = img.u32(h), symoffset = img.u32(h + 4), bloom = img.u32(h + 8);
    std::uint64_t buckets = h + 16 + bloom * (layout.is64 ? 8 : 4);
    img.require(buckets, nbuckets * 4, "the GNU hash buckets");
    std::uint64_t last = 0;
    for (std::uint64_t i = 0; i < nbuckets; i++)
      last = std::max<std::uint64_t>(last, img.u32(buckets + 4 * i));
    if (last < symoffset)
      return symoffset;
    std::uint64_t chain = buckets + 4 * nbuckets;
    for (std::uint64_t i = last - symoffset;; i++) {
      if (i > img.size() / 4)
        img.fail("the GNU hash chain does not end");
      if (img.u32(chain + 4 * i) & 1)
        return symoffset + i + 1;
    }
  }
  return 0;
}

void read_dynamic(const Image& img, const Layout& layout, const Segment& dynamic,
                  ReadExports read_exports, ElfRequirements& req) {
  const std::uint64_t dyn_size = layout.is64 ? 16 : 8;
  img.require(dynamic.offset, dynamic.filesz, "the dynamic segment");
  std::vector<std::uint64_t> needed, soname;
  std::optional<std::uint64_t> strtab, strsz, symtab, versym, verneed, verdef, hash, gnu_hash;
  std::uint64_t verneednum = 0, verdefnum = 0;
  for (std::uint64_t p = dynamic.offset; p + dyn_size <= dynamic.offset + dynamic.filesz;
       p += dyn_size) {
    std::uint64_t tag = layout.is64 ? img.u64(p) : img.u32(p);
    std::uint64_t val = layout.is64 ? img.u64(p + 8) : img.u32(p + 4);
    if (tag == DT_NULL)
      break;
    switch (tag) {
      case DT_NEEDED: needed.push_back(val); break;
      case DT_SONAME: soname.push_back(val); break;
      case DT_STRTAB: strtab = val; break;
      case DT_STRSZ: strsz = val; break;
      case DT_SYMTAB: symtab = val; break;
      case DT_HASH: hash = val; break;
      case DT_GNU_HASH: gnu_hash = val; break;
      case DT_VERSYM: versym = val; break;
      case DT_VERNEED: verneed = val; break;
      case DT_VERNEEDNUM: verneednum = val; break;
      case DT_VERDEF: verdef = val; break;
      case DT_VERDEFNUM: verdefnum = val; break;
      case DT_RELR: req.has_relr = true; break;
      default: break;
    }
  }
  if (!strtab) {
    if (!needed.empty() || symtab)
      img.fail("the dynamic segment has no DT_STRTAB");
    return;
  }
  std::uint64_t str_off = offset_of(img, layout, *strtab, "DT_STRTAB");
  std::uint64_t str_size = strsz.value_or(0);
  if (!img.contains(str_off, str_size))
    img.fail("the dynamic string table (DT_STRSZ " + std::to_string(str_size) +
             ") lies outside the file");
  for (std::uint64_t index : needed)
    req.needed.push_back(img.str(str_off, str_size, index, "DT_NEEDED"));
  if (!soname.empty())
    req.soname = img.str(str_off, str_size, soname.front(), "DT_SONAME");

  // Version needs, by version index, as a table: the symbol loop below looks one up for each of
  // a big library's 40,000 symbols.
  std::vector<std::optional<VersionNeed>> need_of;
  if (verneed && verneednum) {
    std::uint64_t vn = offset_of(img, layout, *verneed, "DT_VERNEED");
    std::uint64_t budget = img.size() / 16 + 1;  // entries are 16 bytes: no loop can be longer
    for (std::uint64_t i = 0; i < verneednum; i++) {
      if (budget-- == 0)
        img.fail("the version needs do not end");
      std::uint16_t count = img.u16(vn + 2);
      std::string file = img.str(str_off, str_size, img.u32(vn + 4), "a version need's file");
      std::uint64_t aux = vn + img.u32(vn + 8);
      for (std::uint16_t j = 0; j < count; j++) {
        if (budget-- == 0)
          img.fail("the version needs do not end");
        std::uint16_t flags = img.u16(aux + 4), other = img.u16(aux + 6);
        std::string version = img.str(str_off, str_size, img.u32(aux + 8), "a version need");
        VersionNeed need{file, version, (flags & VER_FLG_WEAK) != 0};
        std::uint16_t index = other & 0x7fff;
        if (index >= need_of.size())
          need_of.resize(index + 1);
        need_of[index] = need;
        req.version_needs.push_back(std::move(need));
        std::uint32_t next = img.u32(aux + 12);
        if (next == 0)
          break;
        aux += next;
      }
      std::uint32_t next = img.u32(vn + 12);
      if (next == 0)
        break;
      vn += next;
    }
  }

  // Version definitions: version index -> name (the base entry names the file itself).
  std::map<std::uint16_t, std::string> defined_versions;
  if (verdef && verdefnum) {
    std::uint64_t vd = offset_of(img, layout, *verdef, "DT_VERDEF");
    std::uint64_t budget = img.size() / 20 + 1;  // entries are 20 bytes: no loop can be longer
    for (std::uint64_t i = 0; i < verdefnum; i++) {
      if (budget-- == 0)
        img.fail("the version definitions do not end");
      std::uint16_t flags = img.u16(vd + 2), index = img.u16(vd + 4);
      std::string name =
          img.str(str_off, str_size, img.u32(vd + img.u32(vd + 12)), "a version definition");
      if (!(flags & VER_FLG_BASE)) {
        defined_versions[index] = name;
        req.version_definitions.push_back(name);
      }
      std::uint32_t next = img.u32(vd + 16);
      if (next == 0)
        break;
      vd += next;
    }
  }

  if (!symtab)
    return;
  std::uint64_t sym_off = offset_of(img, layout, *symtab, "DT_SYMTAB");
  std::uint64_t count = dynamic_symbol_count(img, layout, sym_off, hash, gnu_hash);
  const std::uint64_t entsize = layout.is64 ? 24 : 16;
  if (count > img.size() / entsize)
    img.fail(std::to_string(count) + " dynamic symbols do not fit in the file");
  img.require(sym_off, count * entsize, "the dynamic symbol table");
  std::optional<std::uint64_t> versym_off;
  if (versym) {
    versym_off = offset_of(img, layout, *versym, "DT_VERSYM");
    img.require(*versym_off, count * 2, "the symbol version table");
  }
  for (std::uint64_t i = 1; i < count; i++) {
    std::uint64_t s = sym_off + i * entsize;
    std::uint16_t shndx = layout.is64 ? img.u16(s + 6) : img.u16(s + 14);
    std::uint16_t version_index = versym_off ? img.u16(*versym_off + 2 * i) : 0;
    // A defined symbol whose version is a version *need* is imported too: a copy-relocated
    // data object (environ, __libc_single_threaded, stdout...).
    std::uint16_t index = version_index & 0x7fff;
    const VersionNeed* need =
        index < need_of.size() && need_of[index] ? &*need_of[index] : nullptr;
    if (shndx != 0 && !need) {
      if (read_exports == ReadExports::No || shndx == SHN_ABS)
        continue;
      auto defined = defined_versions.find(version_index & 0x7fff);
      std::uint8_t type = (layout.is64 ? img.u8(s + 4) : img.u8(s + 12)) & 0xf;
      // FUNC 2, GNU_IFUNC 10, OBJECT 1, TLS 6
      char kind = type == 2 || type == 10 ? 'F' : type == 1 ? 'D' : type == 6 ? 'T' : 0;
      if (defined != defined_versions.end() && kind)
        req.exports.push_back({img.str(str_off, str_size, img.u32(s), "a dynamic symbol"),
                               defined->second, !(version_index & VERSYM_HIDDEN), kind,
                               layout.is64 ? img.u64(s + 16) : img.u32(s + 8)});
      continue;
    }
    std::string name = img.str(str_off, str_size, img.u32(s), "a dynamic symbol");
    if (name.empty())
      continue;
    ImportedSymbol import;
    import.name = std::move(name);
    import.weak = ((layout.is64 ? img.u8(s + 4) : img.u8(s + 12)) >> 4) == 2;
    if (need) {
      import.library = need->library;
      import.version = need->version;
    }
    req.imports.push_back(std::move(import));
  }
}

// The GNU build ID (NT_GNU_BUILD_ID in a PT_NOTE segment) in hex; "" when there is none.
std::string read_build_id(const Image& img, const Segment& note) {
  img.require(note.offset, note.filesz, "a PT_NOTE segment");
  std::uint64_t p = note.offset, end = note.offset + note.filesz;
  while (p + 12 <= end) {
    std::uint64_t namesz = img.u32(p), descsz = img.u32(p + 4), type = img.u32(p + 8);
    std::uint64_t name_at = p + 12, desc_at = name_at + ((namesz + 3) & ~3ull);
    std::uint64_t next = desc_at + ((descsz + 3) & ~3ull);
    if (namesz > note.filesz || descsz > note.filesz || next > end)
      return "";  // a malformed note is not the loader's concern, nor ours
    if (type == NT_GNU_BUILD_ID && namesz == 4 &&
        img.str(name_at, namesz, 0, "a note name") == "GNU") {
      static const char digits[] = "0123456789abcdef";
      std::string hex;
      for (std::uint64_t i = 0; i < descsz && i < 64; i++) {
        std::uint8_t byte = img.u8(desc_at + i);
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
      }
      return hex;
    }
    p = next;
  }
  return "";
}

// Relocatable objects: the undefined globals of .symtab.
void read_object_symbols(const Image& img, const Layout& layout, ElfRequirements& req) {
  const std::uint64_t entsize = layout.is64 ? 24 : 16;
  for (const Section& symtab : layout.sections) {
    if (symtab.type != SHT_SYMTAB)
      continue;
    if (symtab.link >= layout.sections.size())
      img.fail(".symtab links to section " + std::to_string(symtab.link) + ", which is none");
    const Section& strtab = layout.sections[symtab.link];
    img.require(strtab.offset, strtab.size, "the symbol string table");
    img.require(symtab.offset, symtab.size, ".symtab");
    for (std::uint64_t s = symtab.offset + entsize; s + entsize <= symtab.offset + symtab.size;
         s += entsize) {
      std::uint8_t bind = (layout.is64 ? img.u8(s + 4) : img.u8(s + 12)) >> 4;
      std::uint16_t shndx = layout.is64 ? img.u16(s + 6) : img.u16(s + 14);
      if (bind != 1 && bind != 2)
        continue;
      std::string name = img.str(strtab.offset, strtab.size, img.u32(s), "a symbol");
      if (name.empty())
        continue;
      if (shndx != 0) {
        req.defined.push_back(std::move(name));
        continue;
      }
      ImportedSymbol sym;
      sym.weak = bind == 2;
      // "name@VERSION" or "name@@VERSION"; a name ending in '@' has no version, and is kept
      // whole (it names no glibc symbol).
      size_t at = name.find('@');
      size_t version_at = at == std::string::npos ? at : name.find_first_not_of('@', at);
      if (version_at != std::string::npos) {
        sym.version = name.substr(version_at);
        name.resize(at);
      }
      sym.name = std::move(name);
      req.undefined.push_back(std::move(sym));
    }
  }
}

}  // namespace

std::string machine_name(std::uint16_t machine, int elf_class) {
  switch (machine) {
    case 62: return elf_class == 64 ? "x86_64" : "x32";
    case 3: return "i386";
    case 183: return elf_class == 64 ? "aarch64" : "aarch64-ilp32";
    case 40: return "arm";
    case 8: return "mips";
    case 20: return "ppc";
    case 21: return "ppc64";
    case 22: return "s390";
    case 243: return "riscv";
    case 258: return "loongarch";
    default: return "machine " + std::to_string(machine);
  }
}

FileFormat sniff_format(std::span<const std::uint8_t> head) {
  auto starts = [&](const char* magic, size_t n) {
    return head.size() >= n && std::memcmp(head.data(), magic, n) == 0;
  };
  if (starts("\177ELF", 4))
    return FileFormat::Elf;
  if (starts("!<arch>\n", 8))
    return FileFormat::Archive;
  if (starts("!<thin>\n", 8))
    return FileFormat::ThinArchive;
  return FileFormat::Other;
}

ElfRequirements parse_elf(std::span<const std::uint8_t> image, const std::string& name,
                          ReadExports exports) {
  if (image.size() < 16 || sniff_format(image) != FileFormat::Elf)
    throw Error(name + ": not an ELF file");
  std::uint8_t elf_class = image[4], data = image[5];
  if (elf_class != 1 && elf_class != 2)
    throw Error(name + ": malformed ELF file: unknown class " + std::to_string(elf_class));
  if (data != 1 && data != 2)
    throw Error(name + ": malformed ELF file: unknown byte order " + std::to_string(data));
  Image img(image, name, data == 2);
  const bool is64 = elf_class == 2;
  if (image.size() < (is64 ? 64u : 52u))
    img.fail("truncated ELF header (" + std::to_string(image.size()) + " bytes)");

  ElfRequirements req;
  req.path = name;
  req.elf_class = is64 ? 64 : 32;
  req.big_endian = data == 2;
  std::uint16_t type = img.u16(16);
  req.type = type == 1 ? ElfType::Relocatable
             : type == 2 ? ElfType::Executable
             : type == 3 ? ElfType::SharedObject
                         : ElfType::Other;
  req.machine = img.u16(18);

  Layout layout;
  layout.is64 = is64;
  std::uint64_t phoff = is64 ? img.u64(32) : img.u32(28);
  std::uint64_t shoff = is64 ? img.u64(40) : img.u32(32);
  std::uint16_t phentsize = img.u16(is64 ? 54 : 42), phnum = img.u16(is64 ? 56 : 44);
  std::uint16_t shentsize = img.u16(is64 ? 58 : 46), shnum = img.u16(is64 ? 60 : 48);
  if (req.type == ElfType::Relocatable) {
    layout.sections = read_sections(img, is64, shoff, shentsize, shnum);
    read_object_symbols(img, layout, req);
    return req;
  }
  if (req.type == ElfType::Other)
    return req;
  layout.segments = read_segments(img, is64, phoff, phentsize, phnum);
  // Section headers only help to count .dynsym; a file without valid ones is still loadable.
  try {
    layout.sections = read_sections(img, is64, shoff, shentsize, shnum);
  } catch (const Error&) {
    layout.sections.clear();
  }
  for (const Segment& s : layout.segments) {
    if (s.type == PT_INTERP) {
      img.require(s.offset, s.filesz, "PT_INTERP");
      const char* begin = reinterpret_cast<const char*>(image.data() + s.offset);
      req.interpreter.assign(begin, strnlen(begin, s.filesz));
    }
  }
  for (const Segment& s : layout.segments)
    if (s.type == PT_NOTE && req.build_id.empty())
      req.build_id = read_build_id(img, s);
  for (const Segment& s : layout.segments) {
    if (s.type == PT_DYNAMIC) {
      req.is_dynamic = true;
      read_dynamic(img, layout, s, exports, req);
      break;
    }
  }
  return req;
}

std::vector<ArchiveMember> archive_elf_members(std::span<const std::uint8_t> image,
                                               const std::string& name) {
  auto fail = [&](const std::string& what) -> void {
    throw Error(name + ": malformed archive: " + what);
  };
  std::vector<ArchiveMember> out;
  std::string_view long_names;
  std::uint64_t pos = 8;
  while (pos < image.size()) {
    if (image.size() - pos < 60)
      fail("truncated member header at offset " + std::to_string(pos));
    const char* header = reinterpret_cast<const char*>(image.data() + pos);
    if (header[58] != '`' || header[59] != '\n')
      fail("bad member header at offset " + std::to_string(pos));
    std::string size_text(header + 48, 10);
    std::uint64_t size = 0;
    bool digits = false;
    for (char c : size_text) {
      if (c == ' ')
        break;
      if (c < '0' || c > '9')
        fail("bad member size '" + size_text + "'");
      size = size * 10 + (c - '0');
      digits = true;
    }
    if (!digits)
      fail("member without a size at offset " + std::to_string(pos));
    std::uint64_t data = pos + 60;
    if (size > image.size() - data)
      fail("member at offset " + std::to_string(pos) + " runs past the end of the file");
    std::string member(header, 16);
    member.erase(member.find_last_not_of(' ') + 1);
    std::span<const std::uint8_t> body = image.subspan(data, size);
    if (member == "/" || member == "/SYM64/" || member.starts_with("__.SYMDEF")) {
      // the symbol index
    } else if (member == "//") {
      long_names = std::string_view(reinterpret_cast<const char*>(body.data()), body.size());
    } else {
      if (member.size() > 1 && member[0] == '/' && member[1] >= '0' && member[1] <= '9') {
        std::uint64_t offset = std::strtoull(member.c_str() + 1, nullptr, 10);
        if (offset >= long_names.size())
          fail("member name offset " + std::to_string(offset) + " outside the name table");
        std::string_view rest = long_names.substr(offset);
        member = std::string(rest.substr(0, rest.find_first_of("/\n")));
      } else if (member.starts_with("#1/")) {  // BSD: the name precedes the data
        std::uint64_t length = std::strtoull(member.c_str() + 3, nullptr, 10);
        if (length > body.size())
          fail("member name longer than the member");
        member.assign(reinterpret_cast<const char*>(body.data()), length);
        body = body.subspan(length);
      } else if (member.ends_with('/')) {
        member.pop_back();
      }
      if (sniff_format(body) == FileFormat::Elf)
        out.push_back({member, body});
    }
    pos = data + size + (size & 1);
  }
  return out;
}

ElfRequirements read_elf_requirements(const std::string& path, ReadExports exports) {
  MappedFile file(path);
  if (file.bytes().empty())
    throw Error(path + ": empty file, not an ELF file");
  ElfRequirements req = parse_elf(file.bytes(), path, exports);
  file.require_unchanged(path);
  return req;
}

}  // namespace glibcpin
