#include <algorithm>
#include <cstring>

#include <catch2/catch.hpp>

#include "database/pack.hpp"
#include "fixture.hpp"
#include "util/error.hpp"

using namespace glibcpin;
using namespace glibcpin::test;

namespace {

std::string error_of(const std::string& rows) {
  std::string text = "# arch: a\n# releases: 2.17 2.18 2.19\n" + rows;
  try {
    pack(parse_tsv(text, "p.tsv"), "p.tsv");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

template <typename T>
bool same_bytes(std::span<const T> a, std::span<const T> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

}  // namespace

TEST_CASE("pack: the build-time packed fixture equals the run-time packed one") {
  PackedArch built = embedded::testarch;
  PackedArch runtime = runtime_fixture().view();
  CHECK(built.name == runtime.name);
  CHECK(built.base_version == runtime.base_version);
  CHECK(built.pool == runtime.pool);
  CHECK(same_bytes(built.releases, runtime.releases));
  CHECK(same_bytes(built.observed, runtime.observed));
  CHECK(same_bytes(built.versions, runtime.versions));
  CHECK(same_bytes(built.libraries, runtime.libraries));
  CHECK(same_bytes(built.presence, runtime.presence));
  CHECK(same_bytes(built.symbols, runtime.symbols));
  CHECK(std::ranges::equal(built.rows, runtime.rows));  // PackedRow has padding bytes
  CHECK(same_bytes(built.nodes, runtime.nodes));
  CHECK(same_bytes(built.library_rows, runtime.library_rows));
  CHECK(same_bytes(built.library_rows_begin, runtime.library_rows_begin));
}

TEST_CASE("pack: version nodes are stored in numeric order") {
  ArchDb db = fixture_db();
  CHECK(db.version_nodes_at("libc.so.6", R("2.36")) ==
        std::vector<std::string_view>{"GLIBC_2.2.5", "GLIBC_2.3", "GLIBC_2.3.2", "GLIBC_2.10",
                                      "GLIBC_2.14", "GLIBC_2.17", "GLIBC_2.34"});
}

TEST_CASE("pack: overlapping runs of one symbol@version are an error") {
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.17\t2.18\t-\n"
                 "l\ts\tGLIBC_2.17\tF\t0\t2.18\t2.19\t-\n") ==
        "p.tsv:4: overlaps the row on line 3");
}

TEST_CASE("pack: two default versions at one release are an error") {
  CHECK(error_of("l\ts\tGLIBC_2.17\tF\t0\t2.17\t2.19\t2.17-2.19\n"
                 "l\ts\tGLIBC_2.18\tF\t0\t2.18\t2.19\t2.18-2.19\n") ==
        "p.tsv:4: two default versions at release 2.18 (see line 3)");
}

TEST_CASE("pack: the same symbol in two libraries may be default in both") {
  CHECK(error_of("a.so\ts\tGLIBC_2.17\tF\t0\t2.17\t2.19\t2.17-2.19\n"
                 "b.so\ts\tGLIBC_2.17\tF\t0\t2.17\t2.19\t2.17-2.19\n") == "no error");
}

TEST_CASE("pack: overlapping version-node rows are an error") {
  CHECK(error_of("l\t-\tGLIBC_2.17\tV\t0\t2.17\t2.18\t-\n"
                 "l\t-\tGLIBC_2.17\tV\t0\t2.18\t2.19\t-\n") ==
        "p.tsv:4: version node row overlaps another one");
}

TEST_CASE("pack: generated C++ names the variable and the arrays") {
  std::string cpp = generate_cpp(runtime_fixture(), "testarch");
  CHECK(cpp.find("const PackedArch testarch = {") != std::string::npos);
  CHECK(cpp.find("const PackedRow rows[] = {") != std::string::npos);
  CHECK(generate_registry_cpp({}).find("return {};") != std::string::npos);
  CHECK(generate_registry_cpp({"x86_64", "i386"}).find("&embedded::i386") != std::string::npos);
}
