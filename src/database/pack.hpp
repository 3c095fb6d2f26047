// Turns a parsed TSV into the packed form (database/packed.hpp), checking its consistency.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "database/packed.hpp"
#include "database/tsv.hpp"

namespace glibcpin {

// Owns the arrays a PackedArch points into.
struct PackedStorage {
  std::string name;
  std::string base_version;
  std::string pool;
  std::vector<PackedRelease> releases;
  std::vector<PackedRelease> observed;
  std::vector<PoolString> versions;
  std::vector<PoolString> libraries;
  std::vector<std::uint8_t> presence;
  std::vector<PackedSymbol> symbols;
  std::vector<PackedRow> rows;
  std::vector<PackedNode> nodes;
  std::vector<std::uint32_t> library_rows;
  std::vector<std::uint32_t> library_rows_begin;

  // Valid while this storage lives and is not modified.
  PackedArch view() const;
};

// Throws Error naming the TSV line for inconsistent data: duplicate or overlapping rows,
// two default versions of one symbol at the same release, too many releases.
PackedStorage pack(const TsvFile& file, const std::string& filename);

// C++ source defining `extern const glibcpin::PackedArch <variable>` in namespace
// glibcpin::embedded.
std::string generate_cpp(const PackedStorage& storage, const std::string& variable);

// C++ source defining embedded_archs() over the given variables, in this order.
std::string generate_registry_cpp(const std::vector<std::string>& variables);

}  // namespace glibcpin
