// Errors reported to the user as "glibc-pin: error: <message>".
#pragma once

#include <stdexcept>
#include <string>

namespace glibcpin {

// A failure the user can act on. The message names the culprit and carries no prefix.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A bad command line: reported like Error, followed by a usage hint; exit status 2.
struct UsageError : Error {
  UsageError(const std::string& message, std::string command = "")
      : Error(message), command(std::move(command)) {}
  std::string command;  // the subcommand whose usage to hint at, "" for the top level
};

}  // namespace glibcpin
