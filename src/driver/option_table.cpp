#include "driver/option_table.hpp"

namespace glibcpin {
namespace {

constexpr unsigned kValue = kSeparate | kJoined;     // -o FILE and -oFILE
constexpr unsigned kLongValue = kSeparate | kEquals;  // --opt VALUE and --opt=VALUE

// gcc and clang driver options, spelled exactly. Options that are not listed pass through as
// flags; list an option here when its value could be mistaken for an input file, or when it
// changes what the wrapper has to do.
constexpr OptionSpec kCompilerOptions[] = {
    // Output and languages.
    {"-o", kValue | kOutput},
    {"--output", kLongValue | kOutput},
    {"-x", kValue | kLanguage},
    {"--language", kLongValue | kLanguage},

    // Preprocessor options with a value.
    {"-D", kValue},
    {"-U", kValue},
    {"-A", kValue},
    {"-I", kValue},
    {"-MF", kValue},
    {"-MT", kValue},
    {"-MQ", kValue},
    {"-MJ", kValue},  // clang: compilation database entry
    {"-include", kValue},
    {"-include-pch", kSeparate},
    {"-imacros", kValue},
    {"-iquote", kValue},
    {"-isystem", kValue},
    {"-isystem-after", kSeparate},
    {"-idirafter", kValue},
    {"-iprefix", kValue},
    {"-iwithprefix", kValue},
    {"-iwithprefixbefore", kValue},
    {"-isysroot", kValue},
    {"-imultilib", kValue},
    {"-cxx-isystem", kSeparate},
    {"-ivfsoverlay", kSeparate},
    {"-undef", 0},  // not -u "ndef"

    // Linker options the driver understands itself.
    {"-L", kValue | kLibraryDir},
    {"-l", kValue | kLibrary},
    {"-T", kValue},
    {"-u", kValue},
    {"-z", kValue},
    {"-e", kValue},
    {"-emit-llvm", 0},  // not -e "mit-llvm"
    {"-Xlinker", kSeparate},
    {"-fuse-ld", kEquals | kFuseLd},
    {"--ld-path", kEquals | kLdPath},

    // Passing values to the other tools, and driver settings with a value.
    {"-Xassembler", kSeparate},
    {"-Xpreprocessor", kSeparate},
    {"-Xclang", kSeparate},
    {"-Xanalyzer", kSeparate},
    {"-Xcuda-fatbinary", kSeparate},
    {"-Xcuda-ptxas", kSeparate},
    {"-Xopenmp-target", kSeparate},
    {"-Xarch_", kPrefixSeparate},  // clang: -Xarch_x86_64 ARG
    {"-mllvm", kSeparate},
    {"-B", kValue},
    {"--param", kLongValue},
    {"-target", kSeparate | kSelectsTarget},  // clang's old spelling of --target=
    {"--target", kEquals | kSelectsTarget},   // clang
    {"-m32", kSelectsTarget},
    {"-m64", kSelectsTarget},
    {"-mx32", kSelectsTarget},
    {"-arch", kSeparate},
    {"-aux-info", kSeparate},
    {"-dumpbase", kSeparate},
    {"-dumpbase-ext", kSeparate},
    {"-dumpdir", kSeparate},
    {"--sysroot", kLongValue | kSelectsTarget},
    {"-specs", kLongValue},
    {"--specs", kLongValue},
    {"-wrapper", kSeparate},
    {"-gcc-toolchain", kSeparate},
    {"--gcc-toolchain", kEquals},
    {"-resource-dir", kSeparate},
    {"-working-directory", kSeparate},
    {"-serialize-diagnostics", kSeparate},
    {"-objcmt-", kPrefix},  // clang: not -o "bjcmt-..."
    {"-object", 0},

    // Steps: where the driver stops.
    {"-c", kStopsBeforeLink},
    {"-S", kStopsBeforeLink},
    {"-E", kStopsBeforeLink | kPreprocessOnly},
    {"-M", kStopsBeforeLink | kPreprocessOnly},
    {"-MM", kStopsBeforeLink | kPreprocessOnly},
    {"-fsyntax-only", kStopsBeforeLink},

    // The kind of link.
    {"-shared", kShared},
    {"--shared", kShared},
    {"-static", kStatic},
    {"--static", kStatic},
    {"-static-pie", kStatic},
    {"-r", kRelocatable},
    {"-nostdlib", kNoDefaultLibs | kNoStartFiles},
    {"--no-standard-libraries", kNoDefaultLibs | kNoStartFiles},
    {"-nodefaultlibs", kNoDefaultLibs},
    {"-nolibc", kNoDefaultLibs},
    {"-nostartfiles", kNoStartFiles},

    // Information only.
    {"--version", kInfoOnly},
    {"-dumpversion", kInfoOnly},
    {"-dumpfullversion", kInfoOnly},
    {"-dumpmachine", kInfoOnly},
    {"-dumpspecs", kInfoOnly},
    {"-print-", kPrefix | kInfoOnly},
    {"--print-", kPrefix | kInfoOnly},
    {"--help", kEquals | kInfoOnly},
    {"--target-help", kInfoOnly},
    {"-v", kInfoWithoutInputs},
    {"--verbose", kInfoWithoutInputs},
    {"-###", kInfoWithoutInputs | kDryRun},
};

// GNU ld options (bfd, gold, lld and mold agree on these spellings). Names without dashes:
// one letter = short option, longer = long option written with one or two dashes.
constexpr OptionSpec kLinkerOptions[] = {
    // Output and inputs.
    {"o", kValue | kOutput},
    {"output", kLongValue | kOutput},
    {"L", kValue | kLibraryDir},
    {"library-path", kLongValue | kLibraryDir},
    {"l", kValue | kLibrary},
    {"library", kLongValue | kLibrary},

    // Options with a value.
    {"T", kValue},
    {"script", kLongValue},
    {"dT", kLongValue},
    {"default-script", kLongValue},
    {"m", kValue | kEmulation},
    {"e", kValue},
    {"entry", kLongValue},
    {"u", kValue},
    {"undefined", kLongValue},
    {"require-defined", kLongValue},
    {"h", kValue},
    {"soname", kLongValue},
    {"rpath", kLongValue},
    {"rpath-link", kLongValue},
    {"R", kValue},
    {"just-symbols", kLongValue},
    {"y", kValue},
    {"trace-symbol", kLongValue},
    {"Y", kValue},
    {"a", kValue},
    {"A", kValue},
    {"architecture", kLongValue},
    {"b", kValue},
    {"format", kLongValue},
    {"c", kValue},
    {"mri-script", kLongValue},
    {"f", kValue},
    {"auxiliary", kLongValue},
    {"F", kValue},
    {"filter", kLongValue},
    {"G", kValue},
    {"O", kValue},
    {"z", kValue},
    {"I", kValue},  // = --dynamic-linker
    {"dynamic-linker", kLongValue},
    {"version-script", kLongValue},
    {"dynamic-list", kLongValue},
    {"init", kLongValue},
    {"fini", kLongValue},
    {"Map", kLongValue},
    {"defsym", kLongValue},
    {"wrap", kLongValue},
    {"exclude-libs", kLongValue},
    {"hash-style", kLongValue},
    {"sort-section", kLongValue},
    {"section-start", kLongValue},
    {"Ttext", kLongValue},
    {"Tdata", kLongValue},
    {"Tbss", kLongValue},
    {"Ttext-segment", kLongValue},
    {"Trodata-segment", kLongValue},
    {"Tldata-segment", kLongValue},
    {"image-base", kLongValue},
    {"oformat", kLongValue},  // not -o "format"
    {"omagic", 0},            // not -o "magic"
    {"orphan-handling", kLongValue},
    {"out-implib", kLongValue},
    {"retain-symbols-file", kLongValue},
    {"export-dynamic-symbol", kLongValue},
    {"export-dynamic-symbol-list", kLongValue},
    {"dependency-file", kLongValue},
    {"package-metadata", kEquals},
    {"error-handling-script", kLongValue},
    {"sysroot", kEquals},
    {"plugin", kLongValue},
    {"plugin-opt", kLongValue},
    {"mllvm", kLongValue},  // lld
    {"chroot", kLongValue},  // mold
    {"lto-", kPrefix},        // lld: --lto-O2, -lto-partitions=N (not -l "to-O2")

    // The kind of link.
    {"static", kStatic},
    {"Bstatic", kStatic},
    {"dn", kStatic},
    {"non_shared", kStatic},
    {"Bdynamic", kDynamic},
    {"dy", kDynamic},
    {"call_shared", kDynamic},
    {"shared", kShared},
    {"Bshareable", kShared},
    {"r", kRelocatable},
    {"i", kRelocatable},
    {"relocatable", kRelocatable},
    {"Ur", kRelocatable},

    // Information only.
    {"version", kInfoOnly},
    {"help", kInfoOnly},
    {"target-help", kInfoOnly},
    {"v", kInfoWithoutInputs},
    {"V", kInfoWithoutInputs},
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// A candidate match, ranked: an exact name beats NAME=VALUE, which beats a prefix family,
// which beats a joined value; among equals the longest name wins (-MF before -M).
struct Candidate {
  OptionMatch match;
  int rank = 0;
  std::size_t length = 0;
};

void consider(std::optional<Candidate>& best, const Candidate& c) {
  if (!best || c.rank > best->rank || (c.rank == best->rank && c.length > best->length))
    best = c;
}

// Matches `body` (the argument without the dashes that `spec.name` leaves out) against one spec.
void match_spec(const OptionSpec& spec, std::string_view body, bool allow_joined,
                std::optional<Candidate>& best) {
  std::string_view name = spec.name;
  if (body == name) {
    OptionMatch m{&spec, std::nullopt, (spec.traits & kSeparate) != 0};
    consider(best, {m, 4, name.size()});
    return;
  }
  if (!starts_with(body, name))
    return;
  std::string_view rest = body.substr(name.size());
  if ((spec.traits & kEquals) && rest.front() == '=') {
    consider(best, {{&spec, rest.substr(1), false}, 3, name.size()});
  } else if (spec.traits & kPrefix) {
    consider(best, {{&spec, std::nullopt, false}, 2, name.size()});
  } else if (spec.traits & kPrefixSeparate) {
    consider(best, {{&spec, std::nullopt, true}, 2, name.size()});
  } else if ((spec.traits & kJoined) && allow_joined) {
    consider(best, {{&spec, rest, false}, 1, name.size()});
  }
}

}  // namespace

std::span<const OptionSpec> compiler_options() { return kCompilerOptions; }
std::span<const OptionSpec> linker_options() { return kLinkerOptions; }

std::optional<OptionMatch> match_compiler_option(std::string_view arg) {
  if (arg.size() < 2 || arg.front() != '-')
    return std::nullopt;  // an input file, or "-" for stdin
  std::optional<Candidate> best;
  for (const OptionSpec& spec : kCompilerOptions)
    match_spec(spec, arg, true, best);
  if (!best)
    return std::nullopt;
  return best->match;
}

std::optional<OptionMatch> match_linker_option(std::string_view arg) {
  if (arg.size() < 2 || arg.front() != '-')
    return std::nullopt;
  bool double_dash = starts_with(arg, "--");
  std::string_view body = arg.substr(double_dash ? 2 : 1);
  if (body.empty())
    return std::nullopt;
  std::optional<Candidate> best;
  for (const OptionSpec& spec : kLinkerOptions) {
    bool is_short = spec.name.size() == 1;
    if (is_short && double_dash)
      continue;  // --L is not -L
    match_spec(spec, body, is_short, best);
  }
  if (!best)
    return std::nullopt;
  return best->match;
}

}  // namespace glibcpin
