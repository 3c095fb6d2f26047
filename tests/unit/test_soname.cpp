#include <filesystem>

#include <catch2/catch.hpp>

#include "elf/soname.hpp"
#include "fixture.hpp"

using namespace glibcpin;

TEST_CASE("soname: non-ELF and missing files are not shared objects") {
  CHECK_FALSE(read_shared_object_id(test::fixture_path("testarch.tsv")).has_value());
  CHECK_FALSE(read_shared_object_id("/nonexistent/libc.so.6").has_value());
}

TEST_CASE("soname: the running libc has its DT_SONAME") {
  // The library the test binary itself runs on; every supported host has one.
  for (const char* path : {"/lib/x86_64-linux-gnu/libc.so.6", "/lib/i386-linux-gnu/libc.so.6",
                           "/lib/aarch64-linux-gnu/libc.so.6"}) {
    if (!std::filesystem::exists(path))
      continue;
    std::optional<SharedObjectId> id = read_shared_object_id(path);
    REQUIRE(id.has_value());
    CHECK(id->soname == "libc.so.6");
    CHECK(id->machine != 0);
  }
}

TEST_CASE("soname: architecture names map to ELF machines") {
  CHECK(elf_machine_of_arch("x86_64") == 62);
  CHECK(elf_machine_of_arch("i386") == 3);
  CHECK(elf_machine_of_arch("aarch64") == 183);
  CHECK(elf_machine_of_arch("vax") == 0);
}
