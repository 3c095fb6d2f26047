// What a database row describes: a function, a data object, a TLS object or a version node.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace glibcpin {

enum class Kind : std::uint8_t {
  Function = 'F',
  Data = 'D',
  Tls = 'T',
  VersionNode = 'V',
};

inline std::optional<Kind> parse_kind(std::string_view text) {
  if (text == "F") return Kind::Function;
  if (text == "D") return Kind::Data;
  if (text == "T") return Kind::Tls;
  if (text == "V") return Kind::VersionNode;
  return std::nullopt;
}

inline char kind_letter(Kind kind) {
  return static_cast<char>(kind);
}

// "function", "data", "tls", "version"
inline std::string_view kind_name(Kind kind) {
  switch (kind) {
  case Kind::Function: return "function";
  case Kind::Data: return "data";
  case Kind::Tls: return "tls";
  case Kind::VersionNode: return "version";
  }
  return "?";
}

}  // namespace glibcpin
