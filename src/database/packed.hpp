// The compact form of one architecture's database: a string pool and arrays of plain
// structs, sorted for binary search. The packer (glibc-pin-dbpack) emits it as C++
// source at build time, so opening the database costs nothing at run time.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace glibcpin {

// A string in the pool.
struct PoolString {
  std::uint32_t offset;
  std::uint32_t length;
};

struct PackedRelease {
  std::uint8_t major, minor, patch;
};

inline constexpr std::uint8_t kNoDefault = 0xff;

// One symbol row: library exports symbol@version from release `first` to `last`
// (indexes into `releases`), the default one from `default_first` to `default_last`
// (kNoDefault when never).
struct PackedRow {
  std::uint32_t symbol;    // index into `symbols`
  std::uint32_t size;      // bytes, for data and TLS objects
  std::uint16_t library;   // index into `libraries`
  std::uint16_t version;   // index into `versions`, which are in version order
  std::uint8_t kind;       // 'F', 'D' or 'T'
  std::uint8_t first;
  std::uint8_t last;
  std::uint8_t default_first;
  std::uint8_t default_last;
  // Field by field: the struct has padding, which memcmp would compare too.
  bool operator==(const PackedRow&) const = default;
};

// A distinct symbol name; its rows are rows[first_row, first_row + row_count),
// sorted by library, version, first.
struct PackedSymbol {
  PoolString name;
  std::uint32_t first_row;
  std::uint32_t row_count;
};

// A version node a library defines from release `first` to `last`.
struct PackedNode {
  std::uint16_t library;
  std::uint16_t version;
  std::uint8_t first;
  std::uint8_t last;
};

struct PackedArch {
  std::string_view name;           // "x86_64"
  std::string_view base_version;   // "GLIBC_2.2.5"
  std::string_view pool;
  std::span<const PackedRelease> releases;   // oldest first
  std::span<const PackedRelease> observed;   // releases whose default status was observed
  std::span<const PoolString> versions;      // sorted by compare_version_nodes
  std::span<const PoolString> libraries;     // sorted by name
  std::span<const std::uint8_t> presence;    // [library * releases.size() + release]: 1 if it exists
  std::span<const PackedSymbol> symbols;     // sorted by name (byte order)
  std::span<const PackedRow> rows;           // sorted by symbol, library, version, first
  std::span<const PackedNode> nodes;         // sorted by library, version, first
  std::span<const std::uint32_t> library_rows;        // row indexes sorted by library, symbol, ...
  std::span<const std::uint32_t> library_rows_begin;  // libraries.size() + 1 offsets into library_rows
};

}  // namespace glibcpin
