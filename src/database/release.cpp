#include "database/release.hpp"

#include "util/error.hpp"

namespace glibcpin {

std::optional<Release> parse_release(std::string_view text) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  size_t i = 0;
  while (true) {
    if (count == 3 || i >= text.size() || text[i] < '0' || text[i] > '9')
      return std::nullopt;
    int value = 0;
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > 255 || i - start > 3)
        return std::nullopt;
      i++;
    }
    parts[count++] = value;
    if (i == text.size())
      break;
    if (text[i] != '.')
      return std::nullopt;
    i++;
  }
  if (count < 2)
    return std::nullopt;
  return Release{parts[0], parts[1], parts[2]};
}

Release parse_release_or_throw(std::string_view text) {
  if (auto release = parse_release(text))
    return *release;
  throw Error("malformed release '" + std::string(text) +
              "' (expected a glibc release such as 2.17)");
}

std::string to_string(Release release) {
  std::string s = std::to_string(release.major) + "." + std::to_string(release.minor);
  if (release.patch)
    s += "." + std::to_string(release.patch);
  return s;
}

}  // namespace glibcpin
