// Named targets, from symver-maps/profiles.tsv (embedded at build time as profiles_tsv; each
// value's source is cited in the file's comments).
#include "target/target.hpp"

#include "util/error.hpp"

namespace glibcpin {

extern const char profiles_tsv[];  // generated: build/src/generated/profiles_data.cpp

static std::string_view known_or_empty(std::string_view field) {
  return field == "-" ? std::string_view() : field;
}

// manylinux2014_aarch64 -> aarch64 (the wheel platform tags' spelling of architectures).
static std::string_view arch_of_profile_name(std::string_view name) {
  struct Suffix { std::string_view suffix, arch; };
  static constexpr Suffix kSuffixes[] = {
      {"_aarch64", "aarch64"}, {"_i686", "i386"}, {"_x86_64", "x86_64"}};
  for (const Suffix& s : kSuffixes)
    if (name.ends_with(s.suffix))
      return s.arch;
  return {};
}

std::vector<Profile> parse_profiles(std::string_view tsv) {
  std::vector<Profile> out;
  int line_number = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos)
      end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    line_number++;
    if (line.empty() || line.starts_with('#'))
      continue;
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos)
        break;
      start = tab + 1;
    }
    std::string where = "profiles.tsv line " + std::to_string(line_number);
    if (fields.size() != 7)
      throw Error(where + ": want 7 tab-separated fields, got " + std::to_string(fields.size()));
    Profile p;
    p.name = fields[0];
    p.arch = arch_of_profile_name(p.name);
    std::optional<Release> glibc = parse_release(fields[1]);
    if (!glibc)
      throw Error(where + ": '" + std::string(fields[1]) + "' is not a glibc version");
    p.glibc = *glibc;
    p.glibcxx = known_or_empty(fields[2]);
    p.cxxabi = known_or_empty(fields[3]);
    p.gcc = known_or_empty(fields[4]);
    if (fields[5] != "-") {
      std::string_view list = fields[5];
      for (size_t start = 0;;) {
        size_t comma = list.find(',', start);
        p.allowed_libraries.push_back(
            list.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (comma == std::string_view::npos)
          break;
        start = comma + 1;
      }
    }
    p.description = fields[6];
    out.push_back(std::move(p));
  }
  return out;
}

std::span<const Profile> profiles() {
  static const std::vector<Profile> table = parse_profiles(profiles_tsv);
  return table;
}

}  // namespace glibcpin
