#include <sstream>

#include <catch2/catch.hpp>

#include "cli/command.hpp"

using namespace glibcpin;

namespace {

struct Run {
  int status;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  args.insert(args.begin(), "glibc-pin");
  std::ostringstream out, err;
  int status = run_cli(args, out, err);
  return {status, out.str(), err.str()};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("cli: --help lists every command from the table") {
  Run r = run({"--help"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Usage: glibc-pin COMMAND"));
  for (const Command& c : commands())
    CHECK(contains(r.out, "  " + std::string(c.name)));
  CHECK(run({"-h"}).out == r.out);
}

TEST_CASE("cli: --version prints the version and the database summary") {
  Run r = run({"--version"});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("glibc-pin 0.1.0\ndatabase:"));
}

TEST_CASE("cli: no command is a usage error") {
  Run r = run({});
  CHECK(r.status == 2);
  CHECK(r.err == "glibc-pin: error: no command given\nTry 'glibc-pin --help' for usage.\n");
}

TEST_CASE("cli: an unknown command is a usage error") {
  Run r = run({"frobnicate", "x"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "glibc-pin: error: unknown command 'frobnicate'\nTry 'glibc-pin --help' for usage.\n");
}

TEST_CASE("cli: an unknown global option is a usage error") {
  Run r = run({"--frob", "lookup", "memcpy"});
  CHECK(r.status == 2);
  CHECK(r.err.starts_with("glibc-pin: error: unrecognised option '--frob'"));
}

TEST_CASE("cli: a subcommand's --help shows its usage") {
  Run r = run({"lookup", "--help"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Usage: glibc-pin lookup SYMBOL"));
  CHECK(contains(r.out, "--arch"));
  CHECK(run({"targets", "-h"}).status == 0);
}

TEST_CASE("cli: lookup usage errors exit 2 with a hint for the subcommand") {
  Run missing = run({"lookup"});
  CHECK(missing.status == 2);
  CHECK(missing.err ==
        "glibc-pin: error: lookup: missing SYMBOL\nTry 'glibc-pin lookup --help' for usage.\n");
  Run extra = run({"lookup", "a", "b"});
  CHECK(extra.status == 2);
  CHECK(contains(extra.err, "lookup: too many arguments"));
  Run bad = run({"lookup", "memcpy", "--bogus"});
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "glibc-pin: error: lookup: unrecognised option '--bogus'"));
  CHECK(run({"lookup", "memcpy", "--arch"}).status == 2);
}

TEST_CASE("cli: an unknown architecture is an error, not a crash") {
  Run r = run({"lookup", "memcpy", "--arch", "sparc"});
  CHECK(r.status == 1);
  CHECK(r.err.starts_with("glibc-pin: error: unknown architecture 'sparc'"));
  CHECK(run({"targets", "--arch", "sparc"}).status == 1);
}

TEST_CASE("cli: targets lists a place for profiles") {
  Run r = run({"targets"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Profiles:"));
}
