// classify_arguments(): what a compiler or linker call does, read from its arguments alone.
#include "driver/invocation.hpp"
#include "driver/option_table.hpp"
#include "util/error.hpp"

namespace glibcpin {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool is_digits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s)
    if (c < '0' || c > '9')
      return false;
  return true;
}

// 2.17, 2.2.5
bool is_glibc_version(std::string_view s) {
  if (!starts_with(s, "2."))
    return false;
  std::string_view rest = s.substr(2);
  std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos)
    return is_digits(rest);
  return is_digits(rest.substr(0, dot)) && is_digits(rest.substr(dot + 1));
}

// x86_64-linux-gnu.2.17: a triple whose last component carries a glibc version after a dot.
bool is_versioned_triple(std::string_view s) {
  std::size_t dash = s.rfind('-');
  if (dash == std::string_view::npos || dash == 0)
    return false;
  std::string_view last = s.substr(dash + 1);  // gnu.2.17
  std::size_t dot = last.find('.');
  return dot != std::string_view::npos && dot > 0 && is_glibc_version(last.substr(dot + 1));
}

// Architecture names clang takes as a whole target (--target=x86_64): never profile names.
bool is_architecture_name(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "x86", "amd64", "i386", "i486", "i586", "i686", "aarch64", "arm", "thumb", "riscv",
      "ppc", "powerpc", "mips", "sparc", "s390", "systemz", "wasm", "loongarch", "bpf",
      "nvptx", "amdgcn", "amdil", "r600", "hexagon", "m68k", "avr", "msp430", "xcore",
      "lanai", "csky", "spir", "dxil", "xtensa", "hsail", "kalimba", "shave", "le32", "le64",
      "renderscript", "tce", "sh4"};
  if (s == "ve" || s == "arc")
    return true;
  for (std::string_view prefix : kPrefixes)
    if (starts_with(s, prefix))
      return true;
  return false;
}

// centos7, manylinux2014, manylinux_2_28, debian11, ubuntu20.04
bool is_profile_name(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z')
    return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
      return false;
  return !is_architecture_name(s);
}

// ---------------------------------------------------------------------------------------------
// Input languages, from -x or the file name.

enum class Language {
  C, Cxx, ObjC, ObjCxx, CHeader, CxxHeader,  // preprocessed and compiled
  CPreprocessed, CxxPreprocessed,            // .i .ii: compiled without the preprocessor
  AsmWithCpp, Asm,                           // .S .sx; .s
  OtherSource,                               // compiled, but not a C family language
  LinkerInput,                               // objects, archives, shared libraries, scripts
};

std::optional<Language> language_of_x(std::string_view x) {
  struct Entry { std::string_view name; Language language; };
  static constexpr Entry kLanguages[] = {
      {"c", Language::C},
      {"c++", Language::Cxx},
      {"objective-c", Language::ObjC},
      {"objective-c++", Language::ObjCxx},
      {"c-header", Language::CHeader},
      {"c++-header", Language::CxxHeader},
      {"c++-system-header", Language::CxxHeader},
      {"c++-user-header", Language::CxxHeader},
      {"objective-c-header", Language::CHeader},
      {"objective-c++-header", Language::CxxHeader},
      {"cpp-output", Language::CPreprocessed},
      {"objective-c-cpp-output", Language::CPreprocessed},
      {"c++-cpp-output", Language::CxxPreprocessed},
      {"objective-c++-cpp-output", Language::CxxPreprocessed},
      {"assembler", Language::Asm},
      {"assembler-with-cpp", Language::AsmWithCpp},
  };
  if (x == "none")
    return std::nullopt;
  for (const Entry& e : kLanguages)
    if (e.name == x)
      return e.language;
  return Language::OtherSource;  // cuda, f95, ir, go...: compiled, the header does not apply
}

Language language_of_file(std::string_view path) {
  struct Entry { std::string_view suffix; Language language; };
  static constexpr Entry kSuffixes[] = {
      {".c", Language::C},
      {".cc", Language::Cxx}, {".cp", Language::Cxx}, {".cxx", Language::Cxx},
      {".cpp", Language::Cxx}, {".CPP", Language::Cxx}, {".c++", Language::Cxx},
      {".C", Language::Cxx},
      {".m", Language::ObjC},
      {".mm", Language::ObjCxx}, {".M", Language::ObjCxx},
      {".h", Language::CHeader},
      {".hh", Language::CxxHeader}, {".H", Language::CxxHeader}, {".hp", Language::CxxHeader},
      {".hxx", Language::CxxHeader}, {".hpp", Language::CxxHeader},
      {".HPP", Language::CxxHeader}, {".h++", Language::CxxHeader},
      {".tcc", Language::CxxHeader},
      {".i", Language::CPreprocessed}, {".mi", Language::CPreprocessed},
      {".ii", Language::CxxPreprocessed}, {".mii", Language::CxxPreprocessed},
      {".s", Language::Asm},
      {".S", Language::AsmWithCpp}, {".sx", Language::AsmWithCpp},
      {".f", Language::OtherSource}, {".for", Language::OtherSource},
      {".f90", Language::OtherSource}, {".f95", Language::OtherSource},
      {".F", Language::OtherSource}, {".F90", Language::OtherSource},
      {".cu", Language::OtherSource}, {".cl", Language::OtherSource},
      {".ll", Language::OtherSource}, {".bc", Language::OtherSource},
  };
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos)
    return Language::LinkerInput;
  std::string_view suffix = name.substr(dot);
  for (const Entry& e : kSuffixes)
    if (e.suffix == suffix)
      return e.language;
  return Language::LinkerInput;
}

bool is_cxx(Language l) {
  return l == Language::Cxx || l == Language::ObjCxx || l == Language::CxxHeader ||
         l == Language::CxxPreprocessed;
}

bool reaches_preprocessor(Language l) {
  return l == Language::C || l == Language::Cxx || l == Language::ObjC ||
         l == Language::ObjCxx || l == Language::CHeader || l == Language::CxxHeader ||
         l == Language::AsmWithCpp;
}

// The value of a matched option: joined, or the next argument (advancing `i`).
std::optional<std::string> option_value(const OptionMatch& m, const std::vector<std::string>& args,
                                        std::size_t& i) {
  if (m.value)
    return std::string(*m.value);
  if (m.value_is_next && i + 1 < args.size())
    return args[++i];
  return std::nullopt;  // missing: the tool itself reports it
}

// -target T, --target=T -> --target=T; --sysroot DIR -> --sysroot=DIR; -m32 as it is.
std::string normalised_target_option(std::string_view name, const std::optional<std::string>& value) {
  if (!value)
    return std::string(name);
  return std::string(name == "-target" ? "--target" : name) + "=" + *value;
}

// ---------------------------------------------------------------------------------------------

void classify_compiler(Invocation& inv) {
  const std::vector<std::string>& args = inv.args;
  std::optional<Language> x_language;  // the last -x, applying to the inputs after it
  bool stops = false, info = false, info_without_inputs = false;
  bool has_library = false, has_linker_option = false;
  bool has_source = false, all_sources_asm = true;

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::optional<OptionMatch> m = match_compiler_option(arg);
    if (!m) {
      if (arg == "-" || arg.empty() || arg.front() != '-') {
        inv.input_files.push_back(arg);
        Language l = x_language ? *x_language
                     : arg == "-" ? Language::C
                                  : language_of_file(arg);
        if (l == Language::LinkerInput)
          continue;
        has_source = true;
        all_sources_asm = all_sources_asm && l == Language::Asm;
        inv.has_cxx_input = inv.has_cxx_input || is_cxx(l);
        inv.has_c_family_input = inv.has_c_family_input || reaches_preprocessor(l);
      } else if (starts_with(arg, "-Wl,")) {
        has_linker_option = true;
      }
      continue;  // an unknown flag: passes through
    }
    std::size_t option_index = i;
    unsigned traits = m->spec->traits;
    std::optional<std::string> value = option_value(*m, args, i);
    if (m->spec->name == "-Xlinker")
      has_linker_option = true;
    if (traits & kOutput)
      inv.output = value;
    if ((traits & kLanguage) && value)
      x_language = language_of_x(*value);
    if (traits & kLibrary)
      has_library = true;
    if ((traits & kLibraryDir) && !inv.first_library_dir)
      inv.first_library_dir = option_index;
    if (traits & kFuseLd)
      inv.fuse_ld = value;
    if (traits & kLdPath)
      inv.ld_path = value;
    if (traits & kSelectsTarget)
      inv.target_selection.push_back(normalised_target_option(m->spec->name, value));
    stops = stops || (traits & kStopsBeforeLink);
    inv.preprocess_only = inv.preprocess_only || (traits & kPreprocessOnly);
    info = info || (traits & kInfoOnly);
    info_without_inputs = info_without_inputs || (traits & kInfoWithoutInputs);
    inv.dry_run = inv.dry_run || (traits & kDryRun);
    inv.is_static = inv.is_static || (traits & kStatic);
    inv.shared = inv.shared || (traits & kShared);
    inv.relocatable = inv.relocatable || (traits & kRelocatable);
    inv.nostdlib = inv.nostdlib || (traits & kNoDefaultLibs);
    inv.nostartfiles = inv.nostartfiles || (traits & kNoStartFiles);
  }

  bool has_inputs = !inv.input_files.empty() || has_library;
  // gcc -Wl,--version (a configure probe) runs only the linker, which prints and exits.
  bool linker_probe = !has_inputs && has_linker_option;
  inv.has_asm_only_input = has_source && all_sources_asm;
  inv.only_info = info || (info_without_inputs && !has_inputs) || linker_probe;
  inv.links = !stops && !inv.only_info && has_inputs;
  if (inv.only_info)
    inv.output.reset();
  else if (inv.links && !inv.output)
    inv.output = "a.out";
}

void classify_linker(Invocation& inv) {
  const std::vector<std::string>& args = inv.args;
  bool info = false, info_without_inputs = false, has_inputs = false;
  bool static_before_inputs = false, any_dynamic = false;

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::optional<OptionMatch> m = match_linker_option(arg);
    if (!m) {
      if (arg.empty() || arg.front() != '-') {
        inv.input_files.push_back(arg);
        has_inputs = true;
      }
      continue;
    }
    std::size_t option_index = i;
    unsigned traits = m->spec->traits;
    std::optional<std::string> value = option_value(*m, args, i);
    if (traits & kOutput)
      inv.output = value;
    if ((traits & kEmulation) && value)
      inv.linker_emulation = value;
    if (traits & kLibrary)
      has_inputs = true;
    if ((traits & kLibraryDir) && !inv.first_library_dir)
      inv.first_library_dir = option_index;
    if ((traits & kStatic) && !has_inputs)
      static_before_inputs = true;
    any_dynamic = any_dynamic || (traits & kDynamic);
    info = info || (traits & kInfoOnly);
    info_without_inputs = info_without_inputs || (traits & kInfoWithoutInputs);
    inv.shared = inv.shared || (traits & kShared);
    inv.relocatable = inv.relocatable || (traits & kRelocatable);
  }

  // Static only when every input is read under -static/-Bstatic: gcc -static passes -static
  // first, while -static-libstdc++ brackets one library with -Bstatic ... -Bdynamic.
  inv.is_static = static_before_inputs && !any_dynamic && !inv.shared;
  inv.only_info = info || (info_without_inputs && !has_inputs);
  inv.links = !inv.only_info && has_inputs;
  if (inv.only_info)
    inv.output.reset();
  else if (inv.links && !inv.output)
    inv.output = "a.out";
}

}  // namespace

// A value that starts with a digit is meant as a glibc version, well-formed or not (2.x):
// no compiler target starts with one, and a malformed version must be reported, not passed on.
bool looks_like_pin_target(std::string_view value) {
  bool version_like = !value.empty() && value.front() >= '0' && value.front() <= '9';
  return version_like || is_versioned_triple(value) || is_profile_name(value);
}

SplitArguments split_wrapper_options(const std::vector<std::string>& args, CallForm form) {
  static constexpr std::string_view kPrefix = "--glibc-pin-";
  SplitArguments out;
  bool leading = form == CallForm::Subcommand;  // still before the first tool argument

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (starts_with(arg, kPrefix)) {
      std::string_view body = std::string_view(arg).substr(kPrefix.size());
      std::size_t eq = body.find('=');
      std::string_view name = body.substr(0, eq);
      if (name == "verbose" && eq == std::string_view::npos) {
        out.wrapper.verbose = true;
        continue;
      }
      if (name == "no-verify" && eq == std::string_view::npos) {
        out.wrapper.no_verify = true;
        continue;
      }
      if (name == "no-header" && eq == std::string_view::npos) {
        out.wrapper.no_header = true;
        continue;
      }
      std::optional<std::string>* slot = name == "target"        ? &out.wrapper.target
                                         : name == "compiler"    ? &out.wrapper.compiler
                                         : name == "linker"      ? &out.wrapper.linker
                                         : name == "cxx-runtime" ? &out.wrapper.cxx_runtime
                                                                 : nullptr;
      if (!slot)
        throw UsageError("unknown wrapper option " + arg +
                         " (known: --glibc-pin-target=T, --glibc-pin-compiler=PATH, "
                         "--glibc-pin-linker=PATH, --glibc-pin-cxx-runtime=static|shared, "
                         "--glibc-pin-verbose, --glibc-pin-no-verify, --glibc-pin-no-header)");
      std::string value;
      if (eq != std::string_view::npos)
        value = std::string(body.substr(eq + 1));
      else if (i + 1 < args.size())
        value = args[++i];
      if (value.empty())
        throw UsageError("wrapper option --glibc-pin-" + std::string(name) + " needs a value");
      if (name == "cxx-runtime" && value != "static" && value != "shared")
        throw UsageError("--glibc-pin-cxx-runtime takes static or shared, not '" + value + "'");
      *slot = value;
      continue;
    }
    if (leading) {
      if (arg == "--target" && i + 1 < args.size() && looks_like_pin_target(args[i + 1])) {
        out.wrapper.target = args[++i];
        continue;
      }
      if (starts_with(arg, "--target=") && looks_like_pin_target(arg.substr(9))) {
        out.wrapper.target = arg.substr(9);
        continue;
      }
      leading = false;
    }
    out.args.push_back(arg);
  }
  return out;
}

Invocation classify_arguments(Personality personality, const std::vector<std::string>& args,
                              CallForm form) {
  SplitArguments split = split_wrapper_options(args, form);
  Invocation inv;
  inv.personality = personality;
  inv.wrapper = std::move(split.wrapper);
  inv.args = std::move(split.args);
  if (personality == Personality::LD)
    classify_linker(inv);
  else
    classify_compiler(inv);
  return inv;
}

}  // namespace glibcpin
