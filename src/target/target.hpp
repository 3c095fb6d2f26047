// A build target: the glibc of the system a binary must run on.
//
// Users name it as a glibc version ("2.17"), a zig-style triple ("x86_64-linux-gnu.2.17") or a
// profile ("centos7", "manylinux2014", "debian11"); all resolve to an architecture and a release.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "database/release.hpp"

namespace glibcpin {

// One row of symver-maps/profiles.tsv (embedded at build time; sources in its comments).
struct Profile {
  std::string_view name;
  Release glibc;
  std::string_view description;  // what system it stands for
  std::string_view glibcxx;      // newest GLIBCXX_ node of its libstdc++.so.6; "" when unknown
  std::string_view cxxabi;       // newest CXXABI_ node; "" when unknown
  std::string_view gcc;          // newest GCC_ node of its libgcc_s.so.1; "" when unknown
  std::vector<std::string_view> allowed_libraries;  // DT_NEEDED allow-list (manylinux); empty: any
  // The one architecture the profile stands for, from its name's wheel-tag suffix
  // (manylinux2014_aarch64: aarch64; _i686: i386; _x86_64: x86_64); "" for any architecture.
  std::string_view arch;
};

struct Target {
  std::string arch;                  // "x86_64"
  Release glibc;                     // 2.17
  std::optional<std::string> profile;  // "centos7" when named by a profile
  std::string name() const;          // "x86_64-linux-gnu.2.17" or "centos7 (x86_64, glibc 2.17)"
};

std::span<const Profile> profiles();

// Parses profiles.tsv text (the embedded one by default); throws Error naming the bad line.
std::vector<Profile> parse_profiles(std::string_view tsv);

// Resolves `text` for `default_arch`. Throws Error with a clear message for an unknown name, a
// malformed version, a release the database does not describe or older than the architecture's
// base version, and a release newer than `host_glibc` (the host could not provide its symbols).
Target resolve_target(std::string_view text, std::string_view default_arch, Release host_glibc);

// $GLIBC_PIN_TARGET: the target when no option names one. "" when unset or empty.
std::string target_from_environment();

}  // namespace glibcpin
