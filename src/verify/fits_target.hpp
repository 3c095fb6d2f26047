// Whether an ELF file's glibc requirements exist on a target: the minimum check the driver runs
// after every link (the full verifier, `glibc-pin check`, builds on it).
#pragma once

#include <string>
#include <vector>

#include "database/arch_db.hpp"
#include "verify/elf_requirements.hpp"

namespace glibcpin {

struct Problem {
  std::string symbol;   // "" for a problem with a whole version or library
  std::string library;
  std::string version;
  std::string message;  // one line, without the file name
};

// Every glibc requirement of `req` that `target` cannot satisfy, most important first.
std::vector<Problem> check_fits(const ElfRequirements& req, const ArchDb& db, Release target,
                                const std::string& target_name);

}  // namespace glibcpin
