#include "elf/soname.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace glibcpin {
namespace {

constexpr std::uint32_t PT_LOAD_ = 1;
constexpr std::uint32_t PT_DYNAMIC_ = 2;
constexpr std::int64_t DT_NULL_ = 0;
constexpr std::int64_t DT_STRTAB_ = 5;
constexpr std::int64_t DT_SONAME_ = 14;

struct Reader {
  std::ifstream in;
  bool is64 = false;

  bool read(std::uint64_t offset, void* buf, size_t size) {
    in.seekg(offset);
    in.read(static_cast<char*>(buf), size);
    return static_cast<size_t>(in.gcount()) == size;
  }
  template <typename T>
  T get(const unsigned char* p) {  // little-endian field
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  std::uint64_t word(const unsigned char* p) {
    return is64 ? get<std::uint64_t>(p) : get<std::uint32_t>(p);
  }
};

struct Load {
  std::uint64_t vaddr, offset, filesz;
};

}  // namespace

unsigned elf_machine_of_arch(std::string_view arch) {
  if (arch == "x86_64") return 62;
  if (arch == "i386") return 3;
  if (arch == "aarch64") return 183;
  return 0;
}

std::optional<SharedObjectId> read_shared_object_id(const std::string& path) {
  Reader r;
  r.in.open(path, std::ios::binary);
  unsigned char eh[64];
  if (!r.in || !r.read(0, eh, 52) || std::memcmp(eh, "\177ELF", 4) != 0 || eh[5] != 1)
    return std::nullopt;
  r.is64 = eh[4] == 2;
  if (r.is64 && !r.read(0, eh, 64))
    return std::nullopt;
  if (r.get<std::uint16_t>(eh + 16) != 3)  // ET_DYN
    return std::nullopt;

  SharedObjectId id;
  id.machine = r.get<std::uint16_t>(eh + 18);
  std::uint64_t phoff = r.is64 ? r.get<std::uint64_t>(eh + 32) : r.get<std::uint32_t>(eh + 28);
  unsigned phentsize = r.get<std::uint16_t>(eh + (r.is64 ? 54 : 42));
  unsigned phnum = r.get<std::uint16_t>(eh + (r.is64 ? 56 : 44));
  if (phnum == 0 || phentsize < (r.is64 ? 56u : 32u) || phnum > 4096)
    return std::nullopt;

  std::vector<unsigned char> ph(size_t(phentsize) * phnum);
  if (!r.read(phoff, ph.data(), ph.size()))
    return std::nullopt;
  std::vector<Load> loads;
  std::optional<Load> dynamic;
  for (unsigned i = 0; i < phnum; i++) {
    const unsigned char* p = ph.data() + size_t(i) * phentsize;
    std::uint32_t type = r.get<std::uint32_t>(p);
    Load l = r.is64 ? Load{r.get<std::uint64_t>(p + 16), r.get<std::uint64_t>(p + 8),
                           r.get<std::uint64_t>(p + 32)}
                    : Load{r.get<std::uint32_t>(p + 8), r.get<std::uint32_t>(p + 4),
                           r.get<std::uint32_t>(p + 16)};
    if (type == PT_LOAD_)
      loads.push_back(l);
    else if (type == PT_DYNAMIC_)
      dynamic = l;
  }
  if (!dynamic || dynamic->filesz > (1u << 20))
    return std::nullopt;

  std::vector<unsigned char> dyn(dynamic->filesz);
  if (!r.read(dynamic->offset, dyn.data(), dyn.size()))
    return std::nullopt;
  size_t entsize = r.is64 ? 16 : 8;
  std::optional<std::uint64_t> strtab, soname;
  for (size_t off = 0; off + entsize <= dyn.size(); off += entsize) {
    std::int64_t tag = r.is64 ? r.get<std::int64_t>(&dyn[off]) : r.get<std::int32_t>(&dyn[off]);
    std::uint64_t val = r.word(&dyn[off + entsize / 2]);
    if (tag == DT_NULL_)
      break;
    if (tag == DT_STRTAB_)
      strtab = val;
    else if (tag == DT_SONAME_)
      soname = val;
  }
  if (!strtab || !soname)
    return id;

  for (const Load& l : loads) {
    if (*strtab < l.vaddr || *strtab >= l.vaddr + l.filesz)
      continue;
    char buf[256];
    r.in.clear();
    r.in.seekg(l.offset + (*strtab - l.vaddr) + *soname);
    r.in.read(buf, sizeof buf);
    size_t n = r.in.gcount();
    size_t len = strnlen(buf, n);
    if (len < n)
      id.soname.assign(buf, len);
    break;
  }
  return id;
}

}  // namespace glibcpin
