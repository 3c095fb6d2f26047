// The wrapper's own options (--glibc-pin-*, the subcommand's leading --target) are taken out of
// the command line; the compiler's --target stays the compiler's.
#include <catch2/catch.hpp>

#include "util/error.hpp"
#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: --glibc-pin-target is removed") {
  Invocation inv = cc({"-O2", "--glibc-pin-target=2.17", "a.c"});
  CHECK(inv.wrapper.target == "2.17");
  CHECK(inv.args == Args{"-O2", "a.c"});
  Invocation spaced = cc({"a.c", "--glibc-pin-target", "centos7"});
  CHECK(spaced.wrapper.target == "centos7");
  CHECK(spaced.args == Args{"a.c"});
}

TEST_CASE("driver: the other wrapper options are removed anywhere") {
  Invocation inv = cc({"--glibc-pin-verbose", "a.c", "--glibc-pin-compiler=clang",
                       "--glibc-pin-no-verify", "--glibc-pin-linker", "/usr/bin/ld.lld", "-o", "a"});
  CHECK(inv.wrapper.verbose);
  CHECK(inv.wrapper.no_verify);
  CHECK(inv.wrapper.compiler == "clang");
  CHECK(inv.wrapper.linker == "/usr/bin/ld.lld");
  CHECK(inv.args == Args{"a.c", "-o", "a"});
  CHECK(ld({"--glibc-pin-target=2.28", "a.o"}).args == Args{"a.o"});
}

TEST_CASE("driver: an unknown --glibc-pin- option is an error") {
  CHECK_THROWS_AS(cc({"--glibc-pin-taget=2.17", "a.c"}), UsageError);
  CHECK_THROWS_AS(cc({"--glibc-pin-verbose=yes"}), UsageError);
  CHECK_THROWS_AS(cc({"a.c", "--glibc-pin-target"}), UsageError);
  CHECK_THROWS_AS(cc({"--glibc-pin-target=", "a.c"}), UsageError);
}

TEST_CASE("driver: the last wrapper target wins") {
  CHECK(cc_subcommand({"--target", "2.17", "--glibc-pin-target=2.28", "a.c"}).wrapper.target ==
        "2.28");
}

TEST_CASE("driver: clang --target=x86_64-linux-gnu is not the wrapper's") {
  Invocation inv = cc_subcommand({"--target=x86_64-linux-gnu", "a.c"});
  CHECK_FALSE(inv.wrapper.target.has_value());
  CHECK(inv.args == Args{"--target=x86_64-linux-gnu", "a.c"});
  Invocation bare = cc_subcommand({"--target=x86_64", "a.c"});  // clang accepts an arch alone
  CHECK_FALSE(bare.wrapper.target.has_value());
  CHECK(rewrite_arguments(inv, kFiles).args.at(4) == "--target=x86_64-linux-gnu");
}

TEST_CASE("driver: leading --target 2.17 in cc form is the wrapper's") {
  Invocation inv = cc_subcommand({"--target", "2.17", "hello.c", "-o", "hello"});
  CHECK(inv.wrapper.target == "2.17");
  CHECK(inv.args == Args{"hello.c", "-o", "hello"});
  CHECK(cc_subcommand({"--target=x86_64-linux-gnu.2.17", "a.c"}).wrapper.target ==
        "x86_64-linux-gnu.2.17");
  CHECK(cc_subcommand({"--glibc-pin-verbose", "--target=manylinux_2_28", "a.c"}).wrapper.target ==
        "manylinux_2_28");
  CHECK(classify_arguments(Personality::LD, {"--target", "2.17", "a.o"}, CallForm::Subcommand)
            .wrapper.target == "2.17");
}

TEST_CASE("driver: --target after a compiler argument is the compiler's") {
  Invocation inv = cc_subcommand({"-O2", "--target=2.17", "a.c"});
  CHECK_FALSE(inv.wrapper.target.has_value());
  CHECK(inv.args == Args{"-O2", "--target=2.17", "a.c"});
}

TEST_CASE("driver: the symlinked cc never takes --target") {
  Invocation inv = cc({"--target=2.17", "a.c"});
  CHECK_FALSE(inv.wrapper.target.has_value());
  CHECK(inv.args == Args{"--target=2.17", "a.c"});
  CHECK(cc({"-target", "aarch64-linux-gnu", "a.c"}).input_files == Args{"a.c"});
}

TEST_CASE("driver: what looks like a glibc-pin target") {
  for (const char* yes : {"2.17", "2.2.5", "2.28", "x86_64-linux-gnu.2.17",
                          "aarch64-unknown-linux-gnu.2.28", "centos7", "manylinux2014",
                          "manylinux_2_28", "debian11", "ubuntu20.04", "rhel8",
                          // version-like but malformed: the wrapper's, so it can report them
                          "3.1", "2.", "2.x"}) {
    CAPTURE(yes);
    CHECK(looks_like_pin_target(yes));
  }
  for (const char* no : {"x86_64-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64", "i686",
                         "aarch64", "armv7a", "riscv64", "wasm32", "",
                         "CentOS7", "x86_64-pc-linux-gnu2", "-linux.2.17"}) {
    CAPTURE(no);
    CHECK_FALSE(looks_like_pin_target(no));
  }
}

TEST_CASE("driver: a leading --target that starts like a version is the wrapper's, even malformed") {
  CHECK(looks_like_pin_target("2.x"));
  CHECK(looks_like_pin_target("2"));
  CHECK_FALSE(looks_like_pin_target("x86_64-linux-gnu"));
}
