#include "generator/host_runtime_stubs.hpp"

#include "elf/read_library.hpp"
#include "util/error.hpp"

namespace glibcpin {

StubLibrary make_stub_of_library_file(const std::string& path) {
  ElfLibrary library = read_elf_library(path);
  if (library.soname.empty())
    throw Error(path + ": a shared library without a soname");
  std::vector<Export> exports;
  for (const ElfSymbol& symbol : library.symbols) {
    if (symbol.is_absolute || symbol.version.empty() || !symbol.kind)
      continue;
    exports.push_back({"", symbol.name, symbol.version, *symbol.kind,
                       static_cast<std::uint32_t>(symbol.size), symbol.is_default});
  }
  std::vector<std::string_view> nodes(library.version_nodes.begin(), library.version_nodes.end());
  StubLibrary stub = make_stub_library(library.soname, exports, nodes);
  return stub;
}

}  // namespace glibcpin
