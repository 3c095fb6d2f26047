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

// The stub dir's libgcc_s.so is the stub itself, not a script that adds -lgcc: links without
// the compiler's default libraries get -lgcc from the driver (rustc: -nodefaultlibs -lgcc_s).
TEST_CASE("driver: -nodefaultlibs links get -lgcc after each -lgcc_s") {
  CHECK(rewrite_cc({"-nodefaultlibs", "a.o", "-lgcc_s", "-lc"}) ==
        Args{"-L/cache/t/stubs", "-Wl,-rpath-link,/cache/t/stubs", "-nodefaultlibs", "a.o",
             "-lgcc_s", "-lgcc", "-lc"});
  Args two = rewrite_cc({"-nostdlib", "a.o", "-l", "gcc_s", "-lc", "-lgcc_s"});
  CHECK(Args(two.begin() + 3, two.end()) ==
        Args{"a.o", "-l", "gcc_s", "-lgcc", "-lc", "-lgcc_s", "-lgcc"});
}

TEST_CASE("driver: -lgcc is not added where the compiler or the user links libgcc") {
  // With default libraries the compiler adds -lgcc itself.
  CHECK_FALSE(has(rewrite_cc({"a.o", "-lgcc_s"}), "-lgcc"));
  CHECK_FALSE(has(rewrite_cxx({"a.o", "-lgcc_s"}), "-lgcc"));
  // The user's own -lgcc, in either spelling.
  Args own = rewrite_cc({"-nodefaultlibs", "a.o", "-lgcc", "-lgcc_s"});
  CHECK(std::count(own.begin(), own.end(), "-lgcc") == 1);
  CHECK(rewrite_cc({"-nodefaultlibs", "a.o", "-l", "gcc", "-lgcc_s"}).back() == "-lgcc_s");
  // No -lgcc_s, or not a pinned link.
  CHECK_FALSE(has(rewrite_cc({"-nodefaultlibs", "a.o", "-lc"}), "-lgcc"));
  CHECK_FALSE(has(rewrite_cc({"-nodefaultlibs", "-static", "a.o", "-lgcc_s"}), "-lgcc"));
  CHECK_FALSE(has(rewrite_cc({"-nodefaultlibs", "-c", "a.c", "-lgcc_s"}), "-lgcc"));
}

TEST_CASE("driver: ld gets -lgcc after -lgcc_s unless the link names -lgcc") {
  CHECK(rewrite_ld({"a.o", "-lgcc_s", "-lc"}) ==
        Args{"-L/cache/t/stubs", "-rpath-link", "/cache/t/stubs", "a.o", "-lgcc_s", "-lgcc", "-lc"});
  // What gcc's collect2 passes: -lgcc already there.
  Args from_gcc = rewrite_ld({"a.o", "-lgcc", "--push-state", "--as-needed", "-lgcc_s",
                              "--pop-state", "-lc", "-lgcc"});
  CHECK(std::count(from_gcc.begin(), from_gcc.end(), "-lgcc") == 2);
  CHECK_FALSE(has(rewrite_ld({"-r", "a.o", "-lgcc_s"}), "-lgcc"));
}
