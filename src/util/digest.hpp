// A short digest of text that is the same on every build and machine (std::hash is not), for
// cache keys.
#pragma once

#include <string>
#include <string_view>

namespace glibcpin {

// 16 hex digits of the 64-bit FNV-1a hash of `text`.
std::string stable_digest(std::string_view text);

}  // namespace glibcpin
