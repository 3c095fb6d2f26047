// MappedFile: a file truncated while mapped reads as zeros past its new end, and says so,
// instead of killing the process with SIGBUS.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "util/error.hpp"
#include "util/mapped_file.hpp"

using namespace glibcpin;

namespace {

std::string scratch_file(const std::string& name, std::size_t size) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("glibc-pin-unit-" + std::to_string(getpid()) + "-" + name))
                         .string();
  std::ofstream out(path, std::ios::binary);
  out << std::string(size, 'x');
  return path;
}

}  // namespace

TEST_CASE("a mapped file reads its bytes and is not changed", "[mapped]") {
  std::string path = scratch_file("plain", 10000);
  {
    MappedFile file(path);
    REQUIRE(file.bytes().size() == 10000);
    CHECK(file.bytes()[9999] == 'x');
    CHECK_FALSE(file.changed());
  }
  std::filesystem::remove(path);
}

TEST_CASE("a file truncated while mapped reads zeros past its new end, and is changed", "[mapped]") {
  std::string path = scratch_file("truncated", 3 * 65536);
  {
    MappedFile file(path);
    std::filesystem::resize_file(path, 100);  // what another process might do meanwhile
    volatile const std::uint8_t* bytes = file.bytes().data();
    CHECK(bytes[50] == 'x');               // still in the file
    CHECK(bytes[2 * 65536 + 7] == 0);      // gone: SIGBUS, handled
    CHECK(bytes[2 * 65536 + 8] == 0);      // the same page, now zeros
    CHECK(file.changed());
  }
  {
    MappedFile again(path);  // a new mapping of the short file is not changed
    CHECK(again.bytes().size() == 100);
    CHECK_FALSE(again.changed());
  }
  std::filesystem::remove(path);
}

TEST_CASE("mapping errors name the file", "[mapped]") {
  CHECK_THROWS_WITH(MappedFile("/nonexistent/glibc-pin"),
                    Catch::Contains("/nonexistent/glibc-pin: cannot open"));
  CHECK_THROWS_WITH(MappedFile("/"), Catch::Contains("/: not a regular file"));
}
