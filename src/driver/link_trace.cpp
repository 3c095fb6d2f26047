#include "driver/link_trace.hpp"

#include <set>

#include "util/split.hpp"

namespace glibcpin {

std::vector<std::string> trace_arguments(Personality personality) {
  if (personality == Personality::LD)
    return {"-t", "-t"};
  return {"-Wl,-t,-t"};  // twice: bfd names archive members only then
}

bool user_prints_to_stdout(const Invocation& invocation) {
  static const std::set<std::string_view> printing = {
      "-t", "--trace", "-M", "--print-map", "--cref", "-y", "--trace-symbol", "--verbose",
      "--print-gc-sections", "--print-icf-sections", "--print-memory-usage", "--stats"};
  auto prints = [&](std::string_view option) {
    if (printing.count(option))
      return true;
    return option.starts_with("--trace-symbol=") || option.starts_with("-y") ||
           option.starts_with("--verbose=");
  };
  bool next_is_linker_option = false;
  for (const std::string& arg : invocation.args) {
    if (invocation.personality == Personality::LD || next_is_linker_option) {
      next_is_linker_option = false;
      if (prints(arg))
        return true;
      continue;
    }
    if (arg == "-Xlinker") {
      next_is_linker_option = true;
    } else if (arg.starts_with("-Wl,")) {
      for (std::string_view option : split(std::string_view(arg).substr(4), ','))
        if (prints(option))
          return true;
    }
  }
  return false;
}

LinkTrace parse_link_trace(std::string_view text,
                           const std::function<bool(const std::string&)>& is_file) {
  LinkTrace trace;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](std::string file, std::string member) {
    if (seen.insert({file, member}).second)
      trace.inputs.push_back({std::move(file), std::move(member)});
  };
  for (std::string_view line : split_lines(text)) {
    std::string s(line);
    if (s.starts_with("(") && s.find(')') != std::string::npos) {  // bfd: (archive)member
      size_t close = s.find(')');
      std::string archive = s.substr(1, close - 1), member = s.substr(close + 1);
      if (!member.empty() && is_file(archive)) {
        add(archive, member);
        continue;
      }
    }
    if (s.ends_with(")") && s.find('(') != std::string::npos) {  // gold, lld: archive(member)
      size_t open = s.rfind('(');
      std::string archive = s.substr(0, open), member = s.substr(open + 1, s.size() - open - 2);
      if (open > 0 && !member.empty() && is_file(archive)) {
        add(archive, member);
        continue;
      }
    }
    if (!s.empty() && is_file(s)) {
      add(s, "");
      continue;
    }
    // A file the compiler made and removed before we looked (gcc's /tmp/cc*.o, LTO's
    // *.ltrans.o) is still an input: it is named, and reported as gone.
    if (s.ends_with(".o") && s.find('/') != std::string::npos && s.find(' ') == std::string::npos) {
      add(s, "");
      continue;
    }
    trace.other_output += s + "\n";
  }
  return trace;
}

}  // namespace glibcpin
