#include "driver/find_tool.hpp"

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "util/error.hpp"
#include "util/split.hpp"

namespace glibcpin {

namespace fs = std::filesystem;

static bool is_self(const fs::path& candidate) {
  std::error_code ec;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  fs::path other = fs::canonical(candidate, ec);
  return !ec && other == self;
}

static std::string search_path_skipping_self(const std::string& name) {
  if (name.find('/') != std::string::npos)
    return name;
  const char* path = std::getenv("PATH");
  for (std::string_view dir : split(path ? path : "/usr/bin:/bin", ':')) {
    fs::path candidate = fs::path(dir.empty() ? "." : std::string(dir)) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0 &&
        !is_self(candidate))
      return candidate.string();
  }
  return "";
}

static std::string from_env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : "";
}

// Invoked under a compiler's own name (cc, gcc, clang++...), not as glibc-pin-*.
static bool masquerades(const std::string& invoked_as) {
  return !invoked_as.empty() && !invoked_as.starts_with("glibc-pin");
}

std::string find_real_tool(Personality personality, const WrapperOptions& wrapper,
                           const std::string& invoked_as, const std::string& cross_triple) {
  std::string prefix = cross_triple.empty() ? "" : cross_triple + "-";
  std::string name;
  switch (personality) {
  case Personality::CC:
    name = wrapper.compiler.value_or(from_env("GLIBC_PIN_CC"));
    if (name.empty())
      name = masquerades(invoked_as) ? invoked_as : cross_triple.empty() ? "cc" : prefix + "gcc";
    break;
  case Personality::CXX:
    name = wrapper.compiler.value_or(from_env("GLIBC_PIN_CXX"));
    if (name.empty())
      name = masquerades(invoked_as) ? invoked_as : prefix + (cross_triple.empty() ? "c++" : "g++");
    break;
  case Personality::LD:
    name = wrapper.linker.value_or(from_env("GLIBC_PIN_LD"));
    if (name.empty())
      name = invoked_as.starts_with("ld") ? invoked_as : "ld";
      // GNU ld is built for one architecture (lld links for all): ld, ld.bfd, ld.gold for
      // another architecture are <triple>-ld, <triple>-ld.bfd, <triple>-ld.gold.
      if (!cross_triple.empty() && (name == "ld" || name == "ld.bfd" || name == "ld.gold"))
        name = prefix + name;
    break;
  }
  std::string path = search_path_skipping_self(name);
  if (path.empty())
    throw Error("cannot find the real " +
                std::string(personality == Personality::LD ? "linker" : "compiler") + " '" +
                name + "' in PATH");
  if (is_self(path))
    throw Error("the real tool '" + path + "' is glibc-pin itself; set " +
                (personality == Personality::LD ? "GLIBC_PIN_LD" : "GLIBC_PIN_CC/GLIBC_PIN_CXX") +
                " to the real one");
  return path;
}

}  // namespace glibcpin
