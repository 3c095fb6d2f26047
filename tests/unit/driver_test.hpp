// Helpers shared by the driver's argument tests (test_driver_*.cpp): classify and rewrite a
// command line as each personality would, with fixed target files, and a fake file system for
// response files. No compiler or linker is run.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "driver/invocation.hpp"
#include "driver/response_file.hpp"

namespace glibcpin::driver_test {

using Args = std::vector<std::string>;

inline const TargetFiles kFiles{"/cache/t/stubs", "/cache/t/pin.h", "/cache/t/libshim.a"};

inline Invocation cc(const Args& args) { return classify_arguments(Personality::CC, args); }
inline Invocation cc_subcommand(const Args& args) {
  return classify_arguments(Personality::CC, args, CallForm::Subcommand);
}
inline Invocation ld(const Args& args) { return classify_arguments(Personality::LD, args); }

inline Args rewrite_cc(const Args& args) { return rewrite_arguments(cc(args), kFiles).args; }
inline Args rewrite_ld(const Args& args) { return rewrite_arguments(ld(args), kFiles).args; }
inline Args rewrite_cxx(const Args& args) {
  return rewrite_arguments(classify_arguments(Personality::CXX, args), kFiles).args;
}

inline bool has(const Args& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

// A fake file system for response files.
inline ReadFileFunction files_from(std::map<std::string, std::string> files) {
  return [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end())
      return std::nullopt;
    return it->second;
  };
}

}  // namespace glibcpin::driver_test
