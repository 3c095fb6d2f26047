// An ar archive of object files with its symbol index, as `ar rcsD` writes it (GNU format:
// "/" symbol index, "//" long names, zero dates and ids): the shim archive, written without ar.
#pragma once

#include <string>
#include <vector>

namespace glibcpin {

struct ObjectForArchive {
  std::string name;   // the file name inside the archive (no directory)
  std::string bytes;  // a relocatable ELF object
};

// The archive's bytes. Reads each member's global definitions (its .symtab) for the index;
// throws Error when a member is not a relocatable ELF object or two members share a name.
std::string static_archive(const std::vector<ObjectForArchive>& members);

}  // namespace glibcpin
