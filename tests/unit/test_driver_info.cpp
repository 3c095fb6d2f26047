// Information-only calls (--version, -dumpversion, -print-*, -v, -Wl,--version) run the tool
// unchanged; -### is a dry run that is still rewritten.
#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: --version is info only") {
  Invocation inv = cc({"--version"});
  CHECK(inv.only_info);
  CHECK_FALSE(inv.links);
  CHECK_FALSE(inv.output.has_value());
  CHECK(rewrite_cc({"--version"}) == Args{"--version"});
}

TEST_CASE("driver: -dumpversion, -dumpmachine and -print-* are info only") {
  for (const char* flag : {"-dumpversion", "-dumpfullversion", "-dumpmachine", "-dumpspecs",
                           "-print-file-name=libc.so", "-print-search-dirs",
                           "-print-prog-name=ld", "--print-multiarch", "--help", "--help=warnings"}) {
    CAPTURE(flag);
    CHECK(cc({flag}).only_info);
    CHECK(rewrite_cc({flag}) == Args{flag});
  }
}

TEST_CASE("driver: -print-file-name with inputs is still info only") {
  CHECK(cc({"-print-libgcc-file-name", "a.c"}).only_info);
}

TEST_CASE("driver: -v alone is info only, -v with inputs compiles verbosely") {
  CHECK(cc({"-v"}).only_info);
  Invocation verbose = cc({"-v", "a.c"});
  CHECK_FALSE(verbose.only_info);
  CHECK(verbose.links);
}

TEST_CASE("driver: gcc -Wl,--version probes the linker and is info only") {
  CHECK(cc({"-Wl,--version"}).only_info);
  CHECK(cc({"-Xlinker", "-v"}).only_info);
  CHECK(rewrite_cc({"-Wl,--version"}) == Args{"-Wl,--version"});
}

TEST_CASE("driver: -### is a dry run that is still rewritten") {
  Invocation inv = cc({"-###", "a.c"});
  CHECK(inv.dry_run);
  CHECK_FALSE(inv.only_info);
  CHECK(rewrite_arguments(inv, kFiles).added_stub_dir);
  CHECK(cc({"-###"}).only_info);
}
