// What a Target is checked against: its glibc, and the C++ runtime levels and allowed libraries
// of its profile (for a bare glibc version, the oldest C++ runtime among the profiles with that
// glibc). Shared by `glibc-pin check` and the driver's check after every link.
#pragma once

#include "target/target.hpp"
#include "verify/fits_target.hpp"

namespace glibcpin {

CheckTarget make_check_target(const Target& target);

// A profile's glibc, C++ runtime levels and allowed libraries on `arch`, named by the profile.
CheckTarget check_target_of_profile(const Profile& profile, const std::string& arch);

}  // namespace glibcpin
