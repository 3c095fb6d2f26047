// Compares a real library's exports with what the database says at one release.
#pragma once

#include <string>
#include <vector>

#include "database/arch_db.hpp"
#include "proof/elf_library.hpp"

namespace glibcpin {

struct LibraryComparison {
  std::string library;
  size_t symbols = 0;             // symbol@version pairs compared (from the library)
  size_t version_nodes = 0;
  size_t unversioned = 0;         // exported symbols without a version: not compared
  std::vector<std::string> differences;  // "missing in DB: libc.so.6 foo@GLIBC_2.2.5", ...
  std::vector<std::string> notes;        // explained mismatches that are not differences
};

// GLIBC_PRIVATE and the absolute symbols naming a version node (GLIBC_2.2.5 itself) are
// not part of the ABI and are ignored; GNU_IFUNC counts as a function. The size of
// _nl_default_dirname is the length of "<install prefix>/share/locale", so a runtime built
// with another prefix than /usr gives a note instead of a difference.
LibraryComparison compare_library(const ArchDb& db, Release release, const ElfLibrary& lib);

}  // namespace glibcpin
