// The stub libraries written directly (generator/stub_elf.cpp), read back by glibc-pin's own ELF
// reader: every library of the database at old and new releases, for each architecture. The
// comparison with stubs linked by GNU ld is tests/generator/stub-elf-equivalence.sh.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "database/embedded.hpp"
#include "generator/stub_elf.hpp"
#include "generator/stub_library.hpp"
#include "util/error.hpp"
#include "verify/elf_requirements.hpp"

using namespace glibcpin;

namespace {
using Row = std::tuple<std::string, std::string, char, std::uint64_t, bool>;

ElfRequirements read_back(const std::string& image, const std::string& name) {
  auto bytes = reinterpret_cast<const std::uint8_t*>(image.data());
  return parse_elf({bytes, image.size()}, name, ReadExports::Yes);
}

void check_round_trip(std::string_view arch, Release release) {
  ArchDb db = open_arch(arch);
  for (std::string_view library : db.libraries_at(release)) {
    StubLibrary stub = make_stub_library(db, library, release);
    std::string name = std::string(arch) + " " + to_string(release) + " " + stub.soname;
    INFO(name);
    ElfRequirements read = read_back(stub_elf(stub, arch), name);
    CHECK(read.type == ElfType::SharedObject);
    CHECK(machine_name(read.machine, read.elf_class) == arch);
    CHECK(read.soname == stub.soname);
    CHECK(read.needed.empty());
    CHECK(read.version_definitions == stub.nodes);
    std::set<Row> expected, got;
    for (const StubSymbol& s : stub.symbols) {
      const StubSymbol& object = s.alias_of >= 0 ? stub.symbols[s.alias_of] : s;
      std::uint64_t size = s.kind == Kind::Function ? 1 : object.size;
      expected.insert({s.name, s.version, kind_letter(s.kind), size, s.is_default});
    }
    for (const ExportedSymbol& e : read.exports)
      if (e.name != e.version)  // GNU ld's absolute symbol naming each version node
        got.insert({e.name, e.version, e.kind, e.size, e.is_default});
    CHECK(got == expected);
  }
}
}  // namespace

TEST_CASE("stub_elf: x86_64 stubs read back with every symbol, version and size") {
  for (Release release : {Release{2, 12}, Release{2, 17}, Release{2, 28}, Release{2, 36}})
    check_round_trip("x86_64", release);
}

TEST_CASE("stub_elf: aarch64 and i386 stubs read back the same") {
  for (std::string_view arch : {"aarch64", "i386"})
    for (Release release : {Release{2, 17}, Release{2, 36}})
      check_round_trip(arch, release);
}

TEST_CASE("stub_elf: i386 stubs are ELFCLASS32, the others ELFCLASS64") {
  StubLibrary stub = make_stub_library(open_arch("i386"), "libdl.so.2", Release{2, 17});
  std::string image = stub_elf(stub, "i386");
  CHECK(image[4] == 1);  // EI_CLASS: ELFCLASS32
  CHECK(read_back(image, "i386 libdl").elf_class == 32);
  stub = make_stub_library(open_arch("aarch64"), "libdl.so.2", Release{2, 17});
  CHECK(stub_elf(stub, "aarch64")[4] == 2);  // ELFCLASS64
}

TEST_CASE("stub_elf: environ's names share one address; a symbol without its node is refused") {
  StubLibrary stub = make_stub_library(open_arch("x86_64"), "libc.so.6", Release{2, 17});
  bool found = false;
  for (const StubSymbol& s : stub.symbols)
    if (s.name == "environ") {
      REQUIRE(s.alias_of >= 0);
      CHECK(stub.symbols[s.alias_of].name == "__environ");
      CHECK(s.weak);
      found = true;
    }
  CHECK(found);
  stub.nodes.pop_back();  // GLIBC_2.17: clock_gettime's node
  CHECK_THROWS_AS(stub_elf(stub, "x86_64"), Error);
  CHECK_THROWS_AS(stub_elf(stub, "riscv64"), Error);
}

TEST_CASE("stub_elf: TLS and data objects keep their sizes, TLS values are offsets in .tbss") {
  // The database has no TLS exports today; a host library stubbed from its file may.
  std::vector<Export> exports = {{"", "counter", "TEST_1.0", Kind::Tls, 4, true},
                                 {"", "buffer", "TEST_1.0", Kind::Tls, 64, true},
                                 {"", "table", "TEST_1.0", Kind::Data, 24, true},
                                 {"", "f", "TEST_1.0", Kind::Function, 0, true},
                                 {"", "f", "TEST_0.9", Kind::Function, 0, false}};
  StubLibrary stub = make_stub_library("libtls.so.1", exports, {"TEST_0.9", "TEST_1.0"});
  for (std::string_view arch : {"x86_64", "aarch64", "i386"}) {
    INFO(arch);
    ElfRequirements read = read_back(stub_elf(stub, arch), "libtls.so.1");
    std::set<Row> got;
    for (const ExportedSymbol& e : read.exports)
      if (e.name != e.version)
        got.insert({e.name, e.version, e.kind, e.size, e.is_default});
    CHECK(got == std::set<Row>{{"counter", "TEST_1.0", 'T', 4, true},
                               {"buffer", "TEST_1.0", 'T', 64, true},
                               {"table", "TEST_1.0", 'D', 24, true},
                               {"f", "TEST_1.0", 'F', 1, true},
                               {"f", "TEST_0.9", 'F', 1, false}});
  }
}
