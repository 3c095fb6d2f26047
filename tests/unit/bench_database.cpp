// Not run by CTest (hidden tag). Measures the embedded database:
//   build/tests/unit/glibcpin-unit "[.bench]"
#include <chrono>
#include <iostream>

#include <catch2/catch.hpp>

#include "database/embedded.hpp"

using namespace glibcpin;

namespace {

double micros_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

TEST_CASE("bench: open the database and answer queries", "[.bench]") {
  for (const PackedArch* packed : embedded_archs()) {
    auto start = std::chrono::steady_clock::now();
    ArchDb db = open_arch(packed->name);
    Release at = db.newest();
    bool found = db.binding("memcpy", "libc.so.6", at).has_value();
    std::vector<Entry> entries = db.entries_of("pthread_create");
    double first_query = micros_since(start);

    start = std::chrono::steady_clock::now();
    std::vector<Export> exports = db.exports_at("libc.so.6", at);
    double all_exports = micros_since(start);

    constexpr int kRounds = 100000;
    size_t hits = 0;
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; i++)
      hits += db.binding("clock_gettime", "libc.so.6", at).has_value();
    double per_binding = micros_since(start) / kRounds;

    std::cout << db.name() << ": " << db.symbol_row_count() << " rows, " << db.symbol_count()
              << " symbols; open + binding + entries_of: " << first_query
              << " us; exports_at(libc.so.6, " << to_string(at) << ") = " << exports.size()
              << " in " << all_exports << " us; binding: " << per_binding << " us\n";
    CHECK((found && hits == kRounds && !entries.empty()));
  }
}
