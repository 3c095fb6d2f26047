// The pieces behind `check` on shared objects and wheels: the zip reader (crafted archives,
// stored and deflated, and each way one can be broken), the loader's search order, and the
// target's system libraries.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "util/error.hpp"
#include "verify/loader_scope.hpp"
#include "verify/system_libraries.hpp"
#include "verify/zip_archive.hpp"

using namespace glibcpin;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put(Bytes& b, std::uint64_t value, int width) {
  for (int i = 0; i < width; i++)
    b.push_back(std::uint8_t(value >> (8 * i)));
}

Bytes raw_deflate(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  Bytes out(deflateBound(&z, data.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = uInt(data.size());
  z.next_out = out.data();
  z.avail_out = uInt(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Member {
  std::string name, data;
  std::uint16_t method = 8;
};

// A zip archive as Python's zipfile writes one: local headers, central directory, end record.
Bytes make_zip(const std::vector<Member>& members) {
  Bytes out, directory;
  for (const Member& m : members) {
    Bytes body = m.method == 8 ? raw_deflate(m.data) : Bytes(m.data.begin(), m.data.end());
    std::uint32_t crc = std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(m.data.data()),
                                            uInt(m.data.size())));
    std::uint64_t offset = out.size();
    put(out, 0x04034b50, 4); put(out, 20, 2); put(out, 0, 2); put(out, m.method, 2);
    put(out, 0, 4); put(out, crc, 4); put(out, body.size(), 4); put(out, m.data.size(), 4);
    put(out, m.name.size(), 2); put(out, 0, 2);
    out.insert(out.end(), m.name.begin(), m.name.end());
    out.insert(out.end(), body.begin(), body.end());
    put(directory, 0x02014b50, 4); put(directory, 20, 2); put(directory, 20, 2);
    put(directory, 0, 2); put(directory, m.method, 2); put(directory, 0, 4);
    put(directory, crc, 4); put(directory, body.size(), 4); put(directory, m.data.size(), 4);
    put(directory, m.name.size(), 2); put(directory, 0, 2); put(directory, 0, 2);
    put(directory, 0, 2); put(directory, 0, 2); put(directory, 0, 4); put(directory, offset, 4);
    directory.insert(directory.end(), m.name.begin(), m.name.end());
  }
  std::uint64_t directory_at = out.size();
  out.insert(out.end(), directory.begin(), directory.end());
  put(out, 0x06054b50, 4); put(out, 0, 2); put(out, 0, 2);
  put(out, members.size(), 2); put(out, members.size(), 2);
  put(out, directory.size(), 4); put(out, directory_at, 4); put(out, 0, 2);
  return out;
}

std::string text(const Bytes& b) { return std::string(b.begin(), b.end()); }

std::string error_of(const Bytes& zip) {
  try {
    for (const ZipEntry& e : zip_entries(zip, "w.whl"))
      zip_extract(zip, e, "w.whl");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("zip: stored and deflated members read back whole, and by their first bytes", "[zip]") {
  std::string big(100000, 'e');
  Bytes zip = make_zip({{"pkg/", "", 0}, {"pkg/a.so", "\177ELF and more", 8}, {"pkg/b", big, 0}});
  std::vector<ZipEntry> entries = zip_entries(zip, "w.whl");
  REQUIRE(entries.size() == 3);
  CHECK(entries[1].name == "pkg/a.so");
  CHECK(text(zip_extract(zip, entries[1], "w.whl")) == "\177ELF and more");
  CHECK(text(zip_extract(zip, entries[1], "w.whl", 4)) == "\177ELF");
  CHECK(text(zip_extract(zip, entries[2], "w.whl")) == big);
  CHECK(zip_extract(zip, entries[0], "w.whl").empty());
}

TEST_CASE("zip: a broken archive is an Error that says what is wrong", "[zip]") {
  Bytes good = make_zip({{"a.so", std::string(5000, 'x'), 8}});
  CHECK(error_of(good).empty());
  CHECK_THAT(error_of(Bytes(good.begin(), good.begin() + 10)),
             Catch::Contains("too short"));
  Bytes no_end = good;
  no_end.resize(no_end.size() - 22);
  CHECK_THAT(error_of(no_end), Catch::Contains("no end-of-central-directory record"));
  Bytes bad_crc = good;
  bad_crc[bad_crc.size() - 22 - (46 + 4) + 16] ^= 0xff;  // the directory entry's CRC-32
  CHECK_THAT(error_of(bad_crc), Catch::Contains("CRC-32 mismatch"));
  Bytes zip64 = good;
  zip64[zip64.size() - 22 + 10] = 0xff;  // total entries 0xffff
  zip64[zip64.size() - 22 + 11] = 0xff;
  CHECK_THAT(error_of(zip64), Catch::Contains("zip64"));
  Bytes method = make_zip({{"a.so", "x", 12}});  // bzip2
  CHECK_THAT(error_of(method), Catch::Contains("compression method 12"));
  Bytes corrupt = good;
  for (size_t i = 34; i < 60; i++)  // inside the deflated data
    corrupt[i] ^= 0x5a;
  CHECK_FALSE(error_of(corrupt).empty());
  Bytes outside = good;
  outside[outside.size() - 22 + 16] = 0xf0;  // the directory's offset past the end
  CHECK_THAT(error_of(outside), Catch::Contains("outside the file"));
}

TEST_CASE("loader scope: a dlopen'd object is searched after its host's libc", "[scope]") {
  ElfRequirements so;
  so.type = ElfType::SharedObject;
  so.needed = {"librt.so.1", "libc.so.6"};
  CheckTarget t;
  t.arch = "x86_64";
  t.glibc = Release{2, 17};
  LoaderScope scope = loader_scope(so, t);
  CHECK(scope.dlopened);
  CHECK(scope.order == std::vector<std::string>{"libdl.so.2", "libc.so.6",
                                                "ld-linux-x86-64.so.2", "librt.so.1",
                                                "libpthread.so.0"});
  t.glibc = Release{2, 34};  // dlopen is in libc; librt no longer needs libpthread
  CHECK(loader_scope(so, t).order ==
        std::vector<std::string>{"libc.so.6", "ld-linux-x86-64.so.2", "librt.so.1"});
  ElfRequirements exe = so;
  exe.interpreter = "/lib64/ld-linux-x86-64.so.2";
  t.glibc = Release{2, 17};
  LoaderScope exe_scope = loader_scope(exe, t);
  CHECK_FALSE(exe_scope.dlopened);
  CHECK(exe_scope.order == std::vector<std::string>{"librt.so.1", "libc.so.6",
                                                    "libpthread.so.0", "ld-linux-x86-64.so.2"});
}

TEST_CASE("system libraries: whose libcrypt.so.1 a target has", "[system-libraries]") {
  CHECK(system_libraries("centos7", Release{2, 17}, "GLIBC_2.2.5", true).empty());
  auto rhel8 = system_libraries("rhel8", Release{2, 28}, "GLIBC_2.2.5", true);
  REQUIRE(rhel8.size() == 1);
  CHECK(rhel8[0].nodes == std::vector<std::string>{"GLIBC_2.2.5", "XCRYPT_2.0"});
  auto debian11 = system_libraries("debian11", Release{2, 31}, "GLIBC_2.2.5", true);
  REQUIRE(debian11.size() == 1);
  CHECK(debian11[0].nodes ==
        std::vector<std::string>{"GLIBC_2.2.5", "XCRYPT_2.0", "XCRYPT_4.3", "XCRYPT_4.4"});
  CHECK(system_libraries("", Release{2, 31}, "GLIBC_2.2.5", true).empty());  // the weakest
  auto bare = system_libraries("", Release{2, 41}, "GLIBC_2.17", false);
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].nodes.front() == "GLIBC_2.17");
  auto manylinux2014 = system_libraries("manylinux2014", Release{2, 17}, "GLIBC_2.2.5", true);
  REQUIRE(manylinux2014.size() == 1);  // glibc's libcrypt; zlib as the policy allows it
  CHECK(manylinux2014[0].soname == "libz.so.1");
  CHECK(manylinux2014[0].nodes.front() == "ZLIB_1.2.0");
  CHECK(manylinux2014[0].nodes.back() == "ZLIB_1.2.5.2");
}
