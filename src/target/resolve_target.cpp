#include <cstdlib>
#include <string>

#include "database/embedded.hpp"
#include "target/target.hpp"
#include "util/error.hpp"

namespace glibcpin {

std::string Target::name() const {
  std::string triple = arch + "-linux-gnu." + to_string(glibc);
  return profile ? *profile + " (" + triple + ")" : triple;
}

static const Profile* find_profile(std::string_view name) {
  for (const Profile& profile : profiles())
    if (profile.name == name)
      return &profile;
  return nullptr;
}

// "x86_64-linux-gnu.2.17" -> {"x86_64", "2.17"}; also "x86_64-unknown-linux-gnu.2.17".
static bool split_triple(std::string_view text, std::string& arch, std::string& version) {
  size_t dash = text.find('-');
  size_t gnu = text.rfind("-gnu.");
  if (dash == std::string_view::npos || gnu == std::string_view::npos)
    return false;
  arch = std::string(text.substr(0, dash));
  version = std::string(text.substr(gnu + 5));
  if (arch == "i686" || arch == "i586")
    arch = "i386";
  return true;
}

Target resolve_target(std::string_view text, std::string_view default_arch, Release host_glibc) {
  Target target;
  target.arch = std::string(default_arch);
  std::string version;
  if (const Profile* profile = find_profile(text)) {
    target.glibc = profile->glibc;
    target.profile = std::string(profile->name);
    if (!profile->arch.empty())
      target.arch = std::string(profile->arch);
  } else if (split_triple(text, target.arch, version)) {
    std::optional<Release> release = parse_release(version);
    if (!release)
      throw Error("target '" + std::string(text) + "': '" + version + "' is not a glibc version");
    target.glibc = *release;
  } else if (std::optional<Release> release = parse_release(text)) {
    target.glibc = *release;
  } else {
    throw Error("unknown target '" + std::string(text) +
                "' (want a glibc version like 2.17, a triple like x86_64-linux-gnu.2.17, or a "
                "profile; 'glibc-pin targets' lists them)");
  }

  ArchDb db = open_arch(target.arch);
  if (!db.has_release(target.glibc)) {
    throw Error("target '" + std::string(text) + "': glibc " + to_string(target.glibc) +
                " is not a release the " + target.arch + " database describes (" +
                to_string(db.oldest()) + " to " + to_string(db.newest()) + "; " + target.arch +
                "'s base version is " + std::string(db.base_version()) + ")");
  }
  if (target.glibc > host_glibc) {
    throw Error("target '" + std::string(text) + "': glibc " + to_string(target.glibc) +
                " is newer than this host's glibc " + to_string(host_glibc) +
                "; build on a newer system or pick an older target");
  }
  return target;
}

std::string target_from_environment() {
  const char* env = std::getenv("GLIBC_PIN_TARGET");
  return env ? env : "";
}

}  // namespace glibcpin
