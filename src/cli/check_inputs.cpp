// glibc-pin check's inputs: files, directories (walked), ar archive members and the ELF members
// of Python wheels, each read and checked against the target.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "cli/check_results.hpp"
#include "util/error.hpp"
#include "util/mapped_file.hpp"
#include "verify/zip_archive.hpp"

namespace glibcpin {
namespace {

namespace fs = std::filesystem;

// The needed libraries of `req` (at `path`) that its RUNPATH finds beside it: entries relative to
// $ORIGIN only, as those travel with the file (absolute ones name the target's own directories).
std::set<std::string> found_beside(const ElfRequirements& req, const std::string& path) {
  std::set<std::string> out;
  std::string origin = fs::path(path).parent_path().string();
  if (origin.empty())
    origin = ".";
  for (std::string dir : req.runpath) {
    for (const char* token : {"${ORIGIN}", "$ORIGIN"})
      if (dir.starts_with(token))
        dir = origin + dir.substr(std::string(token).size());
    if (!dir.starts_with(origin))
      continue;
    for (const std::string& lib : req.needed) {
      std::error_code ec;
      if (fs::is_regular_file(fs::path(dir) / lib, ec))
        out.insert(lib);
    }
  }
  return out;
}

// A Python wheel (a zip): each ELF member, checked like `auditwheel show` does. The wheel's own
// libraries (auditwheel repair puts them in <package>.libs/) are bundled for every member.
void collect_wheel(const std::string& path, std::span<const std::uint8_t> image, bool named,
                   Checker& checker, std::vector<FileResult>& results) {
  std::vector<ZipEntry> entries = zip_entries(image, path);
  std::vector<std::pair<std::string, ElfRequirements>> members;
  std::set<std::string> bundled;
  for (const ZipEntry& e : entries) {
    if (e.name.ends_with('/'))
      continue;
    std::string member_path = path + "(" + e.name + ")";
    try {
      if (sniff_format(zip_extract(image, e, path, 4)) != FileFormat::Elf)
        continue;
      std::vector<std::uint8_t> data = zip_extract(image, e, path);
      ElfRequirements req = parse_elf(data, member_path);
      bundled.insert(e.name.substr(e.name.rfind('/') + 1));
      if (!req.soname.empty())
        bundled.insert(req.soname);
      members.emplace_back(member_path, std::move(req));
    } catch (const Error& e) {
      results.push_back(failed(member_path, e.what()));
    }
  }
  for (auto& [member_path, req] : members) {
    FileResult r;
    r.path = member_path;
    r.named = named;
    checker.check(r, std::move(req), bundled);
    results.push_back(std::move(r));
  }
}

}  // namespace

FileResult failed(const std::string& path, const std::string& error) {
  FileResult r;
  r.path = path;
  r.status = Status::Error;
  r.error = error;
  return r;
}

void Checker::check(FileResult& r, ElfRequirements req, const std::set<std::string>& bundled) {
  std::string file_arch = machine_name(req.machine, req.elf_class);
  if (file_arch != index.target().arch || req.big_endian) {
    r.status = Status::Error;
    r.error = "wrong architecture: an ELF" + std::to_string(req.elf_class) + " " + file_arch +
              " file, but the target is " + index.target().arch +
              (file_arch == "i386" || file_arch == "aarch64" || file_arch == "x86_64"
                   ? " (check it with --target " + file_arch + "-linux-gnu." +
                         to_string(index.target().glibc) + ")"
                   : "");
    return;
  }
  r.problems = check_binary(req, index, bundled);
  bool errors = std::any_of(r.problems.begin(), r.problems.end(),
                            [](const Problem& p) { return p.severity == Severity::Error; });
  r.status = errors ? Status::DoesNotFit : Status::Fits;
  if (errors) {
    if (profile_indexes.empty())
      for (const CheckTarget& pt : profile_targets)
        profile_indexes.emplace_back(db, pt);
    std::optional<Release> needs = minimum_glibc(req, db);
    for (const TargetIndex& other : profile_indexes) {
      if (needs && other.target().glibc < *needs)
        continue;  // cannot fit: spares checking it against every older profile
      std::vector<Problem> ps = check_binary(req, other, bundled);
      if (std::none_of(ps.begin(), ps.end(),
                       [](const Problem& p) { return p.severity == Severity::Error; }))
        r.accepting_profiles.push_back(other.target().profile);
    }
  }
  r.req = std::move(req);
}

void collect(const std::string& path, bool named, Checker& checker,
             std::vector<FileResult>& results) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    results.push_back(failed(path, path + ": cannot read: " + ec.message()));
    return;
  }
  if (fs::is_directory(st)) {
    std::vector<std::string> entries;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    if (ec) {
      results.push_back(failed(path, path + ": cannot read: " + ec.message()));
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        results.push_back(failed(path, path + ": cannot walk: " + ec.message()));
        return;
      }
      std::error_code e2;
      if (it->is_symlink(e2))
        continue;  // not followed: no loops, no duplicates
      if (it->is_regular_file(e2))
        entries.push_back(it->path().string());
    }
    std::sort(entries.begin(), entries.end());
    for (const std::string& entry : entries)
      collect(entry, false, checker, results);
    return;
  }
  if (!fs::is_regular_file(st)) {
    if (named)
      results.push_back(failed(path, path + ": not a regular file or directory"));
    return;
  }
  try {
    MappedFile file(path);
    FileFormat format = sniff_format(file.bytes());
    if (format == FileFormat::Zip) {
      // Wheels by name; a zip found in a directory walk is read only when it is one.
      if (!named && !path.ends_with(".whl"))
        return;
      collect_wheel(path, file.bytes(), named, checker, results);
      file.require_unchanged(path);
      return;
    }
    if (format == FileFormat::Other || format == FileFormat::ThinArchive) {
      if (named)
        results.push_back(failed(path, path + (file.bytes().empty() ? ": empty file, not an ELF file"
                     : format == FileFormat::ThinArchive
                         ? ": a thin archive (its members are separate files: check those)"
                         : ": not an ELF file or archive")));
      return;
    }
    if (format == FileFormat::Archive) {
      // Members read first: a reference one member's neighbour defines is not glibc's.
      std::vector<ArchiveMember> members = archive_elf_members(file.bytes(), path);
      std::vector<ElfRequirements> parsed;
      std::set<std::string> defined;
      for (const ArchiveMember& m : members) {
        std::string member_path = path + "(" + m.name + ")";
        try {
          parsed.push_back(parse_elf(m.data, member_path));
          defined.insert(parsed.back().defined.begin(), parsed.back().defined.end());
        } catch (const Error& e) {
          results.push_back(failed(member_path, e.what()));
        }
      }
      file.require_unchanged(path);
      for (ElfRequirements& req : parsed) {
        std::erase_if(req.undefined,
                      [&](const ImportedSymbol& s) { return defined.count(s.name) > 0; });
        FileResult r;
        r.path = req.path;
        checker.check(r, std::move(req));
        results.push_back(std::move(r));
      }
      return;
    }
    ElfRequirements req = parse_elf(file.bytes(), path);
    file.require_unchanged(path);
    FileResult r;
    r.path = path;
    r.named = named;
    std::set<std::string> bundled = found_beside(req, path);
    checker.check(r, std::move(req), bundled);
    results.push_back(std::move(r));
  } catch (const Error& e) {
    results.push_back(failed(path, e.what()));
  } catch (const std::exception& e) {
    results.push_back(failed(path, path + ": cannot check: " + e.what()));
  }
}

}  // namespace glibcpin
