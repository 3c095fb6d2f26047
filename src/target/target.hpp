// A build target: the glibc of the system a binary must run on.
//
// Users name it as a glibc version ("2.17"), a zig-style triple ("x86_64-linux-gnu.2.17") or a
// profile ("centos7", "manylinux2014", "debian11"); all resolve to an architecture and a release.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "database/release.hpp"

namespace glibcpin {

struct Profile {
  std::string_view name;
  Release glibc;
  std::string_view description;  // what system it stands for, and where the number comes from
};

struct Target {
  std::string arch;                  // "x86_64"
  Release glibc;                     // 2.17
  std::optional<std::string> profile;  // "centos7" when named by a profile
  std::string name() const;          // "x86_64-linux-gnu.2.17" or "centos7 (x86_64, glibc 2.17)"
};

std::span<const Profile> profiles();

// Resolves `text` for `default_arch`. Throws Error with a clear message for an unknown name, a
// malformed version, a release the database does not describe or older than the architecture's
// base version, and a release newer than `host_glibc` (the host could not provide its symbols).
Target resolve_target(std::string_view text, std::string_view default_arch, Release host_glibc);

}  // namespace glibcpin
