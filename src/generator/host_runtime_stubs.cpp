#include "generator/host_runtime_stubs.hpp"

#include "util/error.hpp"
#include "verify/elf_requirements.hpp"

namespace glibcpin {

StubLibrary make_stub_of_library_file(const std::string& path) {
  ElfRequirements library = read_elf_requirements(path, ReadExports::Yes);
  if (library.soname.empty())
    throw Error(path + ": a shared library without a soname");
  std::vector<Export> exports;
  for (const ExportedSymbol& symbol : library.exports) {
    Kind kind = symbol.kind == 'D' ? Kind::Data : symbol.kind == 'T' ? Kind::Tls : Kind::Function;
    exports.push_back({"", symbol.name, symbol.version, kind,
                       static_cast<std::uint32_t>(symbol.size), symbol.is_default});
  }
  std::vector<std::string_view> nodes(library.version_definitions.begin(),
                                      library.version_definitions.end());
  return make_stub_library(library.soname, exports, nodes);
}

}  // namespace glibcpin
