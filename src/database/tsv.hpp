// Reads symver-maps/<arch>.tsv (format: symver-maps/FORMAT.md) into plain rows.
// Used at build time by the packer and by tests; the tool itself never parses TSV.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database/kind.hpp"
#include "database/release.hpp"

namespace glibcpin {

struct TsvRow {
  std::string library;
  std::string symbol;   // "" for a version-node row
  std::string version;
  Kind kind = Kind::Function;
  std::uint32_t size = 0;
  Release first;
  Release last;
  std::optional<Release> default_first;  // nullopt: never the default during the run
  std::optional<Release> default_last;
  int line = 0;
};

struct TsvFile {
  std::string arch;
  std::string base_version;
  std::vector<Release> releases;           // oldest first
  std::vector<Release> observed;           // default-status-observed-at
  std::vector<std::string> libraries;      // from the header
  std::vector<TsvRow> rows;
};

// Throws Error("FILENAME:LINE: ...") on malformed input.
TsvFile parse_tsv(std::string_view text, std::string_view filename);

// Reads and parses a file; throws Error when it cannot be read.
TsvFile read_tsv_file(const std::string& path);

}  // namespace glibcpin
