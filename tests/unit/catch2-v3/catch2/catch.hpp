// The Catch2 2 single header, spelled for Catch2 3 (Debian 13, sid): the unit tests include
// <catch2/catch.hpp> and build with either version. On the include path only with Catch2 3
// (tests/unit/CMakeLists.txt); Catch2 2 (Debian 12) brings its own header of this name.
#pragma once

#include <string>

#include <catch2/catch_message.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

namespace Catch {
// Catch2 2's name for a substring matcher (Catch2 3: Matchers::ContainsSubstring).
inline Matchers::StringContainsMatcher Contains(const std::string& text) {
  return Matchers::ContainsSubstring(text);
}
}  // namespace Catch
