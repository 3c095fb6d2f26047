#include <filesystem>

#include <boost/program_options.hpp>

#include "cli/command.hpp"
#include "driver/run_driver.hpp"
#include "util/error.hpp"

namespace glibcpin {
namespace {

namespace po = boost::program_options;

void print_usage(std::ostream& out) {
  out << "Usage: glibc-pin COMMAND [ARGS...]\n"
         "       glibc-pin --help | --version\n\n"
         "Pins glibc symbol versions so that binaries built on a new system run on older glibc.\n\n"
         "Commands:\n";
  for (const Command& command : commands()) {
    std::string name(command.name);
    name.resize(10, ' ');
    out << "  " << name << command.summary << "\n";
  }
  out << "\nRun 'glibc-pin COMMAND --help' for the options of a command.\n";
}

int dispatch(const Context& ctx, const std::vector<std::string>& argv) {
  // Options before the command are glibc-pin's own; the rest belongs to the command.
  size_t command_at = 1;
  while (command_at < argv.size() && argv[command_at].starts_with('-'))
    command_at++;

  po::options_description global;
  global.add_options()("help,h", "")("version,V", "");
  po::variables_map vm;
  try {
    std::vector<std::string> own(argv.begin() + 1, argv.begin() + command_at);
    po::store(po::command_line_parser(own).options(global).run(), vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    print_usage(ctx.out);
    return 0;
  }
  if (vm.count("version")) {
    print_version(ctx.out);
    return 0;
  }
  if (command_at == argv.size())
    throw UsageError("no command given");

  const std::string& name = argv[command_at];
  const Command* command = find_command(name);
  if (!command)
    throw UsageError("unknown command '" + name + "'");
  return command->run(ctx, CommandArgs(argv.begin() + command_at + 1, argv.end()));
}

}  // namespace

int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Context ctx{out, err};
  try {
    if (!argv.empty())
      if (std::optional<Personality> personality = personality_of(argv[0]))
        return run_driver(ctx, *personality, CallForm::Direct,
                          std::vector<std::string>(argv.begin() + 1, argv.end()),
                          std::filesystem::path(argv[0]).filename().string());
    return dispatch(ctx, argv);
  } catch (const UsageError& e) {
    err << "glibc-pin: error: " << e.what() << "\n";
    if (e.command.empty())
      err << "Try 'glibc-pin --help' for usage.\n";
    else
      err << "Try 'glibc-pin " << e.command << " --help' for usage.\n";
    return 2;
  } catch (const Error& e) {
    err << "glibc-pin: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "glibc-pin: error: internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace glibcpin
