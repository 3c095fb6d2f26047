// libcxxthrow.so: exceptions thrown here are caught in the executable.
#include <cerrno>
#include <sstream>
#include <system_error>

#include "plugin_api.h"

std::string lib_describe(const std::vector<int>& values) {
  std::ostringstream s;
  s << "lib sees " << values.size() << " values:";
  for (int v : values) s << ' ' << v;
  return s.str();
}

void lib_throw_library_error(int depth) {
  if (depth == 0) throw LibraryError("thrown in libcxxthrow.so", 7);
  lib_throw_library_error(depth - 1);
}

void lib_throw_system_error() {
  throw std::system_error(ENOENT, std::generic_category(), "lib");
}

void lib_rethrow_through(void (*callback)()) {
  try {
    callback();
  } catch (std::exception&) {
    throw;  // rethrown from the library to the executable
  }
}
