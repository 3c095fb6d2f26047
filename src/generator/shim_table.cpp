#include "generator/shim_table.hpp"

#include <fstream>

#include "util/error.hpp"
#include "util/split.hpp"

namespace glibcpin {

std::vector<ShimRow> read_shim_table(const std::string& dir) {
  std::string path = dir + "/shims.tsv";
  std::ifstream tsv(path);
  if (!tsv)
    throw Error("cannot read " + path);
  std::vector<ShimRow> rows;
  std::string line;
  int number = 0;
  while (std::getline(tsv, line)) {
    ++number;
    if (line.empty() || line.starts_with("#") || line.starts_with("symbol\t"))
      continue;
    std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() < 5)
      throw Error(path + ":" + std::to_string(number) + ": expected 5 tab-separated fields");
    auto optional = [](std::string_view field) { return field == "-" ? "" : std::string(field); };
    rows.push_back({std::string(fields[0]), parse_release_or_throw(fields[1]),
                    std::string(fields[2]), optional(fields[3]), optional(fields[4])});
  }
  return rows;
}

}  // namespace glibcpin
