#include "verify/zip_archive.hpp"

#include <zlib.h>

#include <algorithm>

#include "util/error.hpp"

namespace glibcpin {
namespace {

constexpr std::uint32_t END_OF_DIRECTORY = 0x06054b50, DIRECTORY_ENTRY = 0x02014b50,
                        LOCAL_HEADER = 0x04034b50;
constexpr std::uint16_t FLAG_ENCRYPTED = 1;

// Little-endian fields of a bounds-checked image.
struct Bytes {
  std::span<const std::uint8_t> image;
  const std::string& name;

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(name + ": malformed zip archive: " + what);
  }
  void require(std::uint64_t offset, std::uint64_t length, const char* what) const {
    if (offset > image.size() || length > image.size() - offset)
      fail(std::string(what) + " lies outside the file");
  }
  std::uint64_t uint(std::uint64_t offset, int width) const {
    require(offset, width, "a field");
    std::uint64_t value = 0;
    for (int i = 0; i < width; i++)
      value |= std::uint64_t(image[offset + i]) << (8 * i);
    return value;
  }
  std::uint16_t u16(std::uint64_t o) const { return std::uint16_t(uint(o, 2)); }
  std::uint32_t u32(std::uint64_t o) const { return std::uint32_t(uint(o, 4)); }
};

}  // namespace

std::vector<ZipEntry> zip_entries(std::span<const std::uint8_t> image, const std::string& name) {
  Bytes b{image, name};
  // The end-of-central-directory record: 22 bytes and a comment of up to 65535, at the end.
  if (image.size() < 22)
    b.fail("too short for an end-of-central-directory record");
  std::uint64_t end = UINT64_MAX;
  std::uint64_t lowest = image.size() > 22 + 65535 ? image.size() - 22 - 65535 : 0;
  for (std::uint64_t p = image.size() - 22;; p--) {
    if (b.u32(p) == END_OF_DIRECTORY && p + 22 + b.u16(p + 20) == image.size()) {
      end = p;
      break;
    }
    if (p == lowest)
      break;
  }
  if (end == UINT64_MAX)
    b.fail("no end-of-central-directory record");
  std::uint64_t count = b.u16(end + 10), size = b.u32(end + 12), offset = b.u32(end + 16);
  if (b.u16(end + 4) != 0 || b.u16(end + 6) != 0)
    b.fail("a multi-disk archive");
  if (count == 0xffff || size == 0xffffffff || offset == 0xffffffff)
    b.fail("a zip64 archive (more than 65535 members or 4 GiB), which check does not read");
  b.require(offset, size, "the central directory");
  std::vector<ZipEntry> out;
  std::uint64_t p = offset;
  for (std::uint64_t i = 0; i < count; i++) {
    if (p + 46 > offset + size)
      b.fail("the central directory ends inside entry " + std::to_string(i));
    if (b.u32(p) != DIRECTORY_ENTRY)
      b.fail("bad central directory entry " + std::to_string(i));
    ZipEntry e;
    e.flags = b.u16(p + 8);
    e.method = b.u16(p + 10);
    e.crc = b.u32(p + 16);
    e.compressed_size = b.u32(p + 20);
    e.size = b.u32(p + 24);
    std::uint64_t name_length = b.u16(p + 28), extra = b.u16(p + 30), comment = b.u16(p + 32);
    e.local_header = b.u32(p + 42);
    if (p + 46 + name_length + extra + comment > offset + size)
      b.fail("central directory entry " + std::to_string(i) + " runs past the directory");
    e.name.assign(reinterpret_cast<const char*>(image.data() + p + 46), name_length);
    out.push_back(std::move(e));
    p += 46 + name_length + extra + comment;
  }
  return out;
}

std::vector<std::uint8_t> zip_extract(std::span<const std::uint8_t> image, const ZipEntry& entry,
                                      const std::string& name, std::uint64_t limit) {
  Bytes b{image, name};
  const std::string member = name + "(" + entry.name + ")";
  auto fail = [&](const std::string& what) -> void {
    throw Error(member + ": cannot read the member: " + what);
  };
  if (entry.flags & FLAG_ENCRYPTED)
    fail("it is encrypted");
  if (entry.method != 0 && entry.method != 8)
    fail("compression method " + std::to_string(entry.method) +
         " (check reads stored and deflated members)");
  std::uint64_t h = entry.local_header;
  b.require(h, 30, "a local file header");
  if (b.u32(h) != LOCAL_HEADER)
    b.fail("bad local file header of " + entry.name);
  std::uint64_t data = h + 30 + b.u16(h + 26) + b.u16(h + 28);
  b.require(data, entry.compressed_size, "the data of a member");
  std::span<const std::uint8_t> in = image.subspan(data, entry.compressed_size);
  const std::uint64_t want = std::min(entry.size, limit);
  std::vector<std::uint8_t> out;
  if (entry.method == 0) {
    if (entry.compressed_size != entry.size)
      fail("a stored member whose sizes differ");
    out.assign(in.begin(), in.begin() + want);
  } else {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
      fail("zlib cannot start");
    // Grown as it fills: the declared size is not trusted with an allocation up front.
    std::uint64_t in_done = 0;
    int status = Z_OK;
    while (out.size() < want && status != Z_STREAM_END) {
      size_t chunk = size_t(std::min<std::uint64_t>(want - out.size(), 1 << 20));
      size_t before = out.size();
      out.resize(before + chunk);
      z.next_out = out.data() + before;
      z.avail_out = uInt(chunk);
      std::uint64_t in_left = in.size() - in_done;
      z.next_in = const_cast<Bytef*>(in.data() + in_done);
      z.avail_in = uInt(std::min<std::uint64_t>(in_left, 1u << 30));
      uInt avail_in = z.avail_in;
      status = inflate(&z, Z_NO_FLUSH);
      in_done += avail_in - z.avail_in;
      out.resize(before + (chunk - z.avail_out));
      if (status != Z_OK && status != Z_STREAM_END) {
        inflateEnd(&z);
        fail(status == Z_BUF_ERROR ? "its deflated data ends early" : "corrupt deflated data");
      }
    }
    inflateEnd(&z);
  }
  if (limit >= entry.size) {
    if (out.size() != entry.size)
      fail("it holds " + std::to_string(out.size()) + " bytes, not the " +
           std::to_string(entry.size) + " its directory entry says");
    std::uint32_t crc = std::uint32_t(
        crc32_z(0, out.data(), out.size()));
    if (crc != entry.crc)
      fail("CRC-32 mismatch (the member is corrupt)");
  }
  return out;
}

}  // namespace glibcpin
