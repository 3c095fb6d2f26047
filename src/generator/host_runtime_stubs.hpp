// Stubs of the host's GCC runtime libraries (libgcc_s.so.1), for the link only.
//
// The host's libgcc_s.so.1 itself needs _dl_find_object@GLIBC_2.35. Linked against it, gold
// and lld refuse a link for an older target (a shared library's undefined symbol the target's
// libc lacks), and bfd accepts it silently. The program never needs that symbol: it needs
// libgcc_s's own GCC_* interfaces, which the target's libgcc_s provides at run time. So the
// stub dir gets a libgcc_s.so.1 exporting exactly what the host's does, needing nothing.
#pragma once

#include <string>
#include <vector>

#include "generator/stub_library.hpp"

namespace glibcpin {

// The stub of the shared library at `path` (its soname, exports and version nodes).
StubLibrary make_stub_of_library_file(const std::string& path);

}  // namespace glibcpin
