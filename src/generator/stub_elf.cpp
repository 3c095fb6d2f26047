#include "generator/stub_elf.hpp"

#include <elf.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <vector>

#include "util/error.hpp"

namespace glibcpin {

static_assert(std::endian::native == std::endian::little,
              "the stub writer lays out little-endian structures in host byte order");

// The two ELF classes' structures, so one writer serves both.
struct Elf64 {
  using Ehdr = Elf64_Ehdr;
  using Phdr = Elf64_Phdr;
  using Shdr = Elf64_Shdr;
  using Sym = Elf64_Sym;
  using Dyn = Elf64_Dyn;
  using Word = std::uint64_t;  // a GNU hash bloom filter word
  static constexpr unsigned char klass = ELFCLASS64;
  static constexpr std::uint32_t bloom_shift = 6;
};
struct Elf32 {
  using Ehdr = Elf32_Ehdr;
  using Phdr = Elf32_Phdr;
  using Shdr = Elf32_Shdr;
  using Sym = Elf32_Sym;
  using Dyn = Elf32_Dyn;
  using Word = std::uint32_t;
  static constexpr unsigned char klass = ELFCLASS32;
  static constexpr std::uint32_t bloom_shift = 5;
};

static std::uint32_t sysv_hash(std::string_view name) {
  std::uint32_t h = 0;
  for (unsigned char c : name) {
    h = (h << 4) + c;
    std::uint32_t g = h & 0xf0000000;
    h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

static std::uint32_t gnu_hash(std::string_view name) {
  std::uint32_t h = 5381;
  for (unsigned char c : name)
    h = h * 33 + c;
  return h;
}

static std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

// .dynstr: each distinct string once.
class StringTable {
public:
  StringTable() : text_(1, '\0') {}
  std::uint32_t add(std::string_view s) {
    auto [it, inserted] = offsets_.try_emplace(std::string(s), text_.size());
    if (inserted) {
      text_ += s;
      text_ += '\0';
    }
    return it->second;
  }
  const std::string& text() const { return text_; }

private:
  std::string text_;
  std::map<std::string, std::uint32_t, std::less<>> offsets_;
};

// One dynamic symbol before layout: where it sits is known once the sections are placed.
struct DynamicSymbol {
  std::string_view name;
  std::uint16_t versym = 0;  // version index, 0x8000 set for a non-default ("@") version
  unsigned char type = STT_NOTYPE;
  unsigned char bind = STB_GLOBAL;
  enum Where { Absolute, Text, Data, Tls } where = Absolute;
  std::uint64_t offset = 0;  // within its section
  std::uint64_t size = 0;
  std::uint32_t gnu_hash = 0;
};

// A section of the file: the bytes (or, for .tbss, only a size) and its header fields.
struct Section {
  const char* name;
  std::uint32_t type;
  std::uint64_t flags;
  std::uint64_t alignment;
  std::uint64_t entry_size = 0;
  std::string bytes;
  std::uint64_t nobits_size = 0;  // SHT_NOBITS
  std::uint32_t link = 0, info = 0;
  // == the file offset: the stub is never loaded, so one mapping of the file suffices
  std::uint64_t address = 0;
  std::uint64_t size() const { return type == SHT_NOBITS ? nobits_size : bytes.size(); }
};

static Section section(const char* name, std::uint32_t type, std::uint64_t flags,
                       std::uint64_t alignment, std::uint64_t entry_size = 0,
                       std::string bytes = {}) {
  Section s{name, type, flags, alignment, entry_size, std::move(bytes)};
  return s;
}

template <class T>
static void put(std::string& bytes, std::uint64_t offset, const T& value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

template <class T>
static void append(std::string& bytes, const T& value) {
  bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Where each kind of symbol goes, laid out as the assembler lays the reference source out: in
// the database's order, each aligned to 8 (16 for objects of 16 bytes and more), so that a copy
// relocation gets the same size and alignment either way.
struct SymbolPlacement {
  std::vector<DynamicSymbol> symbols;  // without the null symbol
  std::uint64_t text_size = 0, data_size = 0, tls_size = 0;
  std::uint64_t data_alignment = 1, tls_alignment = 1;
};

static SymbolPlacement place_symbols(const StubLibrary& stub, StringTable& strings) {
  std::map<std::string_view, std::uint16_t> node_index;  // 1 is the base (the soname)
  for (size_t i = 0; i < stub.nodes.size(); i++)
    node_index[stub.nodes[i]] = static_cast<std::uint16_t>(i + 2);
  SymbolPlacement p;
  // GNU ld defines each version node as an absolute symbol of that name, too.
  for (const std::string& node : stub.nodes)
    p.symbols.push_back({node, node_index[node], STT_OBJECT, STB_GLOBAL, DynamicSymbol::Absolute});
  std::vector<DynamicSymbol> placed(stub.symbols.size());
  for (size_t i = 0; i < stub.symbols.size(); i++) {
    const StubSymbol& s = stub.symbols[i];
    auto node = node_index.find(s.version);
    if (node == node_index.end())
      throw Error("stub " + stub.soname + ": " + s.name + "'s version '" + s.version +
                  "' is not one of its version nodes");
    DynamicSymbol d;
    d.name = s.name;
    d.versym = node->second | (s.is_default ? 0 : 0x8000);
    d.bind = s.weak ? STB_WEAK : STB_GLOBAL;
    if (s.alias_of >= 0) {
      const DynamicSymbol& object = placed.at(s.alias_of);
      d.type = object.type, d.where = object.where, d.offset = object.offset, d.size = object.size;
    } else {
      std::uint64_t alignment = stub_symbol_alignment(s);
      std::uint64_t* end = &p.text_size;
      d.type = STT_FUNC, d.where = DynamicSymbol::Text, d.size = 1;
      if (s.kind == Kind::Data) {
        d.type = STT_OBJECT, d.where = DynamicSymbol::Data, d.size = s.size, end = &p.data_size;
        p.data_alignment = std::max(p.data_alignment, alignment);
      } else if (s.kind == Kind::Tls) {
        d.type = STT_TLS, d.where = DynamicSymbol::Tls, d.size = s.size, end = &p.tls_size;
        p.tls_alignment = std::max(p.tls_alignment, alignment);
      }
      d.offset = align_up(*end, alignment);
      *end = d.offset + stub_symbol_bytes(s);
    }
    placed[i] = d;
    p.symbols.push_back(d);
  }
  for (DynamicSymbol& d : p.symbols) {
    strings.add(d.name);
    d.gnu_hash = gnu_hash(d.name);
  }
  return p;
}

// GNU ld, linking a program that copies a data object with weak aliases (environ), also
// exports from the program each weak alias it met before the object's global name in the
// library's .dynsym (_environ before __environ). Its own stubs have the global name first; so
// do ours: DT_GNU_HASH orders .dynsym by bucket, and the bucket count is chosen (from about a
// quarter of the symbols up) so that each global name's bucket comes first.
static std::uint32_t bucket_count(const StubLibrary& stub, size_t symbol_count) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> global_weak;  // GNU hashes
  for (const StubSymbol& s : stub.symbols)
    if (s.alias_of >= 0 && s.weak && !stub.symbols[s.alias_of].weak)
      global_weak.emplace_back(gnu_hash(stub.symbols[s.alias_of].name), gnu_hash(s.name));
  std::uint32_t first = std::max<std::uint32_t>(1, symbol_count / 4);
  for (std::uint32_t buckets = first; buckets < first + 100000; buckets++)
    if (std::all_of(global_weak.begin(), global_weak.end(), [&](const auto& pair) {
          return pair.first % buckets <= pair.second % buckets;  // a tie keeps database order
        }))
      return buckets;
  return first;
}

// DT_GNU_HASH wants the hashed symbols ordered by bucket; `symbols` is sorted so beforehand.
template <class C>
static std::string gnu_hash_table(const std::vector<DynamicSymbol>& symbols,
                                  std::uint32_t buckets) {
  constexpr std::uint32_t bits = sizeof(typename C::Word) * 8;
  std::uint32_t words = std::bit_ceil(std::max<std::uint32_t>(1, symbols.size() * 2 / bits));
  std::vector<typename C::Word> bloom(words);
  std::vector<std::uint32_t> bucket(buckets), chain(symbols.size());
  for (size_t i = 0; i < symbols.size(); i++) {
    std::uint32_t h = symbols[i].gnu_hash;
    bloom[(h / bits) % words] |= typename C::Word(1) << (h % bits);
    bloom[(h / bits) % words] |= typename C::Word(1) << ((h >> C::bloom_shift) % bits);
    std::uint32_t b = h % buckets;
    if (bucket[b] == 0)
      bucket[b] = static_cast<std::uint32_t>(i + 1);  // dynsym index; 0 is the null symbol
    bool last = i + 1 == symbols.size() || symbols[i + 1].gnu_hash % buckets != b;
    chain[i] = (h & ~1u) | (last ? 1 : 0);
  }
  std::string out;
  for (std::uint32_t v : {buckets, 1u, words, C::bloom_shift})
    append(out, v);
  for (auto w : bloom)
    append(out, w);
  for (std::uint32_t v : bucket)
    append(out, v);
  for (std::uint32_t v : chain)
    append(out, v);
  return out;
}

static std::string sysv_hash_table(const std::vector<DynamicSymbol>& symbols,
                                   std::uint32_t buckets) {
  std::uint32_t count = static_cast<std::uint32_t>(symbols.size() + 1);
  std::vector<std::uint32_t> bucket(buckets), chain(count);
  for (std::uint32_t i = 1; i < count; i++) {
    std::uint32_t b = sysv_hash(symbols[i - 1].name) % buckets;
    chain[i] = bucket[b];
    bucket[b] = i;
  }
  std::string out;
  append(out, buckets);
  append(out, count);
  for (std::uint32_t v : bucket)
    append(out, v);
  for (std::uint32_t v : chain)
    append(out, v);
  return out;
}

// .gnu.version_d: the base entry (the soname), then each node naming the one before as its
// parent. A node no symbol of this library carries is weak, as GNU ld marks it (libm has
// GLIBC_2.4 for the symbols other architectures added there).
static std::string version_definitions(const StubLibrary& stub, StringTable& strings) {
  std::set<std::string_view> used;
  for (const StubSymbol& s : stub.symbols)
    used.insert(s.version);
  std::string out;
  std::vector<std::string_view> names = {stub.soname};
  names.insert(names.end(), stub.nodes.begin(), stub.nodes.end());
  for (size_t i = 0; i < names.size(); i++) {
    bool has_parent = i >= 2;
    Elf64_Verdef def{};  // the same layout in both classes
    def.vd_version = VER_DEF_CURRENT;
    def.vd_flags = i == 0 ? VER_FLG_BASE : used.count(names[i]) ? 0 : VER_FLG_WEAK;
    def.vd_ndx = static_cast<std::uint16_t>(i + 1);
    def.vd_cnt = has_parent ? 2 : 1;
    def.vd_hash = sysv_hash(names[i]);
    def.vd_aux = sizeof(Elf64_Verdef);
    def.vd_next = i + 1 == names.size()
                      ? 0
                      : static_cast<std::uint32_t>(sizeof(Elf64_Verdef) +
                                                   def.vd_cnt * sizeof(Elf64_Verdaux));
    append(out, def);
    append(out, Elf64_Verdaux{strings.add(names[i]),
                              has_parent ? std::uint32_t{sizeof(Elf64_Verdaux)} : 0u});
    if (has_parent)
      append(out, Elf64_Verdaux{strings.add(names[i - 1]), 0});
  }
  return out;
}

static std::uint16_t machine_of(std::string_view arch) {
  if (arch == "x86_64")
    return EM_X86_64;
  if (arch == "aarch64")
    return EM_AARCH64;
  if (arch == "i386")
    return EM_386;
  throw Error("glibc-pin cannot write stub libraries for " + std::string(arch));
}

template <class C>
static std::string write_stub(const StubLibrary& stub, std::uint16_t machine) {
  StringTable strings;
  std::uint32_t soname = strings.add(stub.soname);
  SymbolPlacement placement = place_symbols(stub, strings);
  std::vector<DynamicSymbol>& symbols = placement.symbols;
  std::uint32_t buckets = bucket_count(stub, symbols.size());
  std::stable_sort(symbols.begin(), symbols.end(), [&](const auto& a, const auto& b) {
    return a.gnu_hash % buckets < b.gnu_hash % buckets;
  });
  std::string verdef = version_definitions(stub, strings);

  // Sections in file order; the symbol table and .dynamic are filled in once addresses are known.
  enum { Hash = 1, GnuHash, DynSym, DynStr, Versym, Verdef, Text, Dynamic, Data, Tbss, ShStrTab };
  constexpr std::uint64_t word = sizeof(typename C::Word);
  std::vector<Section> sections(ShStrTab + 1);
  sections[Hash] =
      section(".hash", SHT_HASH, SHF_ALLOC, word, 4, sysv_hash_table(symbols, buckets));
  sections[GnuHash] = section(".gnu.hash", SHT_GNU_HASH, SHF_ALLOC, word, 0,
                              gnu_hash_table<C>(symbols, buckets));
  sections[DynSym] = section(".dynsym", SHT_DYNSYM, SHF_ALLOC, word, sizeof(typename C::Sym),
                             std::string((symbols.size() + 1) * sizeof(typename C::Sym), '\0'));
  sections[DynStr] = section(".dynstr", SHT_STRTAB, SHF_ALLOC, 1, 0, strings.text());
  sections[Versym] = section(".gnu.version", SHT_GNU_versym, SHF_ALLOC, 2, 2);
  sections[Verdef] = section(".gnu.version_d", SHT_GNU_verdef, SHF_ALLOC, word, 0, verdef);
  sections[Text] = section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 8, 0,
                           std::string(placement.text_size, '\0'));
  sections[Dynamic] = section(".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, word,
                              sizeof(typename C::Dyn));
  sections[Data] = section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE,
                           placement.data_alignment, 0, std::string(placement.data_size, '\0'));
  sections[Tbss] = section(".tbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS,
                           placement.tls_alignment);
  sections[Tbss].nobits_size = placement.tls_size;
  sections[ShStrTab] = section(".shstrtab", SHT_STRTAB, 0, 1);
  sections[Hash].link = sections[GnuHash].link = sections[Versym].link = DynSym;
  sections[DynSym].link = sections[Verdef].link = sections[Dynamic].link = DynStr;
  sections[DynSym].info = 1;  // the first global symbol: all but the null one
  sections[Verdef].info = static_cast<std::uint32_t>(stub.nodes.size() + 1);
  for (const DynamicSymbol& d : symbols)
    append(sections[Versym].bytes, d.versym);
  sections[Versym].bytes.insert(0, 2, '\0');  // the null symbol's entry

  // .dynamic's size is known before the addresses it holds.
  constexpr int kDynamicEntries = 11;
  sections[Dynamic].bytes.resize(kDynamicEntries * sizeof(typename C::Dyn));
  std::vector<std::uint32_t> name_offsets(sections.size());
  for (size_t i = 1; i < sections.size(); i++) {
    name_offsets[i] = static_cast<std::uint32_t>(sections[ShStrTab].bytes.size() + 1);
    sections[ShStrTab].bytes += std::string(1, '\0') + sections[i].name;
  }
  sections[ShStrTab].bytes += '\0';

  // Layout: headers, then every section at its alignment, address == file offset.
  const int kSegments = placement.tls_size ? 6 : 5;
  std::uint64_t offset = sizeof(typename C::Ehdr) + kSegments * sizeof(typename C::Phdr);
  for (size_t i = 1; i < sections.size(); i++) {
    if (sections[i].type == SHT_NOBITS) {  // takes no room in the file
      sections[i].address = align_up(offset, sections[i].alignment);
      continue;
    }
    sections[i].address = offset = align_up(offset, sections[i].alignment);
    offset += sections[i].size();
  }
  std::uint64_t section_headers = align_up(offset, word);

  for (size_t i = 0; i < symbols.size(); i++) {
    const DynamicSymbol& d = symbols[i];
    typename C::Sym sym{};
    sym.st_name = strings.add(d.name);
    sym.st_info = static_cast<unsigned char>((d.bind << 4) | d.type);
    sym.st_size = d.size;
    switch (d.where) {
      case DynamicSymbol::Absolute: sym.st_shndx = SHN_ABS; break;
      case DynamicSymbol::Text:
        sym.st_shndx = Text, sym.st_value = sections[Text].address + d.offset;
        break;
      case DynamicSymbol::Data:
        sym.st_shndx = Data, sym.st_value = sections[Data].address + d.offset;
        break;
      case DynamicSymbol::Tls:  // a TLS symbol's value is its offset in the TLS segment
        sym.st_shndx = Tbss, sym.st_value = d.offset;
        break;
    }
    put(sections[DynSym].bytes, (i + 1) * sizeof sym, sym);
  }
  std::pair<std::int64_t, std::uint64_t> dynamic[kDynamicEntries] = {
      {DT_SONAME, soname},
      {DT_HASH, sections[Hash].address},
      {DT_GNU_HASH, sections[GnuHash].address},
      {DT_STRTAB, sections[DynStr].address},
      {DT_SYMTAB, sections[DynSym].address},
      {DT_STRSZ, sections[DynStr].size()},
      {DT_SYMENT, sizeof(typename C::Sym)},
      {DT_VERDEF, sections[Verdef].address},
      {DT_VERDEFNUM, stub.nodes.size() + 1},
      {DT_VERSYM, sections[Versym].address},
      {DT_NULL, 0}};
  for (int i = 0; i < kDynamicEntries; i++) {
    typename C::Dyn dyn{};
    dyn.d_tag = dynamic[i].first;
    dyn.d_un.d_val = dynamic[i].second;
    put(sections[Dynamic].bytes, i * sizeof dyn, dyn);
  }

  std::string file(section_headers + sections.size() * sizeof(typename C::Shdr), '\0');
  typename C::Ehdr ehdr{};
  std::memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
  ehdr.e_ident[EI_CLASS] = C::klass;
  ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
  ehdr.e_ident[EI_VERSION] = EV_CURRENT;
  ehdr.e_type = ET_DYN;
  ehdr.e_machine = machine;
  ehdr.e_version = EV_CURRENT;
  ehdr.e_phoff = sizeof ehdr;
  ehdr.e_shoff = section_headers;
  ehdr.e_ehsize = sizeof ehdr;
  ehdr.e_phentsize = sizeof(typename C::Phdr);
  ehdr.e_phnum = static_cast<std::uint16_t>(kSegments);
  ehdr.e_shentsize = sizeof(typename C::Shdr);
  ehdr.e_shnum = static_cast<std::uint16_t>(sections.size());
  ehdr.e_shstrndx = ShStrTab;
  put(file, 0, ehdr);

  // Read-only: headers to .gnu.version_d; executable: .text; writable: .dynamic and .data.
  auto segment = [&](std::uint32_t type, std::uint32_t flags, int first, int last,
                     std::uint64_t alignment) {
    typename C::Phdr ph{};
    ph.p_type = type;
    ph.p_flags = flags;
    ph.p_offset = ph.p_vaddr = ph.p_paddr = first ? sections[first].address : 0;
    ph.p_filesz = ph.p_memsz =
        last ? sections[last].address + sections[last].size() - ph.p_offset : 0;
    if (type == PT_TLS)
      ph.p_filesz = 0;
    ph.p_align = alignment;
    return ph;
  };
  std::vector<typename C::Phdr> segments = {
      segment(PT_LOAD, PF_R, 0, Verdef, 0x1000),
      segment(PT_LOAD, PF_R | PF_X, Text, Text, 0x1000),
      segment(PT_LOAD, PF_R | PF_W, Dynamic, Data, 0x1000),
      segment(PT_DYNAMIC, PF_R | PF_W, Dynamic, Dynamic, word),
      segment(PT_GNU_STACK, PF_R | PF_W, 0, 0, 16)};
  if (placement.tls_size)
    segments.push_back(segment(PT_TLS, PF_R, Tbss, Tbss, placement.tls_alignment));
  for (size_t i = 0; i < segments.size(); i++)
    put(file, sizeof ehdr + i * sizeof(typename C::Phdr), segments[i]);

  for (size_t i = 1; i < sections.size(); i++) {
    const Section& s = sections[i];
    typename C::Shdr sh{};
    sh.sh_name = name_offsets[i];
    sh.sh_type = s.type;
    sh.sh_flags = s.flags;
    sh.sh_addr = s.flags & SHF_ALLOC ? s.address : 0;
    sh.sh_offset = s.address;
    sh.sh_size = s.size();
    sh.sh_link = s.link;
    sh.sh_info = s.info;
    sh.sh_addralign = s.alignment;
    sh.sh_entsize = s.entry_size;
    put(file, section_headers + i * sizeof sh, sh);
    if (s.type != SHT_NOBITS)
      file.replace(s.address, s.bytes.size(), s.bytes);
  }
  return file;
}

std::string stub_elf(const StubLibrary& stub, std::string_view arch) {
  std::uint16_t machine = machine_of(arch);
  return arch == "i386" ? write_stub<Elf32>(stub, machine) : write_stub<Elf64>(stub, machine);
}

}  // namespace glibcpin
