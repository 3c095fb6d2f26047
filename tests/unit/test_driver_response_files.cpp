// Response files (@file): quoting, escapes, nesting and its limit, round trips, reading from disk.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "util/error.hpp"
#include "driver_test.hpp"

using namespace glibcpin;
using namespace glibcpin::driver_test;

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
