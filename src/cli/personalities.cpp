// The compiler and linker personalities: `glibc-pin cc|c++|ld ARGS` and the symlinks
// glibc-pin-cc, glibc-pin-c++, glibc-pin-ld (and ld, ld.lld... in a directory given to gcc -B).
#include <filesystem>

#include "cli/command.hpp"
#include "driver/run_driver.hpp"

namespace glibcpin {

static const char* kPersonalityHelp =
    "Usage: glibc-pin cc|c++|ld [--target T] ARGS...\n"
    "       glibc-pin-cc | glibc-pin-c++ | glibc-pin-ld ARGS...   (symlinks to glibc-pin)\n\n"
    "Runs the real compiler or linker with every glibc symbol pinned to the version the\n"
    "target had, then checks the output fits the target.\n\n"
    "Wrapper options (accepted anywhere, removed before the real tool runs):\n"
    "  --glibc-pin-target=T     target: 2.17, x86_64-linux-gnu.2.17 or a profile (centos7...)\n"
    "  --glibc-pin-compiler=P   the real compiler (default $GLIBC_PIN_CC / $GLIBC_PIN_CXX, cc, c++)\n"
    "  --glibc-pin-linker=P     the real linker (default $GLIBC_PIN_LD, else the name invoked as)\n"
    "  --glibc-pin-cxx-runtime=static|shared\n"
    "                           C++ links: libstdc++/libgcc static (default) or shared\n"
    "  --glibc-pin-verbose      print the rewritten command\n"
    "  --glibc-pin-no-verify    skip the check of the output\n"
    "  --glibc-pin-no-header    compile without the .symver header (Go's internal linker)\n"
    "In the 'glibc-pin cc' form only, a leading '--target T' naming a glibc version, triple\n"
    "with a glibc suffix or profile is the wrapper's; clang's own --target=x86_64-linux-gnu\n"
    "passes through.\n\n"
    "Environment: GLIBC_PIN_TARGET, GLIBC_PIN_CC, GLIBC_PIN_CXX, GLIBC_PIN_LD, GLIBC_PIN_CXX_RUNTIME,\n"
    "GLIBC_PIN_NO_HEADER, GLIBC_PIN_CACHE_DIR (generated stub libraries; default\n"
    "~/.cache/glibc-pin), GLIBC_PIN_SHIM_DIR (compiled shims; default beside the executable).\n"
    "More: man glibc-pin.\n";

static int run_personality(const Context& ctx, Personality personality, const CommandArgs& args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    ctx.out << kPersonalityHelp;
    return 0;
  }
  return run_driver(ctx, personality, CallForm::Subcommand, args);
}

int run_cc(const Context& ctx, const CommandArgs& args) {
  return run_personality(ctx, Personality::CC, args);
}
int run_cxx(const Context& ctx, const CommandArgs& args) {
  return run_personality(ctx, Personality::CXX, args);
}
int run_ld(const Context& ctx, const CommandArgs& args) {
  return run_personality(ctx, Personality::LD, args);
}

// Also the plain compiler names, for masquerading: a symlink named cc (gcc, clang...) to
// glibc-pin first in PATH pins every compile, running the real cc found further down PATH.
std::optional<Personality> personality_of(const std::string& argv0) {
  std::string name = std::filesystem::path(argv0).filename().string();
  if (name == "glibc-pin-cc" || name == "glibc-pin-gcc" || name == "glibc-pin-clang" ||
      name == "cc" || name == "gcc" || name == "clang")
    return Personality::CC;
  if (name == "glibc-pin-c++" || name == "glibc-pin-g++" || name == "glibc-pin-clang++" ||
      name == "c++" || name == "g++" || name == "clang++")
    return Personality::CXX;
  if (name == "glibc-pin-ld" || name == "ld" || name.starts_with("ld."))
    return Personality::LD;
  return std::nullopt;
}

}  // namespace glibcpin
