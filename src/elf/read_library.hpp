// Reads a shared library's exported dynamic symbols and version definitions with LIEF.
#pragma once

#include <string>

#include "proof/elf_library.hpp"

namespace glibcpin {

// Throws Error when LIEF cannot parse `path`.
ElfLibrary read_elf_library(const std::string& path);

}  // namespace glibcpin
