// The ld personality: where the stub directory goes, -r, -shared, -static, outputs, option values
// and libraries, and gcc's own link line.
#include <catch2/catch.hpp>

#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

TEST_CASE("driver: ld puts the stub dir before the first -L") {
  Args out = rewrite_ld({"-o", "a", "crt1.o", "-L/usr/lib", "a.o", "-lc"});
  CHECK(out == Args{"-o", "a", "crt1.o", "-L/cache/t/stubs", "-rpath-link", "/cache/t/stubs",
                    "-L/usr/lib", "a.o", "-lc"});
}

TEST_CASE("driver: ld without -L gets the stub dir in front") {
  CHECK(rewrite_ld({"a.o", "-lc"}) ==
        Args{"-L/cache/t/stubs", "-rpath-link", "/cache/t/stubs", "a.o", "-lc"});
}

TEST_CASE("driver: ld --library-path= counts as the first -L") {
  CHECK(ld({"a.o", "--library-path=/x", "-L/y"}).first_library_dir == 1u);
  CHECK(ld({"a.o", "-L", "/x"}).first_library_dir == 1u);
}

TEST_CASE("driver: -r in ld personality changes nothing") {
  Args user{"-r", "a.o", "b.o", "-L/usr/lib", "-o", "ab.o"};
  CHECK(ld(user).relocatable);
  CHECK(rewrite_ld(user) == user);
  CHECK(rewrite_ld({"--relocatable", "a.o", "-o", "x.o"}) ==
        Args{"--relocatable", "a.o", "-o", "x.o"});
}

TEST_CASE("driver: ld --version is info only, -v only without inputs") {
  CHECK(ld({"--version"}).only_info);
  CHECK(rewrite_ld({"--version"}) == Args{"--version"});
  CHECK(ld({"-v"}).only_info);
  CHECK(ld({"-V"}).only_info);
  CHECK_FALSE(ld({"-v", "a.o"}).only_info);
  CHECK(ld({"--version", "a.o"}).only_info);  // ld prints and exits at --version
}

TEST_CASE("driver: ld -shared is detected") {
  Invocation inv = ld({"-shared", "-soname", "libx.so.1", "x.o", "-o", "libx.so.1"});
  CHECK(inv.shared);
  CHECK(inv.input_files == Args{"x.o"});
  CHECK(rewrite_arguments(inv, kFiles).added_stub_dir);
}

TEST_CASE("driver: ld -static before the inputs is a static-only link") {
  Args user{"-static", "-o", "a", "crt1.o", "a.o", "--start-group", "-lc", "--end-group"};
  CHECK(ld(user).is_static);
  CHECK(rewrite_ld(user) == user);
  CHECK(ld({"-Bstatic", "a.o", "-lc"}).is_static);
}

TEST_CASE("driver: ld -Bstatic ... -Bdynamic is not static") {
  // g++ -static-libstdc++ brackets libstdc++ like this.
  CHECK_FALSE(ld({"a.o", "-Bstatic", "-lstdc++", "-Bdynamic", "-lc"}).is_static);
  CHECK_FALSE(ld({"a.o", "-Bstatic", "-lfoo"}).is_static);  // a.o came first
  CHECK_FALSE(ld({"-Bstatic", "-lfoo", "-Bdynamic", "a.o"}).is_static);
}

TEST_CASE("driver: ld output from -o, -oFILE and --output=") {
  CHECK(ld({"a.o", "-o", "x"}).output == "x");
  CHECK(ld({"a.o", "-ox"}).output == "x");
  CHECK(ld({"a.o", "--output=x"}).output == "x");
  CHECK(ld({"a.o", "--output", "x"}).output == "x");
  CHECK(ld({"a.o"}).output == "a.out");
  CHECK(ld({"a.o", "-omagic"}).output == "a.out");  // an option, not -o magic
}

TEST_CASE("driver: ld option values are not inputs, in both spellings") {
  Invocation inv = ld({"-plugin", "/usr/lib/liblto_plugin.so", "-plugin-opt=-fresolution=x.res",
                       "-plugin-opt", "O2", "-soname", "libq.so", "--rpath=/opt", "-rpath", "/x",
                       "-rpath-link=/y", "--version-script", "v.map", "-m", "elf_x86_64", "-z",
                       "relro", "-dynamic-linker", "/lib64/ld-linux-x86-64.so.2", "-e", "start",
                       "-T", "script.ld", "-u", "sym", "--hash-style=gnu", "a.o"});
  CHECK(inv.input_files == Args{"a.o"});
}

TEST_CASE("driver: ld -lfoo and -l foo are libraries, not files") {
  Invocation inv = ld({"-lfoo", "-l", "bar", "--library=baz", "a.o"});
  CHECK(inv.input_files == Args{"a.o"});
  CHECK(ld({"-lc"}).links);  // a library alone is an input
}

TEST_CASE("driver: ld gets gcc's own link line") {
  // What gcc 12 passes to collect2/ld for `gcc hello.o` (paths shortened).
  Args gcc_line{"-plugin", "/usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so",
                "-plugin-opt=/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper",
                "-plugin-opt=-fresolution=/tmp/cc.res", "--build-id", "--eh-frame-hdr", "-m",
                "elf_x86_64", "--hash-style=gnu", "--as-needed", "-dynamic-linker",
                "/lib64/ld-linux-x86-64.so.2", "-pie", "Scrt1.o", "crti.o", "crtbeginS.o",
                "-L/usr/lib/gcc/x86_64-linux-gnu/12", "-L/usr/lib/x86_64-linux-gnu", "hello.o",
                "-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state", "-lc",
                "crtendS.o", "crtn.o"};
  Invocation inv = ld(gcc_line);
  CHECK(inv.links);
  CHECK_FALSE(inv.is_static);
  CHECK_FALSE(inv.shared);
  CHECK(inv.output == "a.out");
  CHECK(inv.first_library_dir == 16u);
  CHECK(inv.input_files ==
        Args{"Scrt1.o", "crti.o", "crtbeginS.o", "hello.o", "crtendS.o", "crtn.o"});
  Args out = rewrite_arguments(inv, kFiles).args;
  CHECK(out.size() == gcc_line.size() + 3);
  CHECK(out[16] == "-L/cache/t/stubs");
}
