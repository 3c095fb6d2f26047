// A read-only mapping of a whole file, for reading big ELF files without copying them.
//
// A mapped file that another process truncates while we read it would kill us with SIGBUS. A
// SIGBUS handler (installed on first use) maps a page of zeros over the missing part of any
// live MappedFile and marks it changed, so the read goes on and ends; callers then ask changed()
// and report the file instead of trusting what they read. A SIGBUS anywhere else keeps its
// previous disposition.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace glibcpin {

class MappedFile {
public:
  // Throws Error naming the file when it cannot be opened, is not a regular file or cannot be
  // mapped. An empty file maps to an empty span.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const std::uint8_t> bytes() const { return {data_, size_}; }
  // True when part of the file vanished while mapped (it was truncated): what was read from
  // the mapping since then is zeros, not the file.
  bool changed() const;
  // Throws Error "<name>: the file was truncated while it was read" when changed().
  void require_unchanged(const std::string& name) const;

private:
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  int slot_ = -1;  // this mapping's entry in the SIGBUS handler's table; -1 when none
};

}  // namespace glibcpin
