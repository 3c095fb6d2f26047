// What the driver knows about one compiler or linker call, and how it is rewritten.
//
// classify_arguments() reads the user's arguments (after @response-file expansion) into an
// Invocation; rewrite_arguments() turns it plus the generated target files (TargetFiles) into the
// arguments of the real tool. Both are pure functions: no files read, no processes run.
//
// Wrapper options. glibc-pin's own options can never be compiler or linker options:
//   --glibc-pin-target=T     (or --glibc-pin-target T)   the target: 2.17, x86_64-linux-gnu.2.17,
//                                                        or a profile name such as centos7
//   --glibc-pin-compiler=P   (or ... P)                  the real compiler
//   --glibc-pin-linker=P     (or ... P)                  the real linker (ld personality)
//   --glibc-pin-verbose                                  print the rewritten command
//   --glibc-pin-no-verify                                skip the check after the link
//   --glibc-pin-no-header                                compile without the .symver header
//   --glibc-pin-cxx-runtime=static|shared                C++ links: the GCC runtime (static)
// They are accepted anywhere (even where a value of another option would go: the prefix is
// reserved) and removed. Any other --glibc-pin-* is an error, not passed on.
// In the subcommand form only (`glibc-pin cc|c++|ld ARGS`), `--target T` / `--target=T` at the
// very front (before any argument that is not a wrapper option) is the wrapper's target when T
// looks like one (looks_like_pin_target); otherwise (clang's x86_64-linux-gnu) it is the
// compiler's and passes through. Symlinked personalities (glibc-pin-cc, glibc-pin-ld) never take
// --target, so clang's own --target= is always safe there.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glibcpin {

enum class Personality { CC, CXX, LD };

// How glibc-pin was called.
enum class CallForm {
  Direct,      // glibc-pin-cc / glibc-pin-c++ / glibc-pin-ld (symlinks), or called by a compiler
  Subcommand,  // glibc-pin cc|c++|ld ...: a leading --target may be the wrapper's
};

// Options meant for glibc-pin itself, taken out of the argument list.
struct WrapperOptions {
  std::optional<std::string> target;    // --glibc-pin-target=T (cc form: leading --target T)
  std::optional<std::string> compiler;  // --glibc-pin-compiler=PATH
  std::optional<std::string> linker;    // --glibc-pin-linker=PATH (ld personality)
  bool verbose = false;                 // --glibc-pin-verbose: print the rewritten command
  bool no_verify = false;               // --glibc-pin-no-verify
  // --glibc-pin-no-header (or $GLIBC_PIN_NO_HEADER=1): compile without the .symver header, for
  // linkers that cannot bind name@VERSION references (Go's internal linker); the stubs still pin.
  bool no_header = false;
  // --glibc-pin-cxx-runtime=static|shared (or $GLIBC_PIN_CXX_RUNTIME): how a C++ link takes
  // libstdc++ and libgcc. Default static: the host's are newer than any older target's.
  std::optional<std::string> cxx_runtime;
};

// The user's call, classified.
struct Invocation {
  Personality personality = Personality::CC;
  WrapperOptions wrapper;
  std::vector<std::string> args;  // the user's arguments, wrapper options removed
  bool links = true;              // false with -c, -S, -E, -M/-MM, -fsyntax-only, --version...
  bool preprocess_only = false;   // -E, -M, -MM: no .symver header
  bool shared = false;            // -shared
  bool is_static = false;         // -static/-static-pie (ld: only static binding): nothing to pin
  bool relocatable = false;       // -r: a partial link, no libraries: nothing to pin
  bool nostdlib = false;          // -nostdlib / -nodefaultlibs / -nolibc
  bool nostartfiles = false;      // -nostartfiles / -nostdlib: no crt1.o
  bool has_cxx_input = false;     // .cc/.cp/.cxx/.cpp/.CPP/.c++/.C/.ii/.mm/C++ headers or -x c++
  bool has_c_family_input = false;  // an input the C preprocessor reads: C, C++, ObjC, headers, .S
  bool has_asm_only_input = false;  // the only source inputs are .s (no preprocessing)
  std::vector<std::string> input_files;  // positional inputs in order ("-" is stdin), not -l
  std::optional<std::string> output;  // -o FILE; a.out when linking without -o
  std::optional<std::string> fuse_ld;  // value of -fuse-ld=
  std::optional<std::string> ld_path;  // value of clang's --ld-path=
  std::optional<std::size_t> first_library_dir;  // index in args of the first -L option
  bool only_info = false;         // --version, -v alone, -dumpversion, -print-*: pass through
  // The user's options that choose what the compiler builds for, normalised (--target=T,
  // --sysroot=DIR, -m32...): glibc-pin asks the real compiler with them which architecture that
  // is (tool_arch.hpp). Empty for the ld personality.
  std::vector<std::string> target_selection;
  std::optional<std::string> linker_emulation;  // ld -m EMULATION (elf_i386, aarch64linux...)
  bool dry_run = false;           // -###: commands are printed, nothing runs (do not verify)
};

// Files generated for one target (see generator/).
struct TargetFiles {
  std::string stub_dir;        // stub lib*.so.N + linker scripts; first -L and -rpath-link
  std::string symver_header;   // force-included with -include
  std::string shim_archive;    // for information: the stub dir's libc.so script links it
};

struct Rewritten {
  std::vector<std::string> args;  // arguments for the real tool (without argv[0])
  bool added_header = false;      // -include <symver_header> was added
  bool added_stub_dir = false;    // -L/-rpath-link <stub_dir> were added (a pinned link)
  bool traced = false;            // the linker prints the inputs it loads (link_trace.hpp)
};

// The wrapper's options taken out of a command line, and what is left for the tool.
struct SplitArguments {
  WrapperOptions wrapper;
  std::vector<std::string> args;
};

// True for a glibc version (2.17, 2.2.5), a triple ending in a glibc version
// (x86_64-linux-gnu.2.17), or a profile name: lowercase letters, digits, '_' and '.', no dash,
// and not an architecture name clang accepts as a target (x86_64, aarch64, i686...).
bool looks_like_pin_target(std::string_view value);

// Takes the wrapper options (see the top of this file) out of `args`. Throws UsageError for an
// unknown --glibc-pin-* option or a missing value.
SplitArguments split_wrapper_options(const std::vector<std::string>& args, CallForm form);

// split_wrapper_options(), then classifies what is left.
Invocation classify_arguments(Personality personality, const std::vector<std::string>& args,
                              CallForm form = CallForm::Direct);

// `trace_inputs`: a pinned link should also print the inputs it loads (link_trace.hpp), unless
// the user's own options print on the linker's stdout.
Rewritten rewrite_arguments(const Invocation& invocation, const TargetFiles& files,
                            bool trace_inputs = false);

}  // namespace glibcpin
