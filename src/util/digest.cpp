#include "util/digest.hpp"

#include <cstdint>
#include <cstdio>

namespace glibcpin {

std::string stable_digest(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text)
    hash = (hash ^ c) * 1099511628211ull;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

}  // namespace glibcpin
