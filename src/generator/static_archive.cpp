#include "generator/static_archive.hpp"

#include <cstdint>
#include <cstdio>
#include <set>

#include "util/error.hpp"
#include "verify/elf_requirements.hpp"

namespace glibcpin {

static constexpr size_t kHeaderSize = 60;

// A member header: name/ padded to 16, then date, uid, gid, mode, size; zero where `ar D` writes
// zero, so the archive is the same on every run. The long-name table's has only a size.
static std::string header(const std::string& name, size_t size, const char* mode = "644") {
  const char* zero = name == "//" ? "" : "0";
  char text[kHeaderSize + 1];
  std::snprintf(text, sizeof text, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name.c_str(), zero, zero,
                zero, mode, size);
  return std::string(text, kHeaderSize);
}

static void append_padded(std::string& out, const std::string& bytes) {
  out += bytes;
  if (bytes.size() % 2)
    out += '\n';
}

static void append_big_endian(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((value >> shift) & 0xff);
}

std::string static_archive(const std::vector<ObjectForArchive>& members) {
  // Names longer than 15 bytes live in the "//" member, named in headers as "/offset".
  std::string long_names;
  std::vector<std::string> header_names;
  std::set<std::string> seen;
  for (const ObjectForArchive& m : members) {
    if (!seen.insert(m.name).second)
      throw Error("archive member " + m.name + " given twice");
    if (m.name.size() <= 15) {
      header_names.push_back(m.name + "/");
    } else {
      header_names.push_back("/" + std::to_string(long_names.size()));
      long_names += m.name + "/\n";
    }
  }
  if (long_names.size() % 2)  // GNU ar counts the table's padding in its size
    long_names += '\n';
  // The index: each member's global and weak definitions, in member and .symtab order.
  std::vector<std::vector<std::string>> symbols;
  size_t symbol_count = 0, name_bytes = 0;
  for (const ObjectForArchive& m : members) {
    auto bytes = reinterpret_cast<const std::uint8_t*>(m.bytes.data());
    ElfRequirements object = parse_elf({bytes, m.bytes.size()}, m.name);
    if (object.type != ElfType::Relocatable)
      throw Error(m.name + ": not a relocatable object, cannot go into an archive");
    symbol_count += object.defined.size();
    for (const std::string& s : object.defined)
      name_bytes += s.size() + 1;
    symbols.push_back(std::move(object.defined));
  }
  size_t index_size = 4 + 4 * symbol_count + name_bytes;
  index_size += index_size % 2;  // GNU ar counts the index's padding (a NUL) in its size
  // Where each member's header will be: after the magic, the index and the long names.
  size_t offset = 8 + kHeaderSize + index_size;
  if (!long_names.empty())
    offset += kHeaderSize + long_names.size() + long_names.size() % 2;
  std::string index;
  append_big_endian(index, static_cast<std::uint32_t>(symbol_count));
  std::string index_names;
  for (size_t i = 0; i < members.size(); i++) {
    if (offset > UINT32_MAX)
      throw Error("the archive is too large for a 32-bit symbol index");
    for (const std::string& s : symbols[i]) {
      append_big_endian(index, static_cast<std::uint32_t>(offset));
      index_names += s + '\0';
    }
    offset += kHeaderSize + members[i].bytes.size() + members[i].bytes.size() % 2;
  }
  index += index_names;
  index.resize(index_size, '\0');

  std::string out = "!<arch>\n";
  out += header("/", index.size(), "0");
  append_padded(out, index);
  if (!long_names.empty()) {
    out += header("//", long_names.size(), "");
    append_padded(out, long_names);
  }
  for (size_t i = 0; i < members.size(); i++) {
    out += header(header_names[i], members[i].bytes.size());
    append_padded(out, members[i].bytes);
  }
  return out;
}

}  // namespace glibcpin
