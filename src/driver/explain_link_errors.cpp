#include "driver/explain_link_errors.hpp"

#include <set>

#include "util/split.hpp"

namespace glibcpin {

// "/usr/bin/ld: /tmp/cc1.o: in function `main':" -> "/tmp/cc1.o"
static std::string object_of_function_line(std::string_view line) {
  size_t in = line.find(": in function `");
  if (in == std::string_view::npos)
    return "";
  std::string_view head = line.substr(0, in);
  size_t colon = head.rfind(": ");
  return std::string(colon == std::string_view::npos ? head : head.substr(colon + 2));
}

std::vector<UndefinedReference> parse_undefined_references(const std::string& output) {
  std::vector<UndefinedReference> refs;
  std::string current_object;
  for (std::string_view line : split_lines(output)) {
    if (std::string object = object_of_function_line(line); !object.empty())
      current_object = object;
    if (size_t at = line.find("undefined reference to `"); at != std::string_view::npos) {
      std::string_view rest = line.substr(at + 24);
      std::string_view name = rest.substr(0, rest.find('\''));
      // A shared library's own reference: "ld: /usr/lib/.../libstdc++.so: undefined reference
      // to `stat@GLIBC_2.33'" (bfd writes versioned references as `name@VERSION').
      std::string object = current_object;
      std::string_view head = line.substr(0, at);
      if (head.ends_with(": ") && head.find(".so") != std::string_view::npos) {
        head.remove_suffix(2);
        size_t colon = head.rfind(": ");
        object = std::string(colon == std::string_view::npos ? head : head.substr(colon + 2));
      }
      refs.push_back({std::string(name.substr(0, name.find('@'))), object});
    } else if (size_t at = line.find("undefined symbol: "); at != std::string_view::npos) {
      std::string_view name = line.substr(at + 18);
      refs.push_back({std::string(name.substr(0, name.find_first_of("@ "))), ""});
    } else if (size_t at = line.find(">>> referenced by "); at != std::string_view::npos &&
                                                             !refs.empty()) {
      if (refs.back().referenced_by.empty())
        refs.back().referenced_by = std::string(line.substr(at + 18));
    } else if (size_t at = line.find(">>> "); at != std::string_view::npos && !refs.empty() &&
                                              refs.back().referenced_by.empty()) {
      refs.back().referenced_by = std::string(line.substr(at + 4));
    }
  }
  return refs;
}

// Interfaces no shim can stand in for, with why and what to do instead. (The demand table,
// `glibc-pin demand`, lists them as "refuses".)
struct Unshimmable {
  std::string_view symbol;
  std::string_view why;
  std::string_view fix;
};
static constexpr Unshimmable kUnshimmable[] = {
    // Source compiled through glibc-pin never gets here: the forced header makes __signgam name
    // signgam (generator/header_aliases.cpp). Only an object compiled without it refers to it.
    {"__signgam",
     "it is a variable, libm 2.23's second name of signgam (before 2.23 lgamma sets only "
     "signgam); code compiled through glibc-pin reads signgam instead, but this object was "
     "compiled without glibc-pin's header, and a copy of the variable would always read 0",
     "compile it with glibc-pin (or read signgam, or use lgamma_r, which returns the sign)"},
};

static const Unshimmable* find_unshimmable(std::string_view symbol) {
  for (const Unshimmable& u : kUnshimmable)
    if (u.symbol == symbol)
      return &u;
  return nullptr;
}

// The library and version a host link would bind `symbol` to: "getrandom@GLIBC_2.25 (libc.so.6)".
static std::string host_binding(const ArchDb& db, const std::string& symbol, Release host) {
  for (std::string_view library : db.libraries_at(host))
    if (std::optional<Export> e = db.binding(symbol, library, host))
      return symbol + "@" + std::string(e->version) + " (" + std::string(library) + ")";
  return "";
}

std::vector<std::string> explain_undefined_references(
    const std::vector<UndefinedReference>& references, const ArchDb& db, Release target,
    Release host, const std::string& target_name) {
  std::vector<std::string> messages;
  std::set<std::string> seen;
  for (const UndefinedReference& ref : references) {
    if (!seen.insert(ref.symbol + "\n" + ref.referenced_by).second)
      continue;
    std::string on_host = host_binding(db, ref.symbol, host);
    if (on_host.empty() || db.has_symbol_at(ref.symbol, target))
      continue;
    bool from_shared_library = ref.referenced_by.find(".so") != std::string::npos &&
                               !ref.referenced_by.ends_with(".o");
    if (from_shared_library)
      messages.push_back(ref.symbol + " needs " + on_host + ", which " + target_name +
                         " does not have; needed by the shared library " + ref.referenced_by +
                         ", built for a newer glibc (shims cannot change it): link it statically "
                         "(-static-libstdc++ -static-libgcc for the C++ runtime) or use a copy "
                         "built for the target");
    else if (const Unshimmable* u = find_unshimmable(ref.symbol))
      messages.push_back(ref.symbol + " needs " + on_host + ", which " + target_name +
                         " does not have, and no shim can provide it: " + std::string(u->why) +
                         (ref.referenced_by.empty() ? "" : "; referenced by " + ref.referenced_by) +
                         "; instead: " + std::string(u->fix));
    else
      messages.push_back(ref.symbol + " needs " + on_host + ", which " + target_name +
                         " does not have and no glibc-pin shim provides" +
                         (ref.referenced_by.empty() ? "" : "; referenced by " + ref.referenced_by));
  }
  return messages;
}

}  // namespace glibcpin
