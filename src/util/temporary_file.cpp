#include "util/temporary_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/error.hpp"

namespace glibcpin {

TemporaryFile::TemporaryFile(const std::string& stem) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / ("glibc-pin-" + stem + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw Error("cannot create a temporary file " + pattern);
  close(fd);
  path_ = pattern;
}

TemporaryFile::~TemporaryFile() { std::remove(path_.c_str()); }

std::string TemporaryFile::read() const {
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void TemporaryFile::write(const std::string& content) {
  std::ofstream out(path_, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush())
    throw Error("cannot write " + path_);
}

}  // namespace glibcpin
