// Reads the DT_SONAME and machine of a shared library without a full ELF parse, so that
// scanning a directory of hundreds of libraries stays cheap.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace glibcpin {

struct SharedObjectId {
  std::string soname;          // "" when the object has no DT_SONAME
  unsigned machine = 0;        // e_machine: 62 x86_64, 3 i386, 183 aarch64
};

// nullopt when `path` is not a little-endian ELF shared object (ET_DYN) with a dynamic
// section, or cannot be read.
std::optional<SharedObjectId> read_shared_object_id(const std::string& path);

// The e_machine value of an architecture name; 0 when unknown.
unsigned elf_machine_of_arch(std::string_view arch);

}  // namespace glibcpin
