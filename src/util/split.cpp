#include "util/split.hpp"

namespace glibcpin {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  while (true) {
    size_t pos = text.find(separator);
    out.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos)
      return out;
    text.remove_prefix(pos + 1);
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    size_t pos = text.find('\n');
    std::string_view line = text.substr(0, pos);
    if (line.ends_with('\r'))
      line.remove_suffix(1);
    out.push_back(line);
    if (pos == std::string_view::npos)
      break;
    text.remove_prefix(pos + 1);
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      i++;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t')
      i++;
    if (i > start)
      out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace glibcpin
