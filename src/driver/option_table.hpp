// What glibc-pin knows about compiler and linker options: one table per tool family.
//
// Only options that matter to the wrapper are listed: those that take a value (so that the
// value is not mistaken for an input file), those that decide whether and how the call links,
// and those that only print information. Everything else is an unknown flag and passes through.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace glibcpin {

// Traits of one option, or-ed together.
enum OptionTrait : unsigned {
  // How the value is written.
  kSeparate = 1u << 0,   // -o FILE: the value is the next argument
  kJoined = 1u << 1,     // -oFILE, -Idir: the value is glued to the name
  kEquals = 1u << 2,     // --param=v, --output=FILE: the value follows '='
  kPrefix = 1u << 3,     // the name is a prefix of a family (-print-*): no value
  kPrefixSeparate = 1u << 4,  // -Xarch_<arch> ARG: a prefix family whose value is the next argument

  // What the option means to the wrapper.
  kStopsBeforeLink = 1u << 5,  // -c -S -E -M -MM -fsyntax-only: no link step
  kPreprocessOnly = 1u << 6,   // -E -M -MM: no compilation, so no .symver header
  kInfoOnly = 1u << 7,         // --version -dumpversion -print-*: prints and exits
  kInfoWithoutInputs = 1u << 8,  // -v, -###, ld -V: information only when there are no inputs
  kStatic = 1u << 9,           // -static, -static-pie; ld: -static -Bstatic -dn -non_shared
  kDynamic = 1u << 10,         // ld: -Bdynamic -dy -call_shared
  kShared = 1u << 11,          // -shared
  kRelocatable = 1u << 12,     // -r: a partial link without libraries
  kNoDefaultLibs = 1u << 13,   // -nostdlib -nodefaultlibs -nolibc
  kNoStartFiles = 1u << 14,    // -nostartfiles (also set by -nostdlib)
  kOutput = 1u << 15,          // -o, --output
  kLanguage = 1u << 16,        // -x LANG
  kLibrary = 1u << 17,         // -l NAME: a linker input
  kLibraryDir = 1u << 18,      // -L DIR
  kFuseLd = 1u << 19,          // -fuse-ld=NAME
  kLdPath = 1u << 20,          // clang --ld-path=PATH
  kDryRun = 1u << 21,          // -###: prints the commands, runs nothing
  kSelectsTarget = 1u << 22,   // --target=, -target, -m32/-m64/-mx32, --sysroot: what the
                               // compiler builds for (asked again with -dumpmachine)
  kEmulation = 1u << 23,       // ld -m EMULATION: the linker's output architecture
};

struct OptionSpec {
  std::string_view name;  // compiler table: exact spelling; ld table: without leading dashes
  unsigned traits = 0;
};

// One argument recognised as an option.
struct OptionMatch {
  const OptionSpec* spec = nullptr;
  std::optional<std::string_view> value;  // joined or after '='; absent if none or separate
  bool value_is_next = false;             // the value is the next argument
};

// The gcc/clang driver options (cc and c++ personalities).
std::span<const OptionSpec> compiler_options();

// The GNU ld options shared by bfd, gold, lld and mold (ld personality). Single-letter names
// are short options (one dash, value joined or separate); longer names take one or two dashes.
std::span<const OptionSpec> linker_options();

// Recognises `arg` as a compiler option, or nullopt for an input or an unknown flag.
std::optional<OptionMatch> match_compiler_option(std::string_view arg);

// Recognises `arg` as a linker option, or nullopt for an input or an unknown flag.
std::optional<OptionMatch> match_linker_option(std::string_view arg);

}  // namespace glibcpin
