// The hand-written fixture database (fixtures/testarch.tsv), loaded two ways.
#pragma once

#include "database/arch_db.hpp"
#include "database/pack.hpp"

namespace glibcpin::embedded {
extern const PackedArch testarch;  // packed at build time by glibc-pin-dbpack
}

namespace glibcpin::test {

inline std::string fixture_path(const std::string& name) {
  return std::string(GLIBCPIN_FIXTURES) + "/" + name;
}

// Packed at run time from the TSV (the same code the packer runs).
inline const PackedStorage& runtime_fixture() {
  static const PackedStorage storage =
      pack(read_tsv_file(fixture_path("testarch.tsv")), "testarch.tsv");
  return storage;
}

inline ArchDb fixture_db() {
  return ArchDb(embedded::testarch);
}

inline Release R(const char* text) {
  return parse_release_or_throw(text);
}

}  // namespace glibcpin::test
