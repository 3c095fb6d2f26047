#include "util/table.hpp"

#include <algorithm>

namespace glibcpin {

void print_table(std::ostream& out, const Table& table, int indent) {
  std::vector<size_t> width;
  for (const auto& row : table.rows) {
    width.resize(std::max(width.size(), row.size()));
    for (size_t i = 0; i < row.size(); i++)
      width[i] = std::max(width[i], row[i].size());
  }
  for (const auto& row : table.rows) {
    std::string line(indent, ' ');
    for (size_t i = 0; i < row.size(); i++) {
      line += row[i];
      if (i + 1 < row.size())
        line += std::string(width[i] - row[i].size() + 2, ' ');
    }
    out << line << "\n";
  }
}

}  // namespace glibcpin
