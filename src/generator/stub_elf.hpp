// A stub library written directly as an ELF shared object, without as and ld: the dynamic
// symbol table with its version definitions, both hash tables, the dynamic section, and a text,
// data and TLS section for the symbols to sit in. It holds what GNU ld, gold, lld and mold read
// from a shared library they link against (symbols, versions, soname, the sizes and alignments a
// copy relocation takes), and nothing else: no code, no relocations, no .symtab.
#pragma once

#include <string>
#include <string_view>

#include "generator/stub_library.hpp"

namespace glibcpin {

// The file's bytes for `arch` ("x86_64", "aarch64": ELFCLASS64; "i386": ELFCLASS32). Throws
// Error for another architecture, or a symbol whose version is not one of the stub's nodes.
std::string stub_elf(const StubLibrary& stub, std::string_view arch);

}  // namespace glibcpin
