#include "verify/system_libraries.hpp"

namespace glibcpin {
namespace {

// Which libxcrypt each profile's libcrypt.so.1 comes from; profiles not listed have glibc's own
// (CentOS 6/7, SLES 12, Amazon Linux 2, Ubuntu 18.04, Debian 10, SLES 15 taken at its oldest,
// the manylinux policies up to 2014). Sources: the distributions' package versions; the Debian
// ones read from the archive's libcrypt1 packages (readelf -V: the four nodes below).
struct XcryptOf {
  std::string_view profile;
  std::string_view release;  // libxcrypt release
  std::string_view package;  // where it comes from
};
constexpr XcryptOf xcrypt_profiles[] = {
    {"rhel8", "4.1.1", "RHEL 8's libxcrypt"},
    {"manylinux_2_28", "4.1.1", "AlmaLinux 8's libxcrypt"},
    {"debian11", "4.4.18", "Debian 11's libcrypt1"},
    {"ubuntu20.04", "4.4.10", "Ubuntu 20.04's libcrypt1"},
    {"rhel9", "4.4.18", "RHEL 9's libxcrypt"},
    {"ubuntu22.04", "4.4.27", "Ubuntu 22.04's libcrypt1"},
    {"debian12", "4.4.33", "Debian 12's libcrypt1"},
    {"ubuntu24.04", "4.4.36", "Ubuntu 24.04's libcrypt1"},
    {"debian13", "4.4.38", "Debian 13's libcrypt1"},
};

// libxcrypt's version nodes by release: XCRYPT_2.0 since 4.0 (crypt, crypt_r, crypt_rn,
// crypt_ra, crypt_gensalt*), XCRYPT_4.3 since 4.3 (crypt_checksalt), XCRYPT_4.4 since 4.4
// (crypt_preferred_method); the glibc compatibility node (crypt@GLIBC_2.2.5...) always.
std::vector<std::string> xcrypt_nodes(std::string_view release, std::string_view base_version) {
  std::vector<std::string> nodes{std::string(base_version), "XCRYPT_2.0"};
  if (release >= "4.3")
    nodes.push_back("XCRYPT_4.3");
  if (release >= "4.4")
    nodes.push_back("XCRYPT_4.4");
  return nodes;
}

// zlib's version nodes a manylinux policy allows, oldest first (auditwheel's
// manylinux-policy.json, "ZLIB" of x86_64: manylinux_2_12 up to 1.2.2.4, manylinux_2_17 up to
// 1.2.5.2, manylinux_2_28 and _2_31 up to 1.2.9).
constexpr std::string_view zlib_nodes[] = {
    "ZLIB_1.2.0",     "ZLIB_1.2.0.2",   "ZLIB_1.2.0.8",   "ZLIB_1.2.2", "ZLIB_1.2.2.3",
    "ZLIB_1.2.2.4",   "ZLIB_1.2.3.3",   "ZLIB_1.2.3.4",   "ZLIB_1.2.3.5", "ZLIB_1.2.5.1",
    "ZLIB_1.2.5.2",   "ZLIB_1.2.7.1",   "ZLIB_1.2.9"};
struct ZlibOf {
  std::string_view profile, newest;
};
constexpr ZlibOf zlib_profiles[] = {
    {"manylinux2010", "ZLIB_1.2.2.4"},  {"manylinux_2_12", "ZLIB_1.2.2.4"},
    {"manylinux2014", "ZLIB_1.2.5.2"},  {"manylinux_2_17", "ZLIB_1.2.5.2"},
    {"manylinux_2_28", "ZLIB_1.2.9"},   {"manylinux_2_31", "ZLIB_1.2.9"},
};

}  // namespace

std::vector<SystemLibrary> system_libraries(std::string_view profile, Release glibc,
                                            std::string_view base_version,
                                            bool glibc_builds_libcrypt) {
  std::vector<SystemLibrary> out;
  for (const XcryptOf& x : xcrypt_profiles)
    if (x.profile == profile)
      out.push_back({"libcrypt.so.1",
                     "libxcrypt " + std::string(x.release) + " (" + std::string(x.package) + ")",
                     xcrypt_nodes(x.release, base_version)});
  if (profile.empty() && !glibc_builds_libcrypt)  // every system with such a glibc: libxcrypt 4.4
    out.push_back({"libcrypt.so.1", "libxcrypt (glibc " + to_string(glibc) + " no longer builds it)",
                   xcrypt_nodes("4.4", base_version)});
  for (const ZlibOf& z : zlib_profiles)
    if (z.profile == profile) {
      SystemLibrary zlib{"libz.so.1", "zlib as the " + std::string(profile) + " policy allows it", {}};
      for (std::string_view node : zlib_nodes) {
        zlib.nodes.emplace_back(node);
        if (node == z.newest)
          break;
      }
      out.push_back(std::move(zlib));
    }
  return out;
}

}  // namespace glibcpin
