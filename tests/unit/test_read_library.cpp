#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "elf/read_library.hpp"
#include "util/error.hpp"

using namespace glibcpin;

namespace {

const ElfSymbol* find(const ElfLibrary& lib, std::string_view name, std::string_view version) {
  for (const ElfSymbol& s : lib.symbols)
    if (s.name == name && s.version == version)
      return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("read_library: the host x86_64 libc through LIEF") {
  const char* path = "/lib/x86_64-linux-gnu/libc.so.6";
  if (!std::filesystem::exists(path)) {
    WARN("no x86_64 libc at " << path << "; test not run");
    return;
  }
  ElfLibrary lib = read_elf_library(path);
  CHECK(lib.soname == "libc.so.6");
  CHECK(std::count(lib.version_nodes.begin(), lib.version_nodes.end(), "GLIBC_2.2.5") == 1);
  CHECK(std::count(lib.version_nodes.begin(), lib.version_nodes.end(), "libc.so.6") == 0);

  const ElfSymbol* memcpy_new = find(lib, "memcpy", "GLIBC_2.14");
  const ElfSymbol* memcpy_old = find(lib, "memcpy", "GLIBC_2.2.5");
  REQUIRE(memcpy_new);
  REQUIRE(memcpy_old);
  CHECK(memcpy_new->is_default);          // memcpy@@GLIBC_2.14
  CHECK_FALSE(memcpy_old->is_default);    // memcpy@GLIBC_2.2.5
  CHECK(memcpy_new->kind == Kind::Function);  // an IFUNC counts as a function
  CHECK(memcpy_new->type_name == "GNU_IFUNC");

  const ElfSymbol* out = find(lib, "stdout", "GLIBC_2.2.5");
  REQUIRE(out);
  CHECK(out->kind == Kind::Data);
  CHECK(out->size == 8);

  const ElfSymbol* node = find(lib, "GLIBC_2.2.5", "GLIBC_2.2.5");
  REQUIRE(node);
  CHECK(node->is_absolute);
}

TEST_CASE("read_library: a file that is not ELF is an error") {
  CHECK_THROWS_AS(read_elf_library(GLIBCPIN_FIXTURES "/testarch.tsv"), Error);
}
