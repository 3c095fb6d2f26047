// Facts the real database (symver-maps/x86_64.tsv, embedded) must state; from issue 3.
#include <algorithm>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/command.hpp"
#include "database/embedded.hpp"

using namespace glibcpin;

namespace {

const Entry* find(const std::vector<Entry>& entries, std::string_view library,
                  std::string_view version) {
  for (const Entry& e : entries)
    if (e.library == library && e.version == version)
      return &e;
  return nullptr;
}

Release at_least(Release r, const ArchDb& db) {
  return std::max(r, db.oldest());
}

}  // namespace

TEST_CASE("real x86_64: header") {
  ArchDb db = open_arch("x86_64");
  CHECK(db.base_version() == "GLIBC_2.2.5");
  CHECK(db.oldest() <= Release{2, 17});
  CHECK(db.newest() >= Release{2, 41});
  CHECK(db.has_release(Release{2, 28}));
  CHECK(db.library_exists_at("libc.so.6", Release{2, 17}));
  CHECK(db.library_exists_at("libpthread.so.0", Release{2, 17}));
}

TEST_CASE("real x86_64: memcpy@GLIBC_2.2.5 and @GLIBC_2.14, the latter default since 2.14") {
  ArchDb db = open_arch("x86_64");
  std::vector<Entry> e = db.entries_of("memcpy");
  const Entry* old = find(e, "libc.so.6", "GLIBC_2.2.5");
  const Entry* now = find(e, "libc.so.6", "GLIBC_2.14");
  REQUIRE(old);
  REQUIRE(now);
  REQUIRE(now->default_first);
  CHECK(*now->default_first == at_least(Release{2, 14}, db));
  CHECK(*now->default_last == db.newest());
  CHECK(db.binding("memcpy", "libc.so.6", Release{2, 17})->version == "GLIBC_2.14");
  if (db.has_release(Release{2, 13}))
    CHECK(db.binding("memcpy", "libc.so.6", Release{2, 13})->version == "GLIBC_2.2.5");
}

TEST_CASE("real x86_64: pthread_create in libpthread @2.2.5 and in libc @2.34 (+ compat 2.2.5)") {
  ArchDb db = open_arch("x86_64");
  std::vector<Entry> e = db.entries_of("pthread_create");
  REQUIRE(find(e, "libpthread.so.0", "GLIBC_2.2.5"));
  const Entry* libc34 = find(e, "libc.so.6", "GLIBC_2.34");
  const Entry* libc225 = find(e, "libc.so.6", "GLIBC_2.2.5");
  REQUIRE(libc34);
  REQUIRE(libc225);
  CHECK(libc34->first == Release{2, 34});
  CHECK(libc34->default_first == Release{2, 34});
  CHECK(libc225->first == Release{2, 34});
  CHECK_FALSE(libc225->default_first.has_value());
  CHECK(db.binding("pthread_create", "libpthread.so.0", Release{2, 17})->version == "GLIBC_2.2.5");
  CHECK_FALSE(db.binding("pthread_create", "libc.so.6", Release{2, 33}).has_value());
  CHECK(db.binding("pthread_create", "libc.so.6", Release{2, 34})->version == "GLIBC_2.34");
}

TEST_CASE("real x86_64: clock_gettime in librt @2.2.5 and in libc @2.17") {
  ArchDb db = open_arch("x86_64");
  std::vector<Entry> e = db.entries_of("clock_gettime");
  REQUIRE(find(e, "librt.so.1", "GLIBC_2.2.5"));
  const Entry* libc17 = find(e, "libc.so.6", "GLIBC_2.17");
  REQUIRE(libc17);
  CHECK(libc17->first == Release{2, 17});
  CHECK(libc17->default_first == Release{2, 17});
  // Real 2.17's libc has only clock_gettime@GLIBC_2.17, not @GLIBC_2.2.5.
  std::vector<Export> libc = db.exports_at("libc.so.6", Release{2, 17});
  CHECK(std::none_of(libc.begin(), libc.end(), [](const Export& x) {
    return x.symbol == "clock_gettime" && x.version == "GLIBC_2.2.5";
  }));
}

TEST_CASE("real x86_64: __cxa_thread_atexit_impl@GLIBC_2.18") {
  ArchDb db = open_arch("x86_64");
  std::vector<Entry> e = db.entries_of("__cxa_thread_atexit_impl");
  const Entry* entry = find(e, "libc.so.6", "GLIBC_2.18");
  REQUIRE(entry);
  CHECK(entry->first == Release{2, 18});
  CHECK_FALSE(db.has_symbol_at("__cxa_thread_atexit_impl", Release{2, 17}));
  CHECK(db.binding("__cxa_thread_atexit_impl", "libc.so.6", Release{2, 18})->version ==
        "GLIBC_2.18");
}

TEST_CASE("real x86_64: GLIBC_PRIVATE never appears") {
  ArchDb db = open_arch("x86_64");
  for (std::string_view lib : db.libraries_at(db.newest()))
    for (std::string_view node : db.version_nodes_at(lib, db.newest()))
      CHECK(node != "GLIBC_PRIVATE");
}

TEST_CASE("real x86_64: lookup prints the table and the binding") {
  std::ostringstream out, err;
  int status = run_cli({"glibc-pin", "lookup", "memcpy", "--arch", "x86_64"}, out, err);
  CHECK(status == 0);
  CHECK(err.str().empty());
  std::string text = out.str();
  CHECK(text.find("libc.so.6  memcpy@GLIBC_2.2.5") != std::string::npos);
  CHECK(text.find("libc.so.6  memcpy@GLIBC_2.14 ") != std::string::npos);
  CHECK(text.find("binds to: libc.so.6 memcpy@GLIBC_2.14") != std::string::npos);

  std::ostringstream out2, err2;
  CHECK(run_cli({"glibc-pin", "lookup", "pthread_create", "--release", "2.17"}, out2, err2) == 0);
  CHECK(out2.str().find("binds to: libpthread.so.0 pthread_create@GLIBC_2.2.5\n") !=
        std::string::npos);

  std::ostringstream out3, err3;
  CHECK(run_cli({"glibc-pin", "lookup", "no_such_symbol_anywhere"}, out3, err3) == 1);
  CHECK(err3.str().starts_with("glibc-pin: error: symbol 'no_such_symbol_anywhere' is not"));
}
