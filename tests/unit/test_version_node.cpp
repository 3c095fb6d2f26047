#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "database/version_node.hpp"

using namespace glibcpin;

TEST_CASE("version node: dotted numbers compare numerically") {
  CHECK(version_node_less("GLIBC_2.2.5", "GLIBC_2.3"));
  CHECK(version_node_less("GLIBC_2.3", "GLIBC_2.3.2"));
  CHECK(version_node_less("GLIBC_2.3.2", "GLIBC_2.10"));
  CHECK(version_node_less("GLIBC_2.9", "GLIBC_2.10"));
  CHECK_FALSE(version_node_less("GLIBC_2.10", "GLIBC_2.9"));
  CHECK(compare_version_nodes("GLIBC_2.17", "GLIBC_2.17") == 0);
  CHECK(compare_version_nodes("GLIBC_2.34", "GLIBC_2.4") > 0);
}

TEST_CASE("version node: sorting a shuffled list gives glibc's order") {
  std::vector<std::string> v = {"GLIBC_2.10", "GLIBC_2.3.2", "GLIBC_PRIVATE", "GLIBC_2.2.5",
                                "GLIBC_2.3",  "GLIBC_2.34",  "GLIBC_2.3.4",   "GLIBC_2.4"};
  std::sort(v.begin(), v.end(),
            [](const std::string& a, const std::string& b) { return version_node_less(a, b); });
  CHECK(v == std::vector<std::string>{"GLIBC_2.2.5", "GLIBC_2.3", "GLIBC_2.3.2", "GLIBC_2.3.4",
                                      "GLIBC_2.4", "GLIBC_2.10", "GLIBC_2.34", "GLIBC_PRIVATE"});
}

TEST_CASE("version node: names without numbers and other prefixes do not crash") {
  CHECK(version_node_less("GLIBC_2.36", "GLIBC_PRIVATE"));
  CHECK(compare_version_nodes("", "") == 0);
  CHECK(compare_version_nodes("GCC_3.0", "GLIBC_2.2.5") != 0);
  CHECK(compare_version_nodes("GLIBC_2.x", "GLIBC_2.y") < 0);
}

TEST_CASE("version node: release_of_version_node") {
  CHECK(release_of_version_node("GLIBC_2.14") == Release{2, 14});
  CHECK(release_of_version_node("GLIBC_2.2.5") == Release{2, 2, 5});
  CHECK_FALSE(release_of_version_node("GLIBC_PRIVATE").has_value());
  CHECK_FALSE(release_of_version_node("GCC_3.0").has_value());
}
