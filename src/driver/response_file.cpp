#include "driver/response_file.hpp"
#include <unistd.h>
#include <cstdio>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/error.hpp"

namespace glibcpin {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::optional<std::string> read_file_from_disk(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return std::nullopt;  // gcc leaves @dir alone too
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    return std::nullopt;
  return text.str();
}

// `chain` holds the @arguments being expanded, outermost first, for the error message.
void expand(const std::vector<std::string>& args, const ReadFileFunction& read_file,
            std::vector<std::string>& chain, std::vector<std::string>& out) {
  for (const std::string& arg : args) {
    if (arg.size() < 2 || arg.front() != '@') {
      out.push_back(arg);
      continue;
    }
    std::optional<std::string> text = read_file(arg.substr(1));
    if (!text) {
      out.push_back(arg);  // not a readable file: an ordinary argument
      continue;
    }
    if (static_cast<int>(chain.size()) >= kResponseFileNestingLimit)
      throw Error(chain.front() + ": response files nested more than " +
                  std::to_string(kResponseFileNestingLimit) + " deep (does " + chain.back() +
                  " include itself?), at " + arg);
    chain.push_back(arg);
    expand(split_response_file(*text), read_file, chain, out);
    chain.pop_back();
  }
}

}  // namespace

std::vector<std::string> split_response_file(std::string_view text) {
  std::vector<std::string> args;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    if (i == text.size())
      return args;
    std::string arg;
    bool single_quote = false, double_quote = false, backslash = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (backslash) {
        backslash = false;
        arg += c;
      } else if (c == '\\') {
        backslash = true;
      } else if (single_quote) {
        if (c == '\'')
          single_quote = false;
        else
          arg += c;
      } else if (double_quote) {
        if (c == '"')
          double_quote = false;
        else
          arg += c;
      } else if (is_space(c)) {
        break;
      } else if (c == '\'') {
        single_quote = true;
      } else if (c == '"') {
        double_quote = true;
      } else {
        arg += c;
      }
    }
    args.push_back(std::move(arg));
  }
}

std::string format_response_file(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) {
    if (!text.empty())
      text += ' ';
    if (arg.empty())
      text += "\"\"";
    for (char c : arg) {
      if (is_space(c) || c == '\\' || c == '\'' || c == '"')
        text += '\\';
      text += c;
    }
  }
  text += '\n';
  return text;
}

std::vector<std::string> expand_response_files(const std::vector<std::string>& args,
                                               const ReadFileFunction& read_file) {
  std::vector<std::string> out;
  std::vector<std::string> chain;
  expand(args, read_file, chain, out);
  return out;
}

std::vector<std::string> expand_response_files(const std::vector<std::string>& args) {
  return expand_response_files(args, read_file_from_disk);
}

// Well below Linux's limits (128 KiB per argument, ~2 MiB in all with the environment).
static constexpr std::size_t kLongCommandLine = 64 * 1024;

std::vector<std::string> ForwardedResponseFile::wrap(const std::vector<std::string>& argv) {
  std::size_t size = 0;
  for (const std::string& arg : argv)
    size += arg.size() + 1 + sizeof(char*);
  if (size <= kLongCommandLine || argv.empty())
    return argv;
  file_.emplace("args");
  file_->write(format_response_file(std::vector<std::string>(argv.begin() + 1, argv.end())));
  return {argv.front(), "@" + file_->path()};
}

}  // namespace glibcpin
