// Splitting text into views without copying.
#pragma once

#include <string_view>
#include <vector>

namespace glibcpin {

// "a\tb\t" split at '\t' -> {"a", "b", ""}
std::vector<std::string_view> split(std::string_view text, char separator);

// Lines without their '\n' (and a trailing '\r'); no empty last line for a final '\n'.
std::vector<std::string_view> split_lines(std::string_view text);

// Words separated by runs of spaces or tabs.
std::vector<std::string_view> split_words(std::string_view text);

}  // namespace glibcpin
