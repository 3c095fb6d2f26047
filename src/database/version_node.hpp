// Version node names such as GLIBC_2.2.5, compared by their numbers.
#pragma once

#include <optional>
#include <string_view>

#include "database/release.hpp"

namespace glibcpin {

// Orders version nodes: same prefix ("GLIBC_") compares the dotted numbers numerically
// (GLIBC_2.2.5 < GLIBC_2.3 < GLIBC_2.3.2 < GLIBC_2.10); names without numbers
// (GLIBC_PRIVATE) sort after numbered ones of the same prefix; else byte order.
// Returns <0, 0 or >0.
int compare_version_nodes(std::string_view a, std::string_view b);

inline bool version_node_less(std::string_view a, std::string_view b) {
  return compare_version_nodes(a, b) < 0;
}

// GLIBC_2.14 -> 2.14, GLIBC_2.2.5 -> 2.2.5; nullopt for GLIBC_PRIVATE and other names.
std::optional<Release> release_of_version_node(std::string_view node);

}  // namespace glibcpin
