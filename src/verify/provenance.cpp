#include "verify/provenance.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "util/error.hpp"
#include "util/split.hpp"

namespace glibcpin {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "glibc-pin link record 1";
constexpr size_t kMaxInputsPerSymbol = 20;  // enough to act on; a record stays small

// The archives a link loaded members of, each mapped once.
struct Archive {
  std::unique_ptr<MappedFile> file;
  std::vector<ArchiveMember> members;
};

// Only relocatable objects reference symbols for the output: shared libraries and linker
// scripts (also in the trace) are skipped before any parsing.
bool is_relocatable_elf(std::span<const std::uint8_t> bytes) {
  return sniff_format(bytes) == FileFormat::Elf && bytes.size() > 17 &&
         (bytes[5] == 2 ? bytes[16] == 0 && bytes[17] == 1 : bytes[16] == 1 && bytes[17] == 0);
}

std::optional<ElfRequirements> read_input(const LinkedInput& input,
                                          std::map<std::string, Archive>& archives) {
  try {
    if (input.member.empty()) {
      MappedFile file(input.file);
      if (!is_relocatable_elf(file.bytes()))
        return std::nullopt;
      ElfRequirements object = parse_elf(file.bytes(), input.file);
      if (file.changed())
        return std::nullopt;
      return object;
    }
    auto [it, added] = archives.try_emplace(input.file);
    if (added) {
      it->second.file = std::make_unique<MappedFile>(input.file);
      if (sniff_format(it->second.file->bytes()) == FileFormat::Archive)
        it->second.members = archive_elf_members(it->second.file->bytes(), input.file);
    }
    for (const ArchiveMember& m : it->second.members)
      if (m.name == input.member && is_relocatable_elf(m.data))
        return parse_elf(m.data, input.label());
  } catch (const Error&) {
    // unreadable or malformed: the linker took it, the record just says less
  }
  return std::nullopt;
}

// Named from anywhere: check --explain may run in another directory.
std::string absolute_label(const LinkedInput& input) {
  std::error_code ec;
  fs::path file = fs::absolute(input.file, ec).lexically_normal();
  return LinkedInput{ec ? input.file : file.string(), input.member}.label();
}

}  // namespace

LinkRecord trace_provenance(const ElfRequirements& output, const std::vector<LinkedInput>& inputs,
                            const std::vector<std::string>& sources) {
  LinkRecord record;
  record.output = output.path;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> wanted;  // name -> (version, key)
  for (const ImportedSymbol& import : output.imports) {
    // Unversioned: a -shared link leaves what no input defines undefined, without a version.
    std::string key = import.version.empty() ? import.name : import.name + "@" + import.version;
    if (record.referenced_by.emplace(key, std::vector<std::string>{}).second)
      wanted[import.name].push_back({import.version, key});
  }

  std::map<std::string, Archive> archives;
  bool objects_gone = false;
  for (const LinkedInput& input : inputs) {
    std::error_code ec;
    if (input.member.empty() && !fs::exists(input.file, ec)) {
      objects_gone = true;
      continue;
    }
    std::optional<ElfRequirements> object = read_input(input, archives);
    if (!object || object->type != ElfType::Relocatable)
      continue;
    std::set<std::string> added;
    for (const ImportedSymbol& ref : object->undefined) {
      auto it = wanted.find(ref.name);
      if (it == wanted.end())
        continue;
      // "memcpy@GLIBC_2.14" (pinned by the header) names its version; a plain "memcpy" binds
      // to whichever version the link chose: that is the import's (none, if it stayed
      // undefined).
      for (const auto& [version, key] : it->second) {
        if (!ref.version.empty() && ref.version != version)
          continue;
        std::vector<std::string>& by = record.referenced_by[key];
        if (added.insert(key).second && by.size() < kMaxInputsPerSymbol)
          by.push_back(absolute_label(input));
      }
    }
  }

  if (objects_gone) {
    std::string made = "an object the compiler made for this link and removed";
    if (!sources.empty()) {
      made += " (compiled from";
      for (const std::string& source : sources)
        made += " " + source;
      made += ")";
    }
    for (auto& [key, by] : record.referenced_by)
      if (by.empty())
        by.push_back(made);
  }
  return record;
}

void save_link_record(const LinkRecord& record, const std::string& dir,
                      const std::string& build_id) {
  if (build_id.empty())
    return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::string path = dir + "/" + build_id;
  std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp);
    out << kHeader << "\n" << "output\t" << record.output << "\n"
        << "target\t" << record.target << "\n";
    for (const auto& [key, inputs] : record.referenced_by)
      for (const std::string& input : inputs)
        out << "ref\t" << key << "\t" << input << "\n";
    if (!out)
      return fs::remove(temp, ec), void();
  }
  fs::rename(temp, path, ec);
  if (ec)
    fs::remove(temp, ec);
}

std::optional<LinkRecord> load_link_record(const std::string& dir, const std::string& build_id) {
  if (build_id.empty())
    return std::nullopt;
  std::ifstream in(dir + "/" + build_id);
  std::string line;
  if (!in || !std::getline(in, line) || line != kHeader)
    return std::nullopt;
  LinkRecord record;
  while (std::getline(in, line)) {
    std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() == 2 && fields[0] == "output")
      record.output = fields[1];
    else if (fields.size() == 2 && fields[0] == "target")
      record.target = fields[1];
    else if (fields.size() == 3 && fields[0] == "ref")
      record.referenced_by[std::string(fields[1])].push_back(std::string(fields[2]));
  }
  return record;
}

}  // namespace glibcpin
