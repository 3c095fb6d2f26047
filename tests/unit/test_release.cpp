#include <catch2/catch.hpp>

#include "database/release.hpp"
#include "util/error.hpp"

using namespace glibcpin;

TEST_CASE("release: parses major.minor and major.minor.patch") {
  CHECK(parse_release("2.17") == Release{2, 17, 0});
  CHECK(parse_release("2.2.5") == Release{2, 2, 5});
  CHECK(parse_release("2.0") == Release{2, 0, 0});
  CHECK(parse_release("3.1") == Release{3, 1, 0});
}

TEST_CASE("release: rejects malformed text") {
  for (const char* bad : {"", "2", "2.", ".17", "2..17", "2.17.", "2.17a", "v2.17", "2.17 ",
                          " 2.17", "2.1.2.3", "2.256", "-2.17", "GLIBC_2.17", "2,17"})
    CHECK_FALSE(parse_release(bad).has_value());
}

TEST_CASE("release: compares numerically, not as text") {
  CHECK(*parse_release("2.9") < *parse_release("2.10"));
  CHECK(*parse_release("2.2.5") < *parse_release("2.3"));
  CHECK(*parse_release("2.3") < *parse_release("2.3.2"));
  CHECK(*parse_release("2.17") == *parse_release("2.17.0"));
}

TEST_CASE("release: prints without a zero patch") {
  CHECK(to_string(Release{2, 17}) == "2.17");
  CHECK(to_string(Release{2, 2, 5}) == "2.2.5");
}

TEST_CASE("release: parse_release_or_throw names the bad text") {
  CHECK_THROWS_WITH(parse_release_or_throw("2.x"),
                    "malformed release '2.x' (expected a glibc release such as 2.17)");
  CHECK_THROWS_AS(parse_release_or_throw(""), Error);
}
