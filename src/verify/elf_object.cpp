// The other half of the ELF reader: relocatable objects (.symtab's undefined and defined
// globals), ar archives (their ELF members) and what a file starts with. Bounds-checked like the
// dynamic half (elf_dynamic.cpp).
#include "verify/elf_image.hpp"

namespace glibcpin {

// Relocatable objects: the undefined globals of .symtab.
void elf_image::read_object_symbols(const Image& img, const Layout& layout,
                                    ElfRequirements& req) {
  using namespace elf_image;
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
  if (starts("PK\3\4", 4) || starts("PK\5\6", 4))
    return FileFormat::Zip;
  return FileFormat::Other;
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

}  // namespace glibcpin
