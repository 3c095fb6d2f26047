// A glibc release number such as 2.17 (or 2.2.5 for the early ones).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace glibcpin {

struct Release {
  int major = 0;
  int minor = 0;
  int patch = 0;  // only the early releases have one (2.2.5, 2.3.2, ...)

  auto operator<=>(const Release&) const = default;
};

// "2.17" -> {2, 17}; "2.3.2" -> {2, 3, 2}. Each part is 0..255. nullopt when malformed.
std::optional<Release> parse_release(std::string_view text);

// Like parse_release, but throws Error("malformed release '...'") for bad input.
Release parse_release_or_throw(std::string_view text);

std::string to_string(Release release);

}  // namespace glibcpin
