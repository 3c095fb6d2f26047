// A stub library as GNU as source and an ld version script: the way stubs were built before
// glibc-pin wrote them directly (stub_elf.hpp). Kept as the reference the equivalence test
// (tests/generator/stub-elf-equivalence.sh) builds with as and ld and compares against, selected
// by GLIBC_PIN_STUBS_VIA_LD=1 in target_files.cpp.
#pragma once

#include <string>

#include "generator/stub_library.hpp"

namespace glibcpin {

// Each export gets a local label; ".symver label, name@VERSION" gives it its public name.
std::string stub_assembly(const StubLibrary& stub);

// The nodes in order, each inheriting from the one before; the first hides the labels.
std::string stub_version_script(const StubLibrary& stub);

}  // namespace glibcpin
