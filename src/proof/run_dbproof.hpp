// glibc-pin-dbproof: compares the database at (arch, release) with the shared libraries
// found under some directories. Exit status 0 only when there is no difference.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace glibcpin {

int run_dbproof(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

}  // namespace glibcpin
