// The option table: compiler options match exact names first, then the longest prefix; linker
// long options take one or two dashes, short ones join their values.
#include <catch2/catch.hpp>

#include "driver/option_table.hpp"
#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: compiler option matching prefers exact names and the longest prefix") {
  std::optional<OptionMatch> mf = match_compiler_option("-MFdeps.d");
  REQUIRE(mf);
  CHECK(mf->spec->name == "-MF");
  CHECK(mf->value == "deps.d");
  std::optional<OptionMatch> inc = match_compiler_option("-include-pch");
  REQUIRE(inc);
  CHECK(inc->spec->name == "-include-pch");
  CHECK(inc->value_is_next);
  std::optional<OptionMatch> undef = match_compiler_option("-undef");
  REQUIRE(undef);
  CHECK(undef->spec->name == "-undef");
  CHECK_FALSE(match_compiler_option("-MD").has_value());
  CHECK_FALSE(match_compiler_option("-static-libgcc").has_value());
  CHECK_FALSE(match_compiler_option("a.c").has_value());
  CHECK_FALSE(match_compiler_option("-").has_value());
}

TEST_CASE("driver: linker long options take one or two dashes, short ones join values") {
  std::optional<OptionMatch> soname = match_linker_option("--soname=libx.so");
  REQUIRE(soname);
  CHECK(soname->spec->name == "soname");
  CHECK(soname->value == "libx.so");
  std::optional<OptionMatch> single = match_linker_option("-soname");
  REQUIRE(single);
  CHECK(single->value_is_next);
  std::optional<OptionMatch> lib = match_linker_option("-lpthread");
  REQUIRE(lib);
  CHECK(lib->spec->name == "l");
  CHECK(lib->value == "pthread");
  CHECK_FALSE(match_linker_option("--lpthread").has_value());  // short options take one dash
  std::optional<OptionMatch> lto = match_linker_option("--lto-O2");
  REQUIRE(lto);
  CHECK(lto->spec->name == "lto-");
  std::optional<OptionMatch> rpath_link = match_linker_option("-rpath-link=/x");
  REQUIRE(rpath_link);
  CHECK(rpath_link->spec->name == "rpath-link");
}
