#include <catch2/catch.hpp>

#include "database/tsv.hpp"
#include "fixture.hpp"
#include "util/error.hpp"

using namespace glibcpin;
using glibcpin::test::fixture_path;

namespace {

const char* kHeader =
    "# arch: a\n"
    "# base-version: GLIBC_2.2.5\n"
    "# releases: 2.17 2.18 2.19\n";

std::string with_row(const std::string& row) {
  return std::string(kHeader) + row + "\n";
}

}  // namespace

TEST_CASE("tsv: reads the fixture header and rows") {
  TsvFile f = read_tsv_file(fixture_path("testarch.tsv"));
  CHECK(f.arch == "testarch");
  CHECK(f.base_version == "GLIBC_2.2.5");
  REQUIRE(f.releases.size() == 7);
  CHECK(f.releases.front() == Release{2, 12});
  CHECK(f.releases.back() == Release{2, 36});
  CHECK(f.observed == std::vector<Release>{{2, 17}, {2, 36}});
  CHECK(f.libraries.size() == 5);
  REQUIRE(f.rows.size() == 31);
  const TsvRow& v = f.rows[0];
  CHECK(v.kind == Kind::VersionNode);
  CHECK(v.symbol.empty());
  CHECK(v.line == 7);
}

TEST_CASE("tsv: a data row keeps its size and default range") {
  TsvFile f = parse_tsv(with_row("libc.so.6\tstdout\tGLIBC_2.2.5\tD\t8\t2.17\t2.19\t2.18-2.19"), "x");
  REQUIRE(f.rows.size() == 1);
  const TsvRow& r = f.rows[0];
  CHECK(r.library == "libc.so.6");
  CHECK(r.symbol == "stdout");
  CHECK(r.kind == Kind::Data);
  CHECK(r.size == 8);
  CHECK(r.first == Release{2, 17});
  CHECK(r.last == Release{2, 19});
  CHECK(r.default_first == Release{2, 18});
  CHECK(r.default_last == Release{2, 19});
}

TEST_CASE("tsv: CRLF line ends and blank lines are accepted") {
  std::string text = "# arch: a\r\n# releases: 2.17\r\n\r\nl.so\ts\tGLIBC_2.17\tF\t0\t2.17\t2.17\t-\r\n";
  CHECK(parse_tsv(text, "x").rows.size() == 1);
}

TEST_CASE("tsv: malformed input is an error naming file and line") {
  auto error_of = [](const std::string& row) {
    try {
      parse_tsv(with_row(row), "m.tsv");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.17\t2.17") ==
        "m.tsv:4: expected 8 tab-separated fields, got 7");
  CHECK(error_of("l\ts\tGLIBC_2.17\tX\t0\t2.17\t2.17\t-") ==
        "m.tsv:4: unknown kind 'X' (expected F, D, T or V)");
  CHECK(error_of("l\ts\tGLIBC_2.17\tD\t8x\t2.17\t2.17\t-") == "m.tsv:4: malformed size '8x'");
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.16\t2.17\t-") ==
        "m.tsv:4: first release 2.16 is not in '# releases:'");
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.19\t2.17\t-") ==
        "m.tsv:4: last release 2.17 is before first 2.19");
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.18\t2.19\t2.17-2.19") ==
        "m.tsv:4: default range 2.17-2.19 is not within 2.18-2.19");
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.17\t2.19\t2.17") ==
        "m.tsv:4: malformed default range '2.17' (expected A-B or -)");
  CHECK(error_of("l\ts\tGLIBC_2.17\tV\t0\t2.17\t2.19\t-") ==
        "m.tsv:4: a version-node row (V) must have '-' as its symbol");
  CHECK(error_of("l\t-\tGLIBC_2.17\tF\t0\t2.17\t2.19\t-") == "m.tsv:4: missing symbol name");
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.x\t2.19\t-") == "m.tsv:4: malformed release '2.x'");
}

TEST_CASE("tsv: a missing or unordered header is an error") {
  CHECK_THROWS_WITH(parse_tsv("# releases: 2.17\nl\ts\tV\tF\t0\t2.17\t2.17\t-\n", "h"),
                    "h:2: missing '# arch:' header line");
  CHECK_THROWS_WITH(parse_tsv("# arch: a\n", "h"), "h:1: missing '# releases:' header line");
  CHECK_THROWS_WITH(parse_tsv("# arch: a\n# releases: 2.18 2.17\nl\ts\tV\tF\t0\t2.17\t2.17\t-\n", "h"),
                    "h:3: '# releases:' must be in increasing order without duplicates");
}

TEST_CASE("tsv: an unreadable file is an error") {
  CHECK_THROWS_WITH(read_tsv_file("/nonexistent/x.tsv"), "cannot open /nonexistent/x.tsv");
}
