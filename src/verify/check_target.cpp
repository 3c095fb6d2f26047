#include "verify/check_target.hpp"

#include "database/embedded.hpp"
#include "database/version_node.hpp"

namespace glibcpin {

CheckTarget make_check_target(const Target& target) {
  CheckTarget t;
  t.arch = target.arch;
  t.glibc = target.glibc;
  auto apply_profile = [&](const Profile& p) {
    t.glibcxx = std::string(p.glibcxx);
    t.cxxabi = std::string(p.cxxabi);
    t.gcc = std::string(p.gcc);
    t.cxx_levels_from = std::string(p.name);
  };
  if (target.profile) {
    t.profile = *target.profile;
    t.name = t.profile + " (glibc " + to_string(t.glibc) + ")";
    for (const Profile& p : profiles())
      if (p.name == t.profile) {
        apply_profile(p);
        for (std::string_view lib : p.allowed_libraries)
          t.allowed_libraries.emplace_back(lib);
      }
  } else {
    t.name = "glibc " + to_string(t.glibc);
    if (target.arch != host_arch())
      t.name = target.arch + " glibc " + to_string(t.glibc);
    // The oldest C++ runtime among the profiles with exactly this glibc.
    const Profile* lowest = nullptr;
    for (const Profile& p : profiles())
      if (p.glibc == t.glibc && !p.glibcxx.empty() &&
          (!lowest || compare_version_nodes(p.glibcxx, lowest->glibcxx) < 0))
        lowest = &p;
    if (lowest)
      apply_profile(*lowest);
  }
  return t;
}

}  // namespace glibcpin
