#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "proof/compare.hpp"

using namespace glibcpin;
using namespace glibcpin::test;

namespace {

ElfSymbol fn(const char* name, const char* version, bool is_default) {
  return {name, version, Kind::Function, "FUNC", 0, is_default, false};
}

ElfSymbol data(const char* name, const char* version, std::uint64_t size, bool is_default) {
  return {name, version, Kind::Data, "OBJECT", size, is_default, false};
}

// libc.so.6 at 2.14 exactly as the fixture describes it.
ElfLibrary libc_2_14() {
  ElfLibrary lib;
  lib.soname = "libc.so.6";
  lib.version_nodes = {"GLIBC_2.2.5", "GLIBC_2.3", "GLIBC_2.3.2", "GLIBC_2.10", "GLIBC_2.14",
                       "GLIBC_PRIVATE"};
  lib.symbols = {
      data("_test_errlist", "GLIBC_2.10", 1080, true),
      fn("memcpy", "GLIBC_2.2.5", false),
      {"memcpy", "GLIBC_2.14", Kind::Function, "GNU_IFUNC", 0, true, false},
      fn("realpath", "GLIBC_2.2.5", false),
      fn("realpath", "GLIBC_2.3", true),
      data("stdout", "GLIBC_2.2.5", 8, true),
      fn("__libc_private_thing", "GLIBC_PRIVATE", true),
      {"GLIBC_2.14", "GLIBC_2.14", Kind::Data, "OBJECT", 0, true, true},  // ABS version symbol
  };
  return lib;
}

}  // namespace

TEST_CASE("compare: a library matching the database has no differences") {
  LibraryComparison c = compare_library(fixture_db(), R("2.14"), libc_2_14());
  CHECK(c.differences.empty());
  CHECK(c.symbols == 6);
  CHECK(c.version_nodes == 5);
}

TEST_CASE("compare: every kind of difference is reported") {
  ElfLibrary lib = libc_2_14();
  lib.version_nodes.push_back("GLIBC_2.15");
  lib.version_nodes.erase(lib.version_nodes.begin() + 1);  // GLIBC_2.3
  lib.symbols[0].size = 1088;                          // _test_errlist
  lib.symbols[1].is_default = true;                    // memcpy@GLIBC_2.2.5
  lib.symbols[3].kind = Kind::Data;                    // realpath@GLIBC_2.2.5
  lib.symbols[3].type_name = "OBJECT";
  lib.symbols.erase(lib.symbols.begin() + 5);          // stdout
  lib.symbols.push_back(fn("strlcpy", "GLIBC_2.14", true));
  lib.symbols.push_back({"weird", "", std::nullopt, "NOTYPE", 0, false, false});

  LibraryComparison c = compare_library(fixture_db(), R("2.14"), lib);
  CHECK(c.unversioned == 1);
  CHECK(c.differences == std::vector<std::string>{
                             "missing in DB: libc.so.6 version node GLIBC_2.15",
                             "extra in DB: libc.so.6 version node GLIBC_2.3",
                             "size differs: libc.so.6 _test_errlist@GLIBC_2.10: library has 1088, "
                             "DB has 1080",
                             "default differs: libc.so.6 memcpy@GLIBC_2.2.5: library has @@ "
                             "(default), DB has @ (compat)",
                             "kind differs: libc.so.6 realpath@GLIBC_2.2.5: library has OBJECT, "
                             "DB has function",
                             "missing in DB: libc.so.6 strlcpy@GLIBC_2.14",
                             "extra in DB: libc.so.6 stdout@GLIBC_2.2.5",
                         });
}

TEST_CASE("compare: a library the database lacks at that release is all differences") {
  ElfLibrary lib;
  lib.soname = "libcrypt.so.1";
  lib.version_nodes = {"GLIBC_2.2.5"};
  lib.symbols = {fn("crypt", "GLIBC_2.2.5", true)};
  CHECK(compare_library(fixture_db(), R("2.33"), lib).differences.empty());
  CHECK(compare_library(fixture_db(), R("2.34"), lib).differences ==
        std::vector<std::string>{"missing in DB: libcrypt.so.1 version node GLIBC_2.2.5",
                                 "missing in DB: libcrypt.so.1 crypt@GLIBC_2.2.5"});
}
