// libFuzzer target over the ELF check path of `glibc-pin check`: the input bytes go through
// sniff_format and parse_elf, with and without exports (for ar archives, archive_elf_members and
// parse_elf on each member; for zip archives (wheels), zip_entries, zip_extract of each member's
// head and whole, and parse_elf on it); whatever parses is checked with check_binary against glibc 2.17 and 2.36 (with the
// C++ levels and allowed libraries of their profiles), as `check` does. (The driver's check_fits
// is check_binary with a filter, but indexes the target on every call: too slow to fuzz.)
//
// A well-formed rejection is an Error; anything else (a crash, a sanitizer report, any other
// exception, a hang, a runaway allocation) is a finding.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "database/embedded.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "verify/check_target.hpp"
#include "verify/elf_requirements.hpp"
#include "verify/fits_target.hpp"
#include "verify/zip_archive.hpp"

namespace glibcpin {
namespace {

// The targets of one architecture: glibc 2.17 and 2.36, each as the profile that has it.
struct ArchTargets {
  ArchDb db;
  std::vector<std::unique_ptr<TargetIndex>> indexes;
};

// nullptr when the database has no such architecture ("EM 21 (ppc64)", ...).
const ArchTargets* targets_for(const std::string& arch) {
  static std::map<std::string, std::optional<ArchTargets>> cache;
  auto [it, inserted] = cache.try_emplace(arch);
  if (inserted) {
    for (const PackedArch* packed : embedded_archs())
      if (ArchDb(*packed).name() == arch)
        it->second.emplace(ArchTargets{ArchDb(*packed), {}});
    if (it->second) {
      // manylinux2014 (2.17, with its allowed-library list) and debian12 (2.36).
      for (const char* name : {"manylinux2014", "debian12"})
        for (const Profile& p : profiles())
          if (p.name == name && it->second->db.has_release(p.glibc))
            it->second->indexes.push_back(
                std::make_unique<TargetIndex>(it->second->db,
                                              check_target_of_profile(p, arch)));
    }
  }
  return it->second ? &*it->second : nullptr;
}

void check(const ElfRequirements& req) {
  const ArchTargets* targets = targets_for(machine_name(req.machine, req.elf_class));
  if (!targets)
    return;  // `check` reports "wrong architecture" here
  for (const auto& index : targets->indexes) {
    std::vector<Problem> problems = check_binary(req, *index);
    (void)problems;
  }
  minimum_glibc(req, targets->db);
}

void parse_and_check(std::span<const std::uint8_t> bytes, const std::string& name) {
  try {
    check(parse_elf(bytes, name));
  } catch (const Error&) {
    // A clear rejection: what `check` prints, with exit status 2.
  }
  try {
    // The exports too, as the generator reads a host library for its stub (check skips them).
    parse_elf(bytes, name, ReadExports::Yes);
  } catch (const Error&) {
  }
}

}  // namespace
}  // namespace glibcpin

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace glibcpin;
  std::span<const std::uint8_t> bytes(data, size);
  parse_and_check(bytes, "input");
  if (sniff_format(bytes) == FileFormat::Archive) {
    try {
      for (const ArchiveMember& m : archive_elf_members(bytes, "input.a"))
        parse_and_check(m.data, "input.a(" + m.name + ")");
    } catch (const Error&) {
    }
  }
  if (sniff_format(bytes) == FileFormat::Zip) {
    std::vector<ZipEntry> entries;
    try {
      entries = zip_entries(bytes, "input.whl");
    } catch (const Error&) {
    }
    for (const ZipEntry& e : entries) {
      try {
        zip_extract(bytes, e, "input.whl", 4);  // the sniff check does first
        std::vector<std::uint8_t> member = zip_extract(bytes, e, "input.whl");
        parse_and_check(member, "input.whl(" + e.name + ")");
      } catch (const Error&) {
      }
    }
  }
  return 0;
}
