// A bounds-checked reader of zip archives (Python wheels): the central directory, and members
// stored or deflated (zlib), each checked against its CRC-32. Nothing in the file is trusted:
// offsets, sizes and counts are checked against the image; an inflated member never grows past
// the size its directory entry declares. Zip64 archives, encryption and other compression
// methods are clear errors. (Our own rather than libzip: wheels use only these two methods, and
// libzip brings bzip2, lzma, zstd and a TLS library into a tool that is linked statically.)
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace glibcpin {

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint16_t flags = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0, size = 0;
  std::uint64_t local_header = 0;  // offset of its local file header
};

// The entries of the central directory. Throws Error (naming `name`) for a malformed archive.
std::vector<ZipEntry> zip_entries(std::span<const std::uint8_t> image, const std::string& name);

// The contents of `entry`; with `limit`, only its first `limit` bytes (and no CRC check).
// Throws Error for a malformed member, an unsupported method, or a CRC mismatch.
std::vector<std::uint8_t> zip_extract(std::span<const std::uint8_t> image, const ZipEntry& entry,
                                      const std::string& name,
                                      std::uint64_t limit = UINT64_MAX);

}  // namespace glibcpin
