// glibc-pin cache path|clean|generate: the cache of generated target files.
#include <filesystem>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "driver/tool_arch.hpp"
#include "generator/target_files.hpp"
#include "target/target.hpp"
#include "util/error.hpp"

namespace glibcpin {

int run_cache(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "cache";
  spec.usage = "path|clean|generate [--target T]";
  spec.description =
      "path: print the cache directory (with --target: that target's directory, generating\n"
      "it when needed). generate: make a target's files now. clean: remove the cache.\n"
      "The cache is $GLIBC_PIN_CACHE_DIR, else $XDG_CACHE_HOME/glibc-pin, else\n"
      "~/.cache/glibc-pin.";
  spec.visible.add_options()("target,t", po::value<std::string>(),
                             "a glibc version, triple or profile (default: $GLIBC_PIN_TARGET)");
  spec.hidden.add_options()("action", po::value<std::string>());
  spec.positional.add("action", 1);
  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;
  if (!vm->count("action"))
    throw UsageError("cache: say path, clean or generate", "cache");
  std::string action = (*vm)["action"].as<std::string>();

  std::string target_text = vm->count("target") ? (*vm)["target"].as<std::string>()
                                                : target_from_environment();

  if (action == "clean") {
    std::error_code ec;
    std::uintmax_t removed = std::filesystem::remove_all(cache_root(), ec);
    if (ec)
      throw Error("cannot remove " + cache_root() + ": " + ec.message());
    ctx.out << "removed " << cache_root() << " (" << removed << " files)\n";
    return 0;
  }
  if (action != "path" && action != "generate")
    throw UsageError("cache: unknown action '" + action + "' (path, clean or generate)", "cache");
  if (target_text.empty()) {
    if (action == "generate")
      throw UsageError("cache generate needs --target or GLIBC_PIN_TARGET", "cache");
    ctx.out << cache_root() << "\n";
    return 0;
  }
  Target target = resolve_target(target_text, host_arch(), host_glibc_release());
  GeneratedTarget generated = ensure_target_files(target, default_toolchain(target.arch));
  ctx.out << generated.dir << "\n";
  return 0;
}

}  // namespace glibcpin
