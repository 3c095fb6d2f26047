// Kinds of link: -nostdlib, -static, -static-pie, -shared and -r, and what each gets of the
// target's files.
#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: -nostdlib still gets the stub dir") {
  Invocation inv = cc({"-nostdlib", "start.o", "a.o", "-lc"});
  CHECK(inv.nostdlib);
  CHECK(inv.nostartfiles);
  CHECK(rewrite_arguments(inv, kFiles).added_stub_dir);
  CHECK(cc({"-nodefaultlibs", "a.o"}).nostdlib);
  CHECK(cc({"-nolibc", "a.o"}).nostdlib);
  CHECK_FALSE(cc({"-nostartfiles", "a.o"}).nostdlib);
  CHECK(cc({"-nostartfiles", "a.o"}).nostartfiles);
}

TEST_CASE("driver: -static links get no stub dir") {
  Invocation inv = cc({"-static", "a.o", "-o", "a"});
  CHECK(inv.is_static);
  CHECK(inv.links);
  CHECK(rewrite_cc({"-static", "a.o", "-o", "a"}) == Args{"-static", "a.o", "-o", "a"});
}

TEST_CASE("driver: -static compiles get no header") {
  // A static libc has no symbol versions: memcpy@GLIBC_2.2.5 would stay undefined.
  CHECK(rewrite_cc({"-static", "a.c"}) == Args{"-static", "a.c"});
}

TEST_CASE("driver: -static-pie is static, -static-libgcc and -static-libstdc++ are not") {
  CHECK(cc({"-static-pie", "a.o"}).is_static);
  CHECK(cc({"--static", "a.o"}).is_static);
  CHECK_FALSE(cc({"-static-libgcc", "a.o"}).is_static);
  CHECK_FALSE(cc({"-static-libstdc++", "a.o"}).is_static);
}

TEST_CASE("driver: -shared is detected") {
  Invocation inv = cc({"-shared", "-fPIC", "lib.c", "-o", "libx.so"});
  CHECK(inv.shared);
  CHECK(inv.links);
  Rewritten r = rewrite_arguments(inv, kFiles);
  CHECK(r.added_stub_dir);
  CHECK(r.added_header);
}

TEST_CASE("driver: -r in the cc personality compiles but adds no stub dir") {
  Invocation inv = cc({"-r", "a.c", "-o", "partial.o"});
  CHECK(inv.relocatable);
  Rewritten r = rewrite_arguments(inv, kFiles);
  CHECK(r.added_header);
  CHECK_FALSE(r.added_stub_dir);
}
