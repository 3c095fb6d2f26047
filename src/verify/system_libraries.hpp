// The target's libraries that are not glibc's own build, or that a distribution replaced: which
// implementation of a soname the target has, and which version nodes it defines there.
//
// Today that is libcrypt.so.1: glibc built it (GLIBC_2.2.5 only) until 2.38; distributions
// replaced it with libxcrypt's (XCRYPT_2.0, XCRYPT_4.3, XCRYPT_4.4 and the glibc compatibility
// node) from Fedora 28, RHEL 8, Debian 11 and Ubuntu 20.04 on. A library linked with -lcrypt on
// a newer system needs crypt@XCRYPT_2.0, which CentOS 7's glibc libcrypt does not define.
// The manylinux policies also name the zlib nodes they allow (libz.so.1: ZLIB_1.2.9 is not in
// manylinux2014). libstdc++.so.6 and libgcc_s.so.1 are judged by the profile's levels
// (CheckTarget); the manylinux profiles' other allowed libraries by their names only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "database/release.hpp"

namespace glibcpin {

struct SystemLibrary {
  std::string soname;              // "libcrypt.so.1"
  std::string implementation;      // "libxcrypt 4.4.18 (Debian 11's libcrypt1)"
  std::vector<std::string> nodes;  // the version nodes it defines
};

// The system libraries of `profile` ("" for a bare glibc release) on an architecture whose
// glibc base version is `base_version` (GLIBC_2.2.5 on x86_64), beyond what glibc `glibc`
// itself builds. `glibc_builds_libcrypt`: whether the database has glibc's own libcrypt.so.1 at
// that release (it stopped building it in 2.39).
std::vector<SystemLibrary> system_libraries(std::string_view profile, Release glibc,
                                            std::string_view base_version,
                                            bool glibc_builds_libcrypt);

}  // namespace glibcpin
