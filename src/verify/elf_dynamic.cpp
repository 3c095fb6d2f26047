// The dynamic half of the ELF reader: what the dynamic loader reads from an executable or shared
// object (program headers, the dynamic segment, .dynsym, .gnu.version, .gnu.version_r/_d, the
// build ID note). Every offset, size and count comes from the file and is checked against the
// image before use; every loop is bounded by the image size. Both classes and both byte orders.
#include <map>

#include "verify/elf_image.hpp"

namespace glibcpin {
namespace {

using namespace elf_image;

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
  std::vector<std::uint64_t> needed, soname, rpath, runpath;
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
      case DT_RPATH: rpath.push_back(val); break;
      case DT_RUNPATH: runpath.push_back(val); break;
      case DT_FLAGS_1: req.flags_1 = val; break;
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
  // DT_RUNPATH wins over DT_RPATH (the loader ignores DT_RPATH when both are there).
  for (std::uint64_t index : runpath.empty() ? rpath : runpath) {
    std::string path = img.str(str_off, str_size, index, "DT_RUNPATH");
    for (size_t begin = 0; begin <= path.size();) {
      size_t end = std::min(path.find(':', begin), path.size());
      if (end > begin)
        req.runpath.push_back(path.substr(begin, end - begin));
      begin = end + 1;
    }
  }

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

ElfRequirements read_elf_requirements(const std::string& path, ReadExports exports) {
  MappedFile file(path);
  if (file.bytes().empty())
    throw Error(path + ": empty file, not an ELF file");
  ElfRequirements req = parse_elf(file.bytes(), path, exports);
  file.require_unchanged(path);
  return req;
}

}  // namespace glibcpin
