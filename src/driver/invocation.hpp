// What the driver knows about one compiler or linker call, and how it is rewritten.
//
// classify_arguments() reads the user's arguments (after @response-file expansion) into an
// Invocation; rewrite_arguments() turns it plus the generated target files (TargetFiles) into the
// arguments of the real tool. Both are pure functions: no files read, no processes run.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace glibcpin {

enum class Personality { CC, CXX, LD };

// Options meant for glibc-pin itself, taken out of the argument list.
struct WrapperOptions {
  std::optional<std::string> target;    // --glibc-pin-target=T (cc form: leading --target T)
  std::optional<std::string> compiler;  // --glibc-pin-compiler=PATH
  std::optional<std::string> linker;    // --glibc-pin-linker=PATH (ld personality)
  bool verbose = false;                 // --glibc-pin-verbose: print the rewritten command
  bool no_verify = false;               // --glibc-pin-no-verify
};

// The user's call, classified.
struct Invocation {
  Personality personality = Personality::CC;
  WrapperOptions wrapper;
  std::vector<std::string> args;  // the user's arguments, wrapper options removed
  bool links = true;              // false with -c, -S, -E, -M/-MM without -MD, --version...
  bool preprocess_only = false;   // -E, -M, -MM: no .symver header
  bool shared = false;            // -shared
  bool is_static = false;         // -static (not -static-libgcc etc.): nothing to pin at run time
  bool nostdlib = false;          // -nostdlib / -nodefaultlibs / -nolibc
  bool has_cxx_input = false;     // .cc/.cpp/.cxx/.C/.c++ inputs or -x c++
  bool has_asm_only_input = false;  // only .s inputs (no preprocessing: header irrelevant)
  std::optional<std::string> output;  // -o FILE, else the compiler's default (a.out) when linking
  std::optional<std::string> fuse_ld;  // value of -fuse-ld=
  bool only_info = false;         // --version, -v alone, -dumpversion, -print-*: pass through
};

// Files generated for one target (see generator/).
struct TargetFiles {
  std::string stub_dir;        // stub lib*.so.N + linker scripts; first -L and -rpath-link
  std::string symver_header;   // force-included with -include
  std::string shim_archive;    // linked before libc (full path)
};

struct Rewritten {
  std::vector<std::string> args;  // arguments for the real tool (without argv[0])
};

Invocation classify_arguments(Personality personality, const std::vector<std::string>& args);
Rewritten rewrite_arguments(const Invocation& invocation, const TargetFiles& files);

}  // namespace glibcpin
