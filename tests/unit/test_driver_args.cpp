#include <algorithm>
// The driver's argument layer: response files, the option table, classify_arguments() and
// rewrite_arguments(). One test per behaviour; no compiler or linker is run.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "driver/invocation.hpp"
#include "driver/option_table.hpp"
#include "driver/response_file.hpp"
#include "driver/tool_arch.hpp"
#include "util/error.hpp"

using namespace glibcpin;

namespace {

using Args = std::vector<std::string>;

const TargetFiles kFiles{"/cache/t/stubs", "/cache/t/pin.h", "/cache/t/libshim.a"};

Invocation cc(const Args& args) { return classify_arguments(Personality::CC, args); }
Invocation cc_subcommand(const Args& args) {
  return classify_arguments(Personality::CC, args, CallForm::Subcommand);
}
Invocation ld(const Args& args) { return classify_arguments(Personality::LD, args); }

Args rewrite_cc(const Args& args) { return rewrite_arguments(cc(args), kFiles).args; }
Args rewrite_ld(const Args& args) { return rewrite_arguments(ld(args), kFiles).args; }

// A fake file system for response files.
ReadFileFunction files_from(std::map<std::string, std::string> files) {
  return [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end())
      return std::nullopt;
    return it->second;
  };
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Steps: compile, link, preprocess

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

// ---------------------------------------------------------------------------------------------
// Pass-through

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

// ---------------------------------------------------------------------------------------------
// Kinds of link

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

// ---------------------------------------------------------------------------------------------
// Information only

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

// ---------------------------------------------------------------------------------------------
// Output and values

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

// ---------------------------------------------------------------------------------------------
// C++

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

// ---------------------------------------------------------------------------------------------
// Wrapper options

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

// ---------------------------------------------------------------------------------------------
// The ld personality

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

// ---------------------------------------------------------------------------------------------
// The option table

TEST_CASE("driver: compiler option matching prefers exact names and the longest prefix") {
  std::optional<OptionMatch> mf = match_compiler_option("-MFdeps.d");
  REQUIRE(mf);
  CHECK(mf->spec->name == "-MF");
  CHECK(mf->value == "deps.d");
  std::optional<OptionMatch> inc = match_compiler_option("-include-pch");
  REQUIRE(inc);
  CHECK(inc->spec->name == "-include-pch");
  CHECK(inc->value_is_next);
  std::optional<OptionMatch> undef = match_compiler_option("-undef");
  REQUIRE(undef);
  CHECK(undef->spec->name == "-undef");
  CHECK_FALSE(match_compiler_option("-MD").has_value());
  CHECK_FALSE(match_compiler_option("-static-libgcc").has_value());
  CHECK_FALSE(match_compiler_option("a.c").has_value());
  CHECK_FALSE(match_compiler_option("-").has_value());
}

TEST_CASE("driver: linker long options take one or two dashes, short ones join values") {
  std::optional<OptionMatch> soname = match_linker_option("--soname=libx.so");
  REQUIRE(soname);
  CHECK(soname->spec->name == "soname");
  CHECK(soname->value == "libx.so");
  std::optional<OptionMatch> single = match_linker_option("-soname");
  REQUIRE(single);
  CHECK(single->value_is_next);
  std::optional<OptionMatch> lib = match_linker_option("-lpthread");
  REQUIRE(lib);
  CHECK(lib->spec->name == "l");
  CHECK(lib->value == "pthread");
  CHECK_FALSE(match_linker_option("--lpthread").has_value());  // short options take one dash
  std::optional<OptionMatch> lto = match_linker_option("--lto-O2");
  REQUIRE(lto);
  CHECK(lto->spec->name == "lto-");
  std::optional<OptionMatch> rpath_link = match_linker_option("-rpath-link=/x");
  REQUIRE(rpath_link);
  CHECK(rpath_link->spec->name == "rpath-link");
}

// ---------------------------------------------------------------------------------------------
// Response files

TEST_CASE("driver: response file expands with quotes") {
  auto read = files_from({{"args.rsp", "-O2 'a b.c' \"-DX=\\\"q\\\"\"\n  -o\tout\n"}});
  CHECK(expand_response_files({"-c", "@args.rsp", "-g"}, read) ==
        Args{"-c", "-O2", "a b.c", "-DX=\"q\"", "-o", "out", "-g"});
}

TEST_CASE("driver: response file backslashes escape the next character") {
  CHECK(split_response_file("a\\ b c\\\\d 'it\\'s' \"x\\ny\"") ==
        Args{"a b", "c\\d", "it's", "xny"});
  CHECK(split_response_file("one\\\ntwo") == Args{"one\ntwo"});
}

TEST_CASE("driver: response file empty quotes are an empty argument") {
  CHECK(split_response_file("a '' \"\" b") == Args{"a", "", "", "b"});
  CHECK(split_response_file("  \n\t ").empty());
  CHECK(split_response_file("x'y z'w") == Args{"xy zw"});
}

TEST_CASE("driver: a missing response file is passed through verbatim") {
  auto read = files_from({});
  CHECK(expand_response_files({"@missing.rsp", "@", "a.c"}, read) ==
        Args{"@missing.rsp", "@", "a.c"});
}

TEST_CASE("driver: nested response files expand in place") {
  auto read = files_from({{"outer", "-a @inner -d"}, {"inner", "-b '@not-a-file' -c"}});
  CHECK(expand_response_files({"@outer", "x.c"}, read) ==
        Args{"-a", "-b", "@not-a-file", "-c", "-d", "x.c"});
}

TEST_CASE("driver: nested response files stop at the limit") {
  auto self = files_from({{"loop.rsp", "-x @loop.rsp"}});
  CHECK_THROWS_AS(expand_response_files({"@loop.rsp"}, self), Error);
  CHECK_THROWS_WITH(expand_response_files({"@loop.rsp"}, self),
                    Catch::Contains("nested more than 16 deep"));

  std::map<std::string, std::string> chain;  // f1 -> f2 -> ... -> f16: exactly the limit
  for (int i = 1; i < kResponseFileNestingLimit; ++i)
    chain["f" + std::to_string(i)] = "@f" + std::to_string(i + 1);
  chain["f" + std::to_string(kResponseFileNestingLimit)] = "deep";
  CHECK(expand_response_files({"@f1"}, files_from(chain)) == Args{"deep"});
  chain["f" + std::to_string(kResponseFileNestingLimit)] = "@f17";
  chain["f17"] = "deeper";
  CHECK_THROWS_AS(expand_response_files({"@f1"}, files_from(chain)), Error);
}

TEST_CASE("driver: response file text round-trips") {
  Args args{"plain", "with space", "", "it's", "\"q\"", "back\\slash", "tab\there", "new\nline"};
  CHECK(split_response_file(format_response_file(args)) == args);
}

TEST_CASE("driver: response files are read from disk") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("glibcpin-rsp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "link.rsp").string();
  std::ofstream(path) << "-L/opt/lib\n'my obj.o'\n";
  CHECK(expand_response_files({"-o", "x", "@" + path}) == Args{"-o", "x", "-L/opt/lib", "my obj.o"});
  CHECK(expand_response_files({"@" + dir.string()}) == Args{"@" + dir.string()});  // a directory
  std::filesystem::remove_all(dir);
}

TEST_CASE("driver: a leading --target that starts like a version is the wrapper's, even malformed") {
  CHECK(looks_like_pin_target("2.x"));
  CHECK(looks_like_pin_target("2"));
  CHECK_FALSE(looks_like_pin_target("x86_64-linux-gnu"));
}

namespace {
Args rewrite_cxx(const Args& args) {
  return rewrite_arguments(classify_arguments(Personality::CXX, args), kFiles).args;
}
bool has(const Args& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}
}  // namespace

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

// ---------------------------------------------------------------------------------------------
// The target's architecture comes from the compiler that runs: the options that choose it are
// collected (and asked again with -dumpmachine), and its answer is read here.

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
