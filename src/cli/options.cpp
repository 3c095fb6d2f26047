#include "cli/options.hpp"

#include "util/error.hpp"

namespace glibcpin {

std::optional<po::variables_map> parse_command_options(const Context& ctx, CommandOptions& spec,
                                                       const CommandArgs& args) {
  spec.visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(spec.visible).add(spec.hidden);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(spec.positional).run(), vm);
    if (vm.count("help")) {
      ctx.out << "Usage: glibc-pin " << spec.command << " " << spec.usage << "\n\n"
              << spec.description << "\n\n"
              << spec.visible;
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError(std::string(spec.command) + ": too many arguments", std::string(spec.command));
  } catch (const po::error& e) {
    throw UsageError(std::string(spec.command) + ": " + e.what(), std::string(spec.command));
  }
  return vm;
}

}  // namespace glibcpin
