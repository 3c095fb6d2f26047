// Flags the driver does not own pass through in order; -fuse-ld, --ld-path, -Wl, -flto and the
// user's -L keep their place around the stub directory.
#include <algorithm>

#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: unknown flags pass through in order") {
  Args user{"-O2", "-fno-frobnicate", "-Wfancy=3", "--weird", "a.c", "-mno-red-zone", "-o", "x"};
  Args out = rewrite_cc(user);
  REQUIRE(out.size() == user.size() + 4);
  CHECK(Args(out.begin() + 4, out.end()) == user);
}

TEST_CASE("driver: -fuse-ld=lld passes through") {
  Invocation inv = cc({"-fuse-ld=lld", "a.o"});
  CHECK(inv.fuse_ld == "lld");
  Args out = rewrite_cc({"-fuse-ld=lld", "a.o"});
  CHECK(out.back() == "a.o");
  CHECK(out[out.size() - 2] == "-fuse-ld=lld");
}

TEST_CASE("driver: -fuse-ld=mold compiles get no .symver header (mold 1.10 cannot bind them)") {
  Args out = rewrite_cc({"-fuse-ld=mold", "-O2", "a.c", "-o", "a"});
  CHECK(std::find(out.begin(), out.end(), "-include") == out.end());
  CHECK(std::find(out.begin(), out.end(), "-fuse-ld=mold") != out.end());
  Args other = rewrite_cc({"-fuse-ld=gold", "a.c", "-o", "a"});
  CHECK(std::find(other.begin(), other.end(), "-include") != other.end());
}

TEST_CASE("driver: clang --ld-path= is recorded and passes through") {
  Invocation inv = cc({"--ld-path=/opt/bin/glibc-pin-ld", "a.o"});
  CHECK(inv.ld_path == "/opt/bin/glibc-pin-ld");
  CHECK(rewrite_cc({"--ld-path=/x/ld", "a.o"}).at(2) == "--ld-path=/x/ld");
}

TEST_CASE("driver: -Wl,... passes through") {
  Args out = rewrite_cc({"a.o", "-Wl,--as-needed,-z,now", "-Wl,-Bstatic", "-lfoo", "-Wl,-Bdynamic"});
  CHECK(Args(out.begin() + 2, out.end()) ==
        Args{"a.o", "-Wl,--as-needed,-z,now", "-Wl,-Bstatic", "-lfoo", "-Wl,-Bdynamic"});
  CHECK_FALSE(cc({"a.o", "-Wl,-Bstatic"}).is_static);
}

TEST_CASE("driver: -flto passes through and still gets the header at compile time") {
  Args out = rewrite_cc({"-flto", "-O2", "a.c", "-o", "a"});
  CHECK(out == Args{"-include", "/cache/t/pin.h", "-L/cache/t/stubs",
                    "-Wl,-rpath-link,/cache/t/stubs", "-flto", "-O2", "a.c", "-o", "a"});
}

TEST_CASE("driver: user -L comes after the stub dir") {
  Invocation inv = cc({"-L/usr/local/lib", "a.o", "-L", "/opt/lib", "-lz"});
  CHECK(inv.first_library_dir == 0u);
  Args out = rewrite_arguments(inv, kFiles).args;
  CHECK(out[0] == "-L/cache/t/stubs");
  CHECK(out[2] == "-L/usr/local/lib");
}

TEST_CASE("driver: a stub dir with a comma is passed with -Xlinker") {
  TargetFiles files{"/c,d/stubs", "/c,d/pin.h", ""};
  Args out = rewrite_arguments(cc({"a.o"}), files).args;
  CHECK(out == Args{"-L/c,d/stubs", "-Xlinker", "-rpath-link", "-Xlinker", "/c,d/stubs", "a.o"});
}
