#include "verify/check_target.hpp"

#include "database/embedded.hpp"
#include "database/version_node.hpp"

namespace glibcpin {
namespace {

void add_system_libraries(CheckTarget& t) {
  std::string base = "GLIBC_2.2.5";
  bool glibc_crypt = true;
  for (const PackedArch* packed : embedded_archs()) {
    ArchDb db(*packed);
    if (db.name() == t.arch) {
      base = std::string(db.base_version());
      glibc_crypt = db.has_release(t.glibc) && db.library_exists_at("libcrypt.so.1", t.glibc);
    }
  }
  t.system_libraries = system_libraries(t.profile, t.glibc, base, glibc_crypt);
}

}  // namespace

CheckTarget check_target_of_profile(const Profile& profile, const std::string& arch) {
  CheckTarget t;
  t.arch = arch;
  t.glibc = profile.glibc;
  t.profile = std::string(profile.name);
  t.name = t.profile;
  t.glibcxx = std::string(profile.glibcxx);
  t.cxxabi = std::string(profile.cxxabi);
  t.gcc = std::string(profile.gcc);
  t.cxx_levels_from = t.profile;
  for (std::string_view lib : profile.allowed_libraries)
    t.allowed_libraries.emplace_back(lib);
  add_system_libraries(t);
  return t;
}

CheckTarget make_check_target(const Target& target) {
  if (target.profile)
    for (const Profile& p : profiles())
      if (p.name == *target.profile) {
        CheckTarget t = check_target_of_profile(p, target.arch);
        t.name = t.profile + " (glibc " + to_string(t.glibc) + ")";
        return t;
      }
  CheckTarget t;
  t.arch = target.arch;
  t.glibc = target.glibc;
  t.name = "glibc " + to_string(t.glibc);
  if (target.arch != host_arch())
    t.name = target.arch + " glibc " + to_string(t.glibc);
  // The oldest C++ runtime among the profiles with exactly this glibc.
  const Profile* lowest = nullptr;
  for (const Profile& p : profiles())
    if (p.glibc == t.glibc && !p.glibcxx.empty() &&
        (!lowest || compare_version_nodes(p.glibcxx, lowest->glibcxx) < 0))
      lowest = &p;
  if (lowest) {
    t.glibcxx = std::string(lowest->glibcxx);
    t.cxxabi = std::string(lowest->cxxabi);
    t.gcc = std::string(lowest->gcc);
    t.cxx_levels_from = std::string(lowest->name);
  }
  add_system_libraries(t);
  return t;
}

}  // namespace glibcpin
