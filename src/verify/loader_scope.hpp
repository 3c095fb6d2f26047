// Where the target's dynamic loader looks for a binary's symbols, in its order.
//
// An executable: its DT_NEEDED libraries breadth-first, each followed by what it needs in turn
// (libc.so.6 needs the loader; librt.so.1 needs libpthread.so.0 before 2.34). A shared object
// (a plugin, a Python extension) is judged as the weakest real host loads it: a program built for
// the target that links only libc (and libdl where dlopen lives there, before 2.34) and calls
// dlopen(lib, RTLD_NOW). That program's libraries are searched first (the global scope), then the
// object's own. Which matters: a versioned lookup fails as soon as it reaches the library the
// version need names without finding the symbol there ("symbol pthread_create, version
// GLIBC_2.2.5 not defined in file libc.so.6"), even when a later library has it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "verify/fits_target.hpp"

namespace glibcpin {

struct LoaderScope {
  std::vector<std::string> order;  // sonames, in the loader's search order
  bool dlopened = false;           // judged as loaded by a host program
  std::string host;                // dlopened: the host program, for messages
};

// Whether `req` is judged as a library some program loads (a shared object without a loader of
// its own), not as a program.
bool judged_as_dlopened(const ElfRequirements& req);

LoaderScope loader_scope(const ElfRequirements& req, const CheckTarget& t);

// The loader's soname on `arch` ("ld-linux-x86-64.so.2"), and its path.
std::string loader_path(const std::string& arch);
std::string loader_soname(const std::string& arch);

}  // namespace glibcpin
