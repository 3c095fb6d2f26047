// The link trace: which linker options glibc-pin adds to learn what a link loaded, when it
// stays out of the way, and how each linker's -t output is read. No linker is run.
#include <set>

#include <catch2/catch.hpp>

#include "driver/invocation.hpp"
#include "driver/link_trace.hpp"

using namespace glibcpin;

namespace {

using Args = std::vector<std::string>;
const TargetFiles kFiles{"/cache/t/stubs", "/cache/t/pin.h", "/cache/t/libshim.a"};

bool contains(const Args& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

// A file system of a few existing files.
auto files(std::set<std::string> existing) {
  return [existing](const std::string& path) { return existing.count(path) > 0; };
}

}  // namespace

TEST_CASE("a traced compiler link ends with -Wl,-t,-t", "[trace]") {
  Invocation inv = classify_arguments(Personality::CC, {"main.o", "-o", "app"});
  Rewritten r = rewrite_arguments(inv, kFiles, true);
  CHECK(r.traced);
  CHECK(r.args.back() == "-Wl,-t,-t");
}

TEST_CASE("a traced ld link ends with -t -t", "[trace]") {
  Invocation inv = classify_arguments(Personality::LD, {"main.o", "-lc", "-o", "app"});
  Rewritten r = rewrite_arguments(inv, kFiles, true);
  CHECK(r.traced);
  CHECK(Args(r.args.end() - 2, r.args.end()) == Args{"-t", "-t"});
}

TEST_CASE("no trace unless asked, or without a pinned link", "[trace]") {
  CHECK_FALSE(rewrite_arguments(classify_arguments(Personality::CC, {"main.o"}), kFiles).traced);
  for (const Args& args : {Args{"-c", "a.c"}, Args{"-static", "a.o"}, Args{"-r", "a.o"},
                           Args{"-###", "a.o"}, Args{"--version"}}) {
    Rewritten r = rewrite_arguments(classify_arguments(Personality::CC, args), kFiles, true);
    CHECK_FALSE(r.traced);
    CHECK_FALSE(contains(r.args, "-Wl,-t,-t"));
  }
}

TEST_CASE("no trace when the user's options print on the linker's stdout", "[trace]") {
  for (const Args& args : {Args{"a.o", "-Wl,-t"}, Args{"a.o", "-Wl,--gc-sections,-M"},
                           Args{"a.o", "-Xlinker", "--cref"}, Args{"a.o", "-Wl,--trace-symbol=f"},
                           Args{"a.o", "-Wl,-yf"}, Args{"a.o", "-Wl,--print-map"}}) {
    Invocation inv = classify_arguments(Personality::CC, args);
    CHECK(user_prints_to_stdout(inv));
    CHECK_FALSE(rewrite_arguments(inv, kFiles, true).traced);
  }
  CHECK(user_prints_to_stdout(classify_arguments(Personality::LD, {"a.o", "--trace"})));
  CHECK_FALSE(user_prints_to_stdout(classify_arguments(Personality::CC, {"a.o", "-Wl,-O1,--as-needed"})));
  // -t to the compiler driver is not the linker's
  CHECK_FALSE(user_prints_to_stdout(classify_arguments(Personality::CC, {"a.o", "-Wl,-z,now"})));
}

TEST_CASE("bfd's trace: files, and members as (archive)member", "[trace]") {
  LinkTrace t = parse_link_trace(
      "/usr/lib/x86_64-linux-gnu/Scrt1.o\n/tmp/ccX.o\n./libab.a\n(./libab.a)a.o\n"
      "/lib/x86_64-linux-gnu/libc.so.6\n./libab.a\n",
      files({"/usr/lib/x86_64-linux-gnu/Scrt1.o", "./libab.a", "/lib/x86_64-linux-gnu/libc.so.6"}));
  REQUIRE(t.inputs.size() == 5);
  CHECK(t.inputs[0].file == "/usr/lib/x86_64-linux-gnu/Scrt1.o");
  CHECK(t.inputs[1].file == "/tmp/ccX.o");  // gone by now, still an input
  CHECK(t.inputs[2].label() == "./libab.a");
  CHECK(t.inputs[3].label() == "./libab.a(a.o)");
  CHECK(t.inputs[3].member == "a.o");
  CHECK(t.other_output.empty());
}

TEST_CASE("gold's and lld's trace: archive(member)", "[trace]") {
  LinkTrace t = parse_link_trace("/tmp/m.o\n./lib x.a(b c.o)\n",
                                 files({"/tmp/m.o", "./lib x.a"}));
  REQUIRE(t.inputs.size() == 2);
  CHECK(t.inputs[1].file == "./lib x.a");
  CHECK(t.inputs[1].member == "b c.o");
}

TEST_CASE("lines that are not the trace reach the user", "[trace]") {
  LinkTrace t = parse_link_trace("hello from a linker plugin\n/tmp/m.o\nwarning (see above)\n",
                                 files({"/tmp/m.o"}));
  CHECK(t.inputs.size() == 1);
  CHECK(t.other_output == "hello from a linker plugin\nwarning (see above)\n");
}
