// C++: which inputs are C++ (-x, suffixes, the c++ personality), and the C++ runtime a link takes
// (static by default, --glibc-pin-cxx-runtime=shared, the user's own choice not doubled).
#include <algorithm>

#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: -x c++ marks C++") {
  CHECK(cc({"-x", "c++", "prog"}).has_cxx_input);
  CHECK(cc({"-xc++", "prog"}).has_cxx_input);
  CHECK_FALSE(cc({"prog.c", "-x", "c++"}).has_cxx_input);  // -x applies to later inputs only
}

TEST_CASE("driver: -x none goes back to file name suffixes") {
  Invocation inv = cc({"-x", "c++", "a.c", "-x", "none", "b.s", "-c"});
  CHECK(inv.has_cxx_input);
  CHECK(inv.has_c_family_input);
  CHECK_FALSE(cc({"-x", "none", "a.c", "-c"}).has_cxx_input);
}

TEST_CASE("driver: C++ suffixes mark C++, C and objects do not") {
  for (const char* file : {"a.cc", "a.cp", "a.cxx", "a.cpp", "a.CPP", "a.c++", "a.C", "a.ii",
                           "dir.d/a.cpp"}) {
    CAPTURE(file);
    CHECK(cc({"-c", file}).has_cxx_input);
  }
  for (const char* file : {"a.c", "a.o", "liba.a", "libx.so.1", "a.s", "Makefile"}) {
    CAPTURE(file);
    CHECK_FALSE(cc({file}).has_cxx_input);
  }
}

TEST_CASE("driver: the c++ personality classifies like cc") {
  Invocation inv = classify_arguments(Personality::CXX, {"main.cpp", "-o", "main"});
  CHECK(inv.personality == Personality::CXX);
  CHECK(inv.has_cxx_input);
  CHECK(rewrite_arguments(inv, kFiles).added_header);
}

TEST_CASE("driver: a C++ link takes the GCC runtime statically by default") {
  Args out = rewrite_cxx({"main.cc", "-o", "app"});
  CHECK(has(out, "-static-libstdc++"));
  CHECK(has(out, "-static-libgcc"));
  CHECK_FALSE(has(rewrite_cxx({"-c", "main.cc"}), "-static-libstdc++"));  // no link
  CHECK_FALSE(has(rewrite_cc({"main.c", "-o", "app"}), "-static-libstdc++"));  // not C++
}

TEST_CASE("driver: --glibc-pin-cxx-runtime=shared keeps the shared C++ runtime") {
  Args out = rewrite_cxx({"--glibc-pin-cxx-runtime=shared", "main.cc", "-o", "app"});
  CHECK_FALSE(has(out, "-static-libstdc++"));
  CHECK_FALSE(has(out, "-static-libgcc"));
  CHECK_FALSE(has(out, "--glibc-pin-cxx-runtime=shared"));
  CHECK_THROWS_WITH(cc({"--glibc-pin-cxx-runtime=maybe", "a.c"}),
                    Catch::Contains("static or shared"));
}

TEST_CASE("driver: the user's own -shared-libgcc or -static-libstdc++ is not doubled") {
  Args out = rewrite_cxx({"main.cc", "-shared-libgcc", "-static-libstdc++"});
  CHECK(std::count(out.begin(), out.end(), "-static-libstdc++") == 1);
  CHECK_FALSE(has(out, "-static-libgcc"));
}
