#include "database/embedded.hpp"

#include "util/error.hpp"

namespace glibcpin {

std::string_view host_arch() {
#if defined(__x86_64__)
  return "x86_64";
#elif defined(__i386__)
  return "i386";
#elif defined(__aarch64__)
  return "aarch64";
#else
  return "x86_64";
#endif
}

bool has_database(std::string_view arch) {
  for (const PackedArch* packed : embedded_archs())
    if (packed->name == arch)
      return true;
  return false;
}

ArchDb open_arch(std::string_view arch) {
  std::string known;
  for (const PackedArch* packed : embedded_archs()) {
    if (packed->name == arch)
      return ArchDb(*packed);
    known += (known.empty() ? "" : ", ") + std::string(packed->name);
  }
  if (known.empty())
    throw Error("unknown architecture '" + std::string(arch) +
                "': this glibc-pin was built without a symbol-version database "
                "(symver-maps/*.tsv missing at build time)");
  throw Error("unknown architecture '" + std::string(arch) + "' (known: " + known + ")");
}

}  // namespace glibcpin
