// The output file (-o, a.out) and option values that are not inputs.
#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: -o without space") {
  CHECK(cc({"a.c", "-ohello"}).output == "hello");
  CHECK(cc({"a.c", "--output=hi"}).output == "hi");
  CHECK(cc({"a.c", "--output", "hey"}).output == "hey");
}

TEST_CASE("driver: a link without -o writes a.out") {
  CHECK(cc({"a.c"}).output == "a.out");
  CHECK(cc({"-shared", "a.o"}).output == "a.out");
}

TEST_CASE("driver: the value of -o is not an input") {
  Invocation inv = cc({"-c", "a.c", "-o", "out.cpp"});
  CHECK(inv.input_files == Args{"a.c"});
  CHECK_FALSE(inv.has_cxx_input);
}

TEST_CASE("driver: values of separate-argument options are not inputs") {
  Invocation inv = cc({"-include", "cfg.h", "-I", "inc", "-isystem", "sys", "-MF", "a.d",
                       "-MT", "a.o", "-MQ", "b.o", "-x", "c", "-D", "X=1", "-u", "sym", "-T",
                       "link.ld", "-z", "now", "-Xlinker", "foo.cpp", "--param", "max=1",
                       "-target", "x86_64-linux-gnu", "-arch", "x86_64", "-L", "lib", "-l", "m",
                       "-Xclang", "-ast-dump", "-mllvm", "-inline-threshold=1", "main.c"});
  CHECK(inv.input_files == Args{"main.c"});
  CHECK_FALSE(inv.has_cxx_input);
}

TEST_CASE("driver: -MF with the value joined is not -M") {
  Invocation inv = cc({"-MFa.d", "-MTa.o", "-c", "a.c"});
  CHECK_FALSE(inv.preprocess_only);
  CHECK(inv.input_files == Args{"a.c"});
}
