// The driver's steps from the command line: what compiles, links or only preprocesses, and which
// inputs get the forced .symver header (classify_arguments, rewrite_arguments).
#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: compile and link in one call gets the header and the stub dir") {
  CHECK(rewrite_cc({"hello.c", "-o", "hello"}) ==
        Args{"-include", "/cache/t/pin.h", "-L/cache/t/stubs", "-Wl,-rpath-link,/cache/t/stubs",
             "hello.c", "-o", "hello"});
  Invocation inv = cc({"hello.c", "-o", "hello"});
  CHECK(inv.links);
  CHECK(inv.has_c_family_input);
  CHECK(inv.output == "hello");
  CHECK(inv.input_files == Args{"hello.c"});
}

TEST_CASE("driver: -c does not link") {
  Invocation inv = cc({"-c", "a.c"});
  CHECK_FALSE(inv.links);
  CHECK_FALSE(inv.output.has_value());  // the compiler derives a.o
  CHECK(rewrite_cc({"-c", "a.c"}) == Args{"-include", "/cache/t/pin.h", "-c", "a.c"});
}

TEST_CASE("driver: -S does not link but gets the header") {
  Rewritten r = rewrite_arguments(cc({"-S", "a.c"}), kFiles);
  CHECK(r.added_header);
  CHECK_FALSE(r.added_stub_dir);
}

TEST_CASE("driver: -E gets no header and does not link") {
  Invocation inv = cc({"-E", "a.c"});
  CHECK(inv.preprocess_only);
  CHECK_FALSE(inv.links);
  CHECK(rewrite_cc({"-E", "a.c"}) == Args{"-E", "a.c"});
}

TEST_CASE("driver: -M and -MM are preprocessing only, -MD and -MMD are not") {
  CHECK(cc({"-M", "a.c"}).preprocess_only);
  CHECK(cc({"-MM", "a.c"}).preprocess_only);
  CHECK_FALSE(cc({"-M", "a.c"}).links);
  Invocation md = cc({"-MD", "-MMD", "-c", "a.c"});
  CHECK_FALSE(md.preprocess_only);
  CHECK(rewrite_arguments(md, kFiles).added_header);
}

TEST_CASE("driver: -fsyntax-only does not link") {
  CHECK_FALSE(cc({"-fsyntax-only", "a.c"}).links);
}

TEST_CASE("driver: assembler-only input gets no header") {
  Invocation inv = cc({"-c", "start.s"});
  CHECK(inv.has_asm_only_input);
  CHECK_FALSE(inv.has_c_family_input);
  CHECK(rewrite_cc({"-c", "start.s"}) == Args{"-c", "start.s"});
}

TEST_CASE("driver: preprocessed assembler .S gets the header") {
  Invocation inv = cc({"-c", "start.S"});
  CHECK_FALSE(inv.has_asm_only_input);
  CHECK(rewrite_arguments(inv, kFiles).added_header);
}

TEST_CASE("driver: -x assembler and -x assembler-with-cpp decide like .s and .S") {
  CHECK(cc({"-x", "assembler", "-c", "code"}).has_asm_only_input);
  CHECK_FALSE(cc({"-x", "assembler", "-c", "code"}).has_c_family_input);
  CHECK(cc({"-xassembler-with-cpp", "-c", "code"}).has_c_family_input);
}

TEST_CASE("driver: .s next to a .c file still gets the header") {
  Invocation inv = cc({"-c", "a.s", "b.c"});
  CHECK_FALSE(inv.has_asm_only_input);
  CHECK(rewrite_arguments(inv, kFiles).added_header);
}

TEST_CASE("driver: a link of objects only gets no header") {
  // clang warns "argument unused during compilation: -include" (fatal under -Werror).
  Rewritten r = rewrite_arguments(cc({"a.o", "libx.a", "-o", "prog"}), kFiles);
  CHECK_FALSE(r.added_header);
  CHECK(r.added_stub_dir);
  CHECK(r.args == Args{"-L/cache/t/stubs", "-Wl,-rpath-link,/cache/t/stubs", "a.o", "libx.a",
                       "-o", "prog"});
}

TEST_CASE("driver: already preprocessed .i input gets no header") {
  CHECK_FALSE(rewrite_arguments(cc({"-c", "a.i"}), kFiles).added_header);
  CHECK_FALSE(rewrite_arguments(cc({"-x", "cpp-output", "-c", "a"}), kFiles).added_header);
}

TEST_CASE("driver: a language the header does not apply to gets none") {
  Invocation inv = cc({"-c", "m.f90"});
  CHECK_FALSE(inv.has_c_family_input);
  CHECK_FALSE(inv.has_asm_only_input);
  CHECK_FALSE(cc({"-x", "f95", "-c", "m"}).has_c_family_input);
}

TEST_CASE("driver: stdin input is C unless -x says otherwise") {
  CHECK(cc({"-c", "-", "-o", "x.o"}).has_c_family_input);
  CHECK(cc({"-x", "c++", "-c", "-"}).has_cxx_input);
  CHECK(cc({"-c", "-"}).input_files == Args{"-"});
}

TEST_CASE("driver: no input files means no link") {
  CHECK_FALSE(cc({"-O2"}).links);
  CHECK(cc({"-lm"}).links);  // gcc runs the linker for a library alone
}
