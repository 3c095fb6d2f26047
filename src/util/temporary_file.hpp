// A file in $TMPDIR that lives as long as the object: a response file handed to a tool, the
// stdout a linker printed.
#pragma once

#include <string>

namespace glibcpin {

class TemporaryFile {
public:
  // Creates an empty glibc-pin-<stem>.XXXXXX; throws Error when it cannot.
  explicit TemporaryFile(const std::string& stem);
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::string& path() const { return path_; }
  std::string read() const;                 // its whole content ("" when unreadable)
  void write(const std::string& content);   // replaces the content; throws Error on failure

private:
  std::string path_;
};

}  // namespace glibcpin
