// The target's architecture comes from the compiler that runs: the options that choose it are
// collected (and asked again with -dumpmachine), and its answer is read here.
#include <algorithm>

#include <catch2/catch.hpp>

#include "driver/tool_arch.hpp"
#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("arch: no target option leaves the compiler's default") {
  CHECK(cc({"-c", "a.c"}).target_selection.empty());
}

TEST_CASE("arch: clang --target=T is a target option, and still reaches the compiler") {
  Invocation inv = cc({"--target=aarch64-linux-gnu", "-c", "a.c"});
  CHECK(inv.target_selection == Args{"--target=aarch64-linux-gnu"});
  CHECK(std::find(inv.args.begin(), inv.args.end(), "--target=aarch64-linux-gnu") != inv.args.end());
}

TEST_CASE("arch: clang's old -target T is normalised to --target=T") {
  Invocation inv = cc({"-target", "i686-linux-gnu", "a.c"});
  CHECK(inv.target_selection == Args{"--target=i686-linux-gnu"});
  CHECK(inv.input_files == Args{"a.c"});  // T is not an input
}

TEST_CASE("arch: -m32, -m64 and -mx32 are target options, in order") {
  CHECK(cc({"-m32", "a.c", "-m64"}).target_selection == Args{"-m32", "-m64"});
  CHECK(cc({"-mx32", "a.c"}).target_selection == Args{"-mx32"});
}

TEST_CASE("arch: -march= and -mtune= are not target options") {
  CHECK(cc({"-march=armv8-a", "-mtune=generic", "a.c"}).target_selection.empty());
}

TEST_CASE("arch: --sysroot is asked with (it decides where libc_nonshared.a is)") {
  CHECK(cc({"--sysroot", "/sr", "a.c"}).target_selection == Args{"--sysroot=/sr"});
  CHECK(cc({"--sysroot=/sr", "a.c"}).target_selection == Args{"--sysroot=/sr"});
}

TEST_CASE("arch: the subcommand's leading --target 2.17 is the wrapper's, not the compiler's") {
  Invocation inv = cc_subcommand({"--target", "2.17", "--target=aarch64-linux-gnu", "a.c"});
  CHECK(inv.wrapper.target == "2.17");
  CHECK(inv.target_selection == Args{"--target=aarch64-linux-gnu"});
}

TEST_CASE("arch: ld -m EMULATION is recorded, joined or separate") {
  CHECK(ld({"-m", "elf_i386", "a.o"}).linker_emulation == "elf_i386");
  CHECK(ld({"-maarch64linux", "a.o"}).linker_emulation == "aarch64linux");
  CHECK_FALSE(ld({"a.o"}).linker_emulation);
}

TEST_CASE("arch: triples name the database's architectures") {
  CHECK(arch_of_triple("x86_64-linux-gnu") == "x86_64");
  CHECK(arch_of_triple("x86_64-pc-linux-gnu") == "x86_64");
  CHECK(arch_of_triple("i686-linux-gnu") == "i386");
  CHECK(arch_of_triple("i386-pc-linux-gnu") == "i386");
  CHECK(arch_of_triple("aarch64-unknown-linux-gnu") == "aarch64");
  CHECK(arch_of_triple("arm64-linux-gnu") == "aarch64");
  CHECK(arch_of_triple("riscv64-linux-gnu") == "riscv64");
  CHECK_FALSE(arch_of_triple("gcc: error: unrecognized"));
  CHECK_FALSE(arch_of_triple(""));
}

TEST_CASE("arch: gcc answers x86_64 to -m32 -dumpmachine, so -m32 makes it i386") {
  CHECK(compiler_arch("x86_64-linux-gnu\n", {"-m32"}) == "i386");
  CHECK(compiler_arch("x86_64-linux-gnu\n", {}) == "x86_64");
  CHECK(compiler_arch("x86_64-linux-gnu\n", {"-m32", "-m64"}) == "x86_64");
  CHECK(compiler_arch("i686-linux-gnu\n", {"-m64"}) == "x86_64");
  CHECK(compiler_arch("x86_64-linux-gnu\n", {"-mx32"}) == "x32");
}

TEST_CASE("arch: clang's answer already reflects --target and -m32") {
  CHECK(compiler_arch("aarch64-unknown-linux-gnu\n", {"--target=aarch64-linux-gnu"}) == "aarch64");
  CHECK(compiler_arch("i386-pc-linux-gnu\n", {"-m32"}) == "i386");
}

TEST_CASE("arch: -m32 does not turn an aarch64 compiler into i386") {
  CHECK(compiler_arch("aarch64-linux-gnu\n", {"-m32"}) == "aarch64");
}

TEST_CASE("arch: linker emulations and output formats") {
  CHECK(arch_of_emulation("elf_x86_64") == "x86_64");
  CHECK(arch_of_emulation("elf_i386") == "i386");
  CHECK(arch_of_emulation("aarch64linux") == "aarch64");
  CHECK_FALSE(arch_of_emulation("aarch64linuxb"));   // big-endian
  CHECK_FALSE(arch_of_emulation("aarch64linux32"));  // ILP32
  CHECK(arch_of_emulation("elf32_x86_64") == "x32");
  CHECK_FALSE(arch_of_emulation("armelf_linux_eabi"));
  CHECK(arch_of_output_format("elf64-x86-64\n") == "x86_64");
  CHECK(arch_of_output_format("elf32-i386\n") == "i386");
  CHECK(arch_of_output_format("elf64-littleaarch64\n") == "aarch64");
  CHECK_FALSE(arch_of_output_format("elf32-littlearm\n"));
}
