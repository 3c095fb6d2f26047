// @file arguments: a file whose words stand for more arguments (gcc, clang, ld, rustc, CMake).
//
// The only part of the argument layer that reads files; everything after it is pure.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/temporary_file.hpp"

namespace glibcpin {

// How deep @file may nest in @file before expansion stops with an Error (a cycle ends here too).
inline constexpr int kResponseFileNestingLimit = 16;

// Returns a file's contents, or nullopt if it cannot be read.
using ReadFileFunction = std::function<std::optional<std::string>(const std::string& path)>;

// Splits response-file text into arguments like gcc (libiberty's buildargv): words separated by
// whitespace; '...' and "..." quote whitespace; a backslash takes the next character literally,
// also inside quotes; "" is an empty argument.
std::vector<std::string> split_response_file(std::string_view text);

// The inverse: text that split_response_file() turns back into `args`.
std::string format_response_file(const std::vector<std::string>& args);

// Replaces every "@path" argument by the arguments in that file, recursively (nested paths are
// relative to the current directory, like gcc). An @path that cannot be read stays as it is
// (gcc passes it on verbatim). Throws Error past kResponseFileNestingLimit levels.
std::vector<std::string> expand_response_files(const std::vector<std::string>& args,
                                               const ReadFileFunction& read_file);

// The same, reading from the file system.
std::vector<std::string> expand_response_files(const std::vector<std::string>& args);

// The way back: rustc, CMake and Ninja pass @file exactly when a command line is too long to
// exec, so once expanded the arguments must travel on in a response file again (gcc, clang,
// ld.bfd, gold, lld and mold all read one). The file lives as long as this object.
class ForwardedResponseFile {
public:
  ForwardedResponseFile() = default;
  ForwardedResponseFile(const ForwardedResponseFile&) = delete;
  ForwardedResponseFile& operator=(const ForwardedResponseFile&) = delete;

  // `argv` itself when it is short; else {argv[0], "@file"} with the rest written to the file.
  std::vector<std::string> wrap(const std::vector<std::string>& argv);

  // True when wrap() wrote a file (which must outlive the tool's run: no exec in place).
  bool holds_file() const { return file_.has_value(); }

private:
  std::optional<TemporaryFile> file_;
};

}  // namespace glibcpin
