// Plain-text tables with aligned columns.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace glibcpin {

struct Table {
  std::vector<std::vector<std::string>> rows;  // the first row is the header, if any

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

// Columns separated by two spaces, each as wide as its widest cell; `indent` spaces first.
void print_table(std::ostream& out, const Table& table, int indent = 0);

}  // namespace glibcpin
