// The generator's pure parts on the real x86_64 database: stub sources, linker scripts, the
// .symver header, target resolution, and the explanation of a failed link.
#include <catch2/catch.hpp>

#include "database/embedded.hpp"
#include "driver/explain_link_errors.hpp"
#include "generator/header_aliases.hpp"
#include "generator/linker_scripts.hpp"
#include "generator/renamed_symbols.hpp"
#include "generator/stub_assembly.hpp"
#include "generator/stub_library.hpp"
#include "generator/symver_header.hpp"
#include "target/target.hpp"
#include "util/error.hpp"

using namespace glibcpin;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
const Release k217{2, 17}, k228{2, 28}, k236{2, 36};
}  // namespace

TEST_CASE("generator: stub libc for 2.17 has memcpy's two versions, 2.14 the default") {
  StubLibrary stub = make_stub_library(open_arch("x86_64"), "libc.so.6", k217);
  CHECK(stub.soname == "libc.so.6");
  std::string assembly = stub_assembly(stub), version_script = stub_version_script(stub);
  CHECK(contains(assembly, ", memcpy@@GLIBC_2.14\n"));
  CHECK(contains(assembly, ", memcpy@GLIBC_2.2.5\n"));
  CHECK_FALSE(contains(assembly, "pthread_create@"));  // in libpthread before 2.34
  CHECK_FALSE(contains(assembly, "getrandom@"));       // 2.25
  CHECK(contains(version_script, "GLIBC_2.17 {"));
  CHECK_FALSE(contains(version_script, "GLIBC_2.18"));
}

TEST_CASE("generator: stub data objects keep their real size") {
  std::string assembly = stub_assembly(make_stub_library(open_arch("x86_64"), "libc.so.6", k217));
  // _IO_2_1_stdin_ is a 0xe0-byte FILE; copy relocations take the size from the stub.
  size_t at = assembly.find("_IO_2_1_stdin_@@GLIBC_2.2.5");
  REQUIRE(at != std::string::npos);
  size_t label_end = assembly.rfind(":\n", at);
  size_t size_at = assembly.rfind(".size ", label_end);
  CHECK(contains(assembly.substr(size_at, 40), ", 224\n"));
}

TEST_CASE("generator: libm's __signgam and signgam are one object from 2.23, signgam alone before") {
  auto find = [](const StubLibrary& stub, std::string_view name) -> int {
    for (size_t i = 0; i < stub.symbols.size(); i++)
      if (stub.symbols[i].name == name)
        return static_cast<int>(i);
    return -1;
  };
  StubLibrary m228 = make_stub_library(open_arch("x86_64"), "libm.so.6", k228);
  int global = find(m228, "__signgam"), weak = find(m228, "signgam");
  REQUIRE(global >= 0);
  REQUIRE(weak >= 0);
  CHECK(m228.symbols[global].version == "GLIBC_2.23");
  CHECK(m228.symbols[weak].version == "GLIBC_2.2.5");
  CHECK_FALSE(m228.symbols[global].weak);
  CHECK(m228.symbols[weak].weak);
  // One object: whichever comes second is an alias of the first.
  CHECK((m228.symbols[weak].alias_of == global || m228.symbols[global].alias_of == weak));
  StubLibrary m217 = make_stub_library(open_arch("x86_64"), "libm.so.6", k217);
  CHECK(find(m217, "__signgam") < 0);
  int alone = find(m217, "signgam");
  REQUIRE(alone >= 0);
  CHECK_FALSE(m217.symbols[alone].weak);  // global, as in 2.17's libm
  CHECK(m217.symbols[alone].alias_of == -1);
}

TEST_CASE("generator: environ's aliases share one address, the others weak") {
  std::string assembly = stub_assembly(make_stub_library(open_arch("x86_64"), "libc.so.6", k217));
  CHECK(contains(assembly, ", __environ@@GLIBC_2.2.5\n"));
  size_t environ = assembly.find(", environ@@GLIBC_2.2.5\n");
  REQUIRE(environ != std::string::npos);
  size_t block = assembly.rfind(".weak ", environ);
  CHECK(contains(assembly.substr(block, environ - block), ".set "));
}

TEST_CASE("generator: libc.so for 2.17 pulls libpthread and librt in as needed") {
  std::vector<LinkerFile> files = make_linker_files(open_arch("x86_64"), k217, k236,
                                                    {"/stub", "/host/libc_nonshared.a", "/stub/s.a"});
  REQUIRE(files.at(0).name == "libc.so");
  const std::string& libc = files[0].text;
  CHECK(contains(libc, "GROUP ( /stub/s.a /stub/libc.so.6 /host/libc_nonshared.a AS_NEEDED ( "
                       "/stub/ld-linux-x86-64.so.2"));
  CHECK(contains(libc, "/stub/libpthread.so.0"));
  CHECK(contains(libc, "/stub/librt.so.1"));
  CHECK(contains(libc, "/stub/libdl.so.2"));
}

TEST_CASE("generator: a host before 2.34 still gets libdl as needed (the shims call dlopen)") {
  std::vector<LinkerFile> files = make_linker_files(open_arch("x86_64"), k217, {2, 31},
                                                    {"/stub", "/host/libc_nonshared.a", "/stub/s.a"});
  CHECK(contains(files.at(0).text, "/stub/libdl.so.2"));
  CHECK(contains(files.at(0).text, "/stub/libpthread.so.0"));
}

TEST_CASE("generator: from 2.34 libpthread gets no -lpthread link (placeholders only)") {
  std::vector<LinkerFile> files = make_linker_files(open_arch("x86_64"), {2, 34}, k236,
                                                    {"/stub", "/n.a", ""});
  for (const LinkerFile& file : files)
    CHECK(file.name != "libpthread.so");
  CHECK_FALSE(contains(files.at(0).text, "libpthread.so.0"));
  CHECK(contains(files.at(0).text, "GROUP ( /stub/libc.so.6"));  // no shim archive given
}

TEST_CASE("generator: header pins what moved, nothing the host already agrees on") {
  SymverHeader header = make_symver_header(open_arch("x86_64"), k217, k236, "t");
  CHECK(contains(header.text, "\".symver pthread_create,pthread_create@GLIBC_2.2.5\\n\"\n"));
  // All directives in one asm statement (cc1 pays per statement).
  CHECK(header.text.find("__asm__(\n") == header.text.rfind("__asm__(\n"));
  CHECK(contains(header.text, "\n__asm__(\n\".symver "));
  CHECK(contains(header.text, ".symver glob,glob@GLIBC_2.2.5"));  // glob@@GLIBC_2.27 on the host
  // clock_gettime: libc@GLIBC_2.17 and librt@GLIBC_2.2.5 are both defaults at 2.17: ambiguous.
  CHECK_FALSE(contains(header.text, ".symver clock_gettime,"));
  CHECK_FALSE(contains(header.text, ".symver memcpy,"));     // 2.14 on both
  CHECK_FALSE(contains(header.text, ".symver getrandom,"));  // absent at 2.17: a shim's job
  CHECK(contains(header.text, "#ifndef __ASSEMBLER__"));
  // The target's version is told under glibc-pin's own names; __GLIBC_MINOR__ stays the host's.
  CHECK(contains(header.text, "#define __GLIBC_PIN_TARGET_GLIBC__ 2\n"));
  CHECK(contains(header.text, "#define __GLIBC_PIN_TARGET_GLIBC_MINOR__ 17\n"));
  CHECK_FALSE(contains(header.text, "__GLIBC_MINOR__ "));
  CHECK(make_symver_header(open_arch("x86_64"), k236, k236, "t").redirect_count == 0);
  CHECK(header.redirect_count > 100);
}

TEST_CASE("generator: __signgam names signgam for targets before 2.23, on every architecture") {
  for (const char* arch : {"x86_64", "i386", "aarch64"}) {
    INFO(arch);
    std::vector<HeaderAlias> aliases = find_header_aliases(open_arch(arch), k217, k236);
    REQUIRE(aliases.size() == 1);
    CHECK(aliases[0].name == "__signgam");
    CHECK(aliases[0].target_name == "signgam");
    CHECK(find_header_aliases(open_arch(arch), {2, 22}, k236).size() == 1);
    CHECK(find_header_aliases(open_arch(arch), {2, 23}, k236).empty());
  }
  SymverHeader header = make_symver_header(open_arch("x86_64"), k217, k236, "t");
  CHECK(contains(header.text, "extern \"C\" {\n#endif\nextern int __signgam __asm__(\"signgam\");\n"));
  CHECK_FALSE(contains(make_symver_header(open_arch("x86_64"), k228, k236, "t").text, "__signgam"));
}

TEST_CASE("target: versions, triples and profiles resolve; bad ones are clear errors") {
  CHECK(resolve_target("2.17", "x86_64", k236).glibc == k217);
  CHECK(resolve_target("x86_64-linux-gnu.2.28", "x86_64", k236).glibc == k228);
  Target centos = resolve_target("centos7", "x86_64", k236);
  CHECK(centos.glibc == k217);
  CHECK(centos.name() == "centos7 (x86_64-linux-gnu.2.17)");
  CHECK_THROWS_WITH(resolve_target("2.40", "x86_64", k236), Catch::Contains("newer than this host"));
  CHECK_THROWS_WITH(resolve_target("2.1", "x86_64", k236), Catch::Contains("base version"));
  CHECK_THROWS_WITH(resolve_target("centos5", "x86_64", k236), Catch::Contains("unknown target"));
  CHECK_THROWS_WITH(resolve_target("x86_64-linux-gnu.2.x", "x86_64", k236),
                    Catch::Contains("not a glibc version"));
}

TEST_CASE("target: a bare version or an any-architecture profile takes the compiler's") {
  CHECK(resolve_target("2.17", "aarch64", k236).arch == "aarch64");
  CHECK(resolve_target("centos7", "i386", k236).arch == "i386");
  CHECK(resolve_target("aarch64-linux-gnu.2.17", "x86_64", k236).arch == "aarch64");
  CHECK(resolve_target("i686-linux-gnu.2.17", "x86_64", k236).arch == "i386");
}

TEST_CASE("target: a profile named with a wheel tag's architecture is for that one only") {
  Target arm = resolve_target("manylinux2014_aarch64", "x86_64", k236);
  CHECK(arm.arch == "aarch64");  // the driver then refuses an x86_64 compiler
  CHECK(arm.glibc == k217);
  CHECK(resolve_target("manylinux_2_17_aarch64", "aarch64", k236).arch == "aarch64");
  for (const Profile& p : profiles())
    if (p.name == "manylinux2014_aarch64")
      CHECK(p.gcc == "GCC_4.7.0");  // aarch64's libgcc_s of GCC 4.8 has no GCC_4.8.0 node
  CHECK(parse_profiles("x_i686\t2.17\t-\t-\t-\t-\td\n").front().arch == "i386");
  CHECK(parse_profiles("centos7\t2.17\t-\t-\t-\t-\td\n").front().arch.empty());
}

TEST_CASE("explain: bfd's undefined reference names the object") {
  std::string out = "/usr/bin/ld: /tmp/a.o: in function `main':\n"
                    "a.c:(.text+0x3f): undefined reference to `pidfd_open'\n";
  std::vector<UndefinedReference> refs = parse_undefined_references(out);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].symbol == "pidfd_open");
  CHECK(refs[0].referenced_by == "/tmp/a.o");
  std::vector<std::string> why = explain_undefined_references(refs, open_arch("x86_64"), k217,
                                                              k236, "centos7");
  REQUIRE(why.size() == 1);
  CHECK(contains(why[0], "pidfd_open@GLIBC_2.36 (libc.so.6)"));
  CHECK(contains(why[0], "centos7 does not have"));
  CHECK(contains(why[0], "referenced by /tmp/a.o"));
}

TEST_CASE("explain: lld/mold format, and non-glibc symbols are left to the linker") {
  std::string out = "ld.lld: error: undefined symbol: pidfd_open\n>>> referenced by m.c\n"
                    "ld.lld: error: undefined symbol: my_own_function\n>>> referenced by m.c\n";
  std::vector<UndefinedReference> refs = parse_undefined_references(out);
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].referenced_by == "m.c");
  std::vector<std::string> why = explain_undefined_references(refs, open_arch("x86_64"), k217,
                                                              k236, "t");
  REQUIRE(why.size() == 1);
  CHECK(contains(why[0], "pidfd_open"));
}

TEST_CASE("explain: a shared library's own reference says shims cannot help it") {
  std::string out = "/usr/bin/ld: /usr/lib/gcc/x86_64-linux-gnu/12/libstdc++.so: undefined "
                    "reference to `arc4random@GLIBC_2.36'\n";
  std::vector<UndefinedReference> refs = parse_undefined_references(out);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].symbol == "arc4random");
  CHECK(refs[0].referenced_by == "/usr/lib/gcc/x86_64-linux-gnu/12/libstdc++.so");
  std::vector<std::string> why = explain_undefined_references(refs, open_arch("x86_64"),
                                                              {2, 31}, k236, "debian11");
  REQUIRE(why.size() == 1);
  CHECK(contains(why[0], "needed by the shared library"));
  CHECK(contains(why[0], "-static-libstdc++"));
}

TEST_CASE("explain: an interface no shim can provide says why and what to do instead") {
  std::string out = "/usr/bin/ld: /tmp/s.o: in function `run':\n"
                    "s.c:(.text+0x1a): undefined reference to `__signgam'\n";
  std::vector<std::string> why = explain_undefined_references(
      parse_undefined_references(out), open_arch("x86_64"), k217, k236, "centos7");
  REQUIRE(why.size() == 1);
  CHECK(contains(why[0], "__signgam@GLIBC_2.23 (libm.so.6)"));
  CHECK(contains(why[0], "no shim can provide it: it is a variable"));
  CHECK(contains(why[0], "referenced by /tmp/s.o"));
  CHECK(contains(why[0], "compiled without glibc-pin's header"));
  CHECK(contains(why[0], "instead: compile it with glibc-pin"));
}

TEST_CASE("generator: res_query & co. are renamed for targets before 2.34, not after") {
  std::vector<RenamedSymbol> renamed = find_renamed_symbols(open_arch("x86_64"), k217, k236);
  bool has_res_query = false;
  for (const RenamedSymbol& r : renamed)
    has_res_query |= r.name == "res_query" && r.old_name == "__res_query";
  CHECK(has_res_query);
  CHECK(renamed.size() == 17);  // the libresolv family, nothing else
  CHECK(find_renamed_symbols(open_arch("x86_64"), {2, 34}, k236).empty());
  std::string s = rename_trampoline({"res_query", "__res_query"});
  CHECK(contains(s, ".hidden res_query\n"));
  CHECK(contains(s, "jmp __res_query@PLT"));
}

TEST_CASE("generator: the rename trampoline is written in the target architecture's assembly") {
  std::string a64 = rename_trampoline({"res_query", "__res_query"}, "aarch64");
  CHECK(contains(a64, "\tb __res_query\n"));
  CHECK_FALSE(contains(a64, "jmp"));
  // i386 PIC: no PLT call (it would need %ebx = GOT); a jump through the GOT found in %ecx.
  std::string i386 = rename_trampoline({"res_query", "__res_query"}, "i386");
  CHECK(contains(i386, "jmp *__res_query@GOT(%ecx)"));
  CHECK_FALSE(contains(i386, "@PLT"));
}
