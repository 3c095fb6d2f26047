#include <algorithm>

#include <catch2/catch.hpp>

#include "database/embedded.hpp"
#include "fixture.hpp"
#include "util/error.hpp"

using namespace glibcpin;
using namespace glibcpin::test;

namespace {

std::vector<std::string> names(const std::vector<Export>& exports) {
  std::vector<std::string> out;
  for (const Export& e : exports)
    out.push_back(std::string(e.symbol) + (e.is_default ? "@@" : "@") + std::string(e.version));
  return out;
}

}  // namespace

TEST_CASE("db: header facts") {
  ArchDb db = fixture_db();
  CHECK(db.name() == "testarch");
  CHECK(db.base_version() == "GLIBC_2.2.5");
  CHECK(db.oldest() == Release{2, 12});
  CHECK(db.newest() == Release{2, 36});
  CHECK(db.releases().size() == 7);
  CHECK(db.observed_releases() == std::vector<Release>{{2, 17}, {2, 36}});
  CHECK(db.has_release(R("2.17")));
  CHECK_FALSE(db.has_release(R("2.35")));
  CHECK(db.all_libraries() == std::vector<std::string_view>{"libc.so.6", "libcrypt.so.1",
                                                            "libgap.so.1", "libpthread.so.0",
                                                            "librt.so.1"});
}

TEST_CASE("db: libraries existing at a release") {
  ArchDb db = fixture_db();
  CHECK(db.libraries_at(R("2.12")) ==
        std::vector<std::string_view>{"libc.so.6", "libcrypt.so.1", "libgap.so.1",
                                      "libpthread.so.0", "librt.so.1"});
  // libgap is absent in the middle; libcrypt leaves after 2.33.
  CHECK(db.libraries_at(R("2.17")) ==
        std::vector<std::string_view>{"libc.so.6", "libcrypt.so.1", "libpthread.so.0",
                                      "librt.so.1"});
  CHECK(db.libraries_at(R("2.34")) ==
        std::vector<std::string_view>{"libc.so.6", "libgap.so.1", "libpthread.so.0",
                                      "librt.so.1"});
  CHECK(db.library_exists_at("libcrypt.so.1", R("2.33")));
  CHECK_FALSE(db.library_exists_at("libcrypt.so.1", R("2.34")));
  CHECK_FALSE(db.library_exists_at("libnope.so.1", R("2.34")));
  CHECK(db.knows_library("libgap.so.1"));
  CHECK_FALSE(db.knows_library("libgap.so"));
}

TEST_CASE("db: exports of a library at a release, with the default marked") {
  ArchDb db = fixture_db();
  CHECK(names(db.exports_at("libc.so.6", R("2.13"))) ==
        std::vector<std::string>{"_test_errlist@GLIBC_2.3", "_test_errlist@@GLIBC_2.10",
                                 "memcpy@@GLIBC_2.2.5", "realpath@GLIBC_2.2.5",
                                 "realpath@@GLIBC_2.3", "stdout@@GLIBC_2.2.5"});
  CHECK(names(db.exports_at("libc.so.6", R("2.34"))) ==
        std::vector<std::string>{"__test_tls@@GLIBC_2.17", "clock_gettime@GLIBC_2.2.5",
                                 "clock_gettime@@GLIBC_2.17", "memcpy@GLIBC_2.2.5",
                                 "memcpy@@GLIBC_2.14", "pthread_create@GLIBC_2.2.5",
                                 "pthread_create@@GLIBC_2.34", "realpath@GLIBC_2.2.5",
                                 "realpath@@GLIBC_2.3", "stdout@@GLIBC_2.2.5"});
  CHECK(names(db.exports_at("libpthread.so.0", R("2.34"))) ==
        std::vector<std::string>{"__libpthread_version_placeholder@@GLIBC_2.2.5"});
  CHECK(db.exports_at("libcrypt.so.1", R("2.36")).empty());
  CHECK(db.exports_at("libnope.so.1", R("2.36")).empty());
}

TEST_CASE("db: kinds and sizes of exports") {
  ArchDb db = fixture_db();
  std::vector<Export> e14 = db.exports_at("libc.so.6", R("2.14"));
  auto errlist = std::find_if(e14.begin(), e14.end(),
                              [](const Export& e) { return e.symbol == "_test_errlist"; });
  REQUIRE(errlist != e14.end());
  CHECK(errlist->kind == Kind::Data);
  CHECK(errlist->size == 1080);
  std::vector<Export> e12 = db.exports_at("libc.so.6", R("2.12"));
  CHECK(std::count_if(e12.begin(), e12.end(), [](const Export& e) {
          return e.symbol == "_test_errlist" && e.version == "GLIBC_2.10" && e.size == 1072;
        }) == 1);
  std::vector<Export> e17 = db.exports_at("libc.so.6", R("2.17"));
  CHECK(std::any_of(e17.begin(), e17.end(), [](const Export& e) {
    return e.symbol == "__test_tls" && e.kind == Kind::Tls && e.size == 4;
  }));
}

TEST_CASE("db: binding is the default version at the target, else absent") {
  ArchDb db = fixture_db();
  CHECK(db.binding("memcpy", "libc.so.6", R("2.12"))->version == "GLIBC_2.2.5");
  CHECK(db.binding("memcpy", "libc.so.6", R("2.13"))->version == "GLIBC_2.2.5");
  CHECK(db.binding("memcpy", "libc.so.6", R("2.14"))->version == "GLIBC_2.14");
  CHECK(db.binding("memcpy", "libc.so.6", R("2.36"))->version == "GLIBC_2.14");
  CHECK(db.binding("memcpy", "libc.so.6", R("2.36"))->is_default);
  CHECK(db.binding("pthread_create", "libpthread.so.0", R("2.33"))->version == "GLIBC_2.2.5");
  CHECK_FALSE(db.binding("pthread_create", "libpthread.so.0", R("2.34")).has_value());
  CHECK(db.binding("pthread_create", "libc.so.6", R("2.34"))->version == "GLIBC_2.34");
  CHECK_FALSE(db.binding("pthread_create", "libc.so.6", R("2.33")).has_value());
  // Exported at 2.34 but only as a compat version in libc: no new link binds to it there.
  CHECK(db.binding("clock_gettime", "libc.so.6", R("2.34"))->version == "GLIBC_2.17");
  CHECK_FALSE(db.binding("clock_gettime", "libc.so.6", R("2.14")).has_value());
  CHECK(db.binding("clock_gettime", "librt.so.1", R("2.14"))->version == "GLIBC_2.2.5");
  CHECK_FALSE(db.binding("nosuchsymbol", "libc.so.6", R("2.17")).has_value());
  CHECK_FALSE(db.binding("memcpy", "libnope.so.1", R("2.17")).has_value());
}

TEST_CASE("db: whether a symbol exists, at all or at a release") {
  ArchDb db = fixture_db();
  CHECK(db.has_symbol("crypt"));
  CHECK(db.has_symbol("__libpthread_version_placeholder"));
  CHECK_FALSE(db.has_symbol("cryp"));
  CHECK_FALSE(db.has_symbol(""));
  CHECK_FALSE(db.has_symbol("zzz"));
  CHECK(db.has_symbol_at("crypt", R("2.33")));
  CHECK_FALSE(db.has_symbol_at("crypt", R("2.34")));
  CHECK_FALSE(db.has_symbol_at("__test_tls", R("2.14")));
}

TEST_CASE("db: every row of a symbol, by library, version and release") {
  ArchDb db = fixture_db();
  std::vector<Entry> e = db.entries_of("clock_gettime");
  REQUIRE(e.size() == 3);
  CHECK(e[0].library == "libc.so.6");
  CHECK(e[0].version == "GLIBC_2.2.5");
  CHECK(e[0].first == Release{2, 34});
  CHECK_FALSE(e[0].default_first.has_value());
  CHECK(e[1].library == "libc.so.6");
  CHECK(e[1].version == "GLIBC_2.17");
  CHECK(e[1].default_first == Release{2, 17});
  CHECK(e[1].default_last == Release{2, 36});
  CHECK(e[2].library == "librt.so.1");
  CHECK(e[2].last == Release{2, 33});

  std::vector<Entry> gap = db.entries_of("gap");
  REQUIRE(gap.size() == 2);
  CHECK(gap[0].last == Release{2, 13});
  CHECK(gap[1].first == Release{2, 33});
  CHECK(db.entries_of("nosuchsymbol").empty());
}

TEST_CASE("db: a release the database does not describe is an error") {
  ArchDb db = fixture_db();
  CHECK_THROWS_WITH(db.libraries_at(R("2.11")),
                    "glibc 2.11 is not in the testarch database (it covers 2.12 to 2.36)");
  CHECK_THROWS_WITH(db.exports_at("libc.so.6", R("2.37")),
                    "glibc 2.37 is not in the testarch database (it covers 2.12 to 2.36)");
  CHECK_THROWS_WITH(db.binding("memcpy", "libc.so.6", R("2.35")),
                    "glibc 2.35 is not in the testarch database (not a glibc release; see "
                    "'glibc-pin targets')");
  CHECK_THROWS_AS(db.has_symbol_at("memcpy", R("3.0")), Error);
  CHECK_THROWS_AS(db.version_nodes_at("libc.so.6", R("2.0")), Error);
}

TEST_CASE("db: an unknown architecture is an error naming the known ones") {
  CHECK_THROWS_AS(open_arch("sparc"), Error);
  try {
    open_arch("sparc");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).starts_with("unknown architecture 'sparc'"));
  }
}

TEST_CASE("db: the host architecture has a name") {
  CHECK((host_arch() == "x86_64" || host_arch() == "i386" || host_arch() == "aarch64"));
}
