// Option parsing shared by the subcommands (Boost.Program_options).
#pragma once

#include <optional>
#include <string_view>

#include <boost/program_options.hpp>

#include "cli/command.hpp"

namespace glibcpin {

namespace po = boost::program_options;

struct CommandOptions {
  std::string_view command;     // "lookup"
  std::string_view usage;       // "SYMBOL [--arch A]"
  std::string_view description; // a paragraph for --help
  po::options_description visible{"Options"};
  po::options_description hidden;      // positional arguments
  po::positional_options_description positional;
};

// Parses `args`; adds and handles --help (prints it and returns nullopt). Throws
// UsageError for unknown options, missing or extra arguments.
std::optional<po::variables_map> parse_command_options(const Context& ctx, CommandOptions& spec,
                                                       const CommandArgs& args);

}  // namespace glibcpin
