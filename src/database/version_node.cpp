#include "database/version_node.hpp"

#include <array>

namespace glibcpin {
namespace {

struct SplitNode {
  std::string_view prefix;          // "GLIBC_"
  std::array<long, 4> numbers{};    // 2, 2, 5
  int count = 0;                    // 0 when the name has no dotted number
};

SplitNode split(std::string_view name) {
  SplitNode out;
  size_t underscore = name.rfind('_');
  size_t start = underscore == std::string_view::npos ? 0 : underscore + 1;
  std::string_view tail = name.substr(start);
  SplitNode numbered{name.substr(0, start)};
  size_t i = 0;
  while (i < tail.size() && numbered.count < 4) {
    if (tail[i] < '0' || tail[i] > '9')
      break;
    long value = 0;
    while (i < tail.size() && tail[i] >= '0' && tail[i] <= '9' && value < 1000000)
      value = value * 10 + (tail[i++] - '0');
    numbered.numbers[numbered.count++] = value;
    if (i == tail.size())
      return numbered;
    if (tail[i] != '.')
      break;
    i++;
  }
  out.prefix = name;  // not of the form PREFIX_N.N...: the whole name is the "prefix"
  return out;
}

}  // namespace

int compare_version_nodes(std::string_view a, std::string_view b) {
  SplitNode x = split(a);
  SplitNode y = split(b);
  if (x.count && y.count && x.prefix == y.prefix) {
    for (int i = 0; i < 4; i++) {
      if (i >= x.count || i >= y.count)
        return (x.count > i) - (y.count > i);
      if (x.numbers[i] != y.numbers[i])
        return x.numbers[i] < y.numbers[i] ? -1 : 1;
    }
    return 0;
  }
  // GLIBC_PRIVATE after every numbered GLIBC_ node.
  if (x.count && !y.count && b.starts_with(x.prefix))
    return -1;
  if (!x.count && y.count && a.starts_with(y.prefix))
    return 1;
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

std::optional<Release> release_of_version_node(std::string_view node) {
  if (!node.starts_with("GLIBC_"))
    return std::nullopt;
  return parse_release(node.substr(6));
}

}  // namespace glibcpin
