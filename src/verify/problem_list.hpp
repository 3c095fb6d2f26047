// The problems found in one file, as the checks add them.
#pragma once

#include <string>
#include <vector>

#include "verify/fits_target.hpp"

namespace glibcpin {

struct ProblemList {
  std::vector<Problem> items;

  Problem& add(Severity severity, std::string code, std::string message,
               std::string library = "", std::string version = "", std::string symbol = "") {
    Problem p;
    p.severity = severity;
    p.code = std::move(code);
    p.message = std::move(message);
    p.library = std::move(library);
    p.version = std::move(version);
    p.symbol = std::move(symbol);
    items.push_back(std::move(p));
    return items.back();
  }
};

// "a, b, c and 2 more"
std::string join(const std::vector<std::string>& items, size_t limit = SIZE_MAX);

// The relocatable-object half of check_binary (check_relocatable.cpp): references to glibc
// functions the target lacks entirely (objects carry no versions yet).
void check_relocatable(const ElfRequirements& req, const TargetIndex& index, ProblemList& out);

}  // namespace glibcpin
