// Provenance: which input of a link referenced each versioned symbol the output imports. The
// driver records it after every traced link (under <cache>/links/<build-id>), so that a failed
// verification, and a later `glibc-pin check --explain` of the same binary (found by its GNU
// build ID, which survives strip), can say which object or archive member pulled a symbol in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "verify/elf_requirements.hpp"

namespace glibcpin {

// An input the linker loaded: a file, or a member of an archive.
struct LinkedInput {
  std::string file;
  std::string member;  // "" for a plain file
  std::string label() const { return member.empty() ? file : file + "(" + member + ")"; }
};

struct LinkRecord {
  std::string output;  // as the link named it
  std::string target;  // "centos7 (glibc 2.17)"
  // "symbol@version" -> the inputs that reference it. An import no surviving input explains
  // (gcc's temporary objects, LTO's) names what it was compiled from, in words.
  std::map<std::string, std::vector<std::string>> referenced_by;
};

// Reads each loaded relocatable object (plain or archive member) and records which of them
// reference the output's imports: versioned ("name@version") and, for a shared library whose
// references the link left undefined, unversioned ("name"). `sources` are the compiler's source inputs of the
// same call (their objects are gone by now). Unreadable inputs are skipped: provenance is
// a help for messages, never a reason for a link to fail.
LinkRecord trace_provenance(const ElfRequirements& output, const std::vector<LinkedInput>& inputs,
                            const std::vector<std::string>& sources);

// <dir>/<build_id>: written atomically; errors are ignored (it is a help, not the build).
void save_link_record(const LinkRecord& record, const std::string& dir,
                      const std::string& build_id);
std::optional<LinkRecord> load_link_record(const std::string& dir, const std::string& build_id);

}  // namespace glibcpin
