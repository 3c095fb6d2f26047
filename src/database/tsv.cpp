#include "database/tsv.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "util/error.hpp"
#include "util/split.hpp"

namespace glibcpin {
namespace {

struct LineError {
  std::string_view filename;
  int line;

  [[noreturn]] void operator()(const std::string& message) const {
    throw Error(std::string(filename) + ":" + std::to_string(line) + ": " + message);
  }
};

Release parse_release_field(std::string_view text, const LineError& fail) {
  if (auto release = parse_release(text))
    return *release;
  fail("malformed release '" + std::string(text) + "'");
}

void parse_header(std::string_view line, TsvFile& file, const LineError& fail) {
  // "# key: value ..."; other comment lines are ignored.
  line.remove_prefix(1);
  while (line.starts_with(' '))
    line.remove_prefix(1);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos)
    return;
  std::string_view key = line.substr(0, colon);
  std::vector<std::string_view> words = split_words(line.substr(colon + 1));

  if (key == "arch") {
    if (words.size() != 1)
      fail("'arch:' takes one word");
    file.arch = words[0];
  } else if (key == "base-version") {
    if (words.size() != 1)
      fail("'base-version:' takes one word");
    file.base_version = words[0];
  } else if (key == "releases" || key == "default-status-observed-at") {
    std::vector<Release>& out = key == "releases" ? file.releases : file.observed;
    for (std::string_view word : words)
      out.push_back(parse_release_field(word, fail));
  } else if (key == "libraries") {
    for (std::string_view word : words)
      file.libraries.emplace_back(word);
  }
}

}  // namespace

TsvFile parse_tsv(std::string_view text, std::string_view filename) {
  TsvFile file;
  int lineno = 0;
  bool seen_row = false;

  for (std::string_view line : split_lines(text)) {
    lineno++;
    LineError fail{filename, lineno};
    if (line.empty())
      continue;
    if (line.starts_with('#')) {
      if (!seen_row)
        parse_header(line, file, fail);
      continue;
    }
    if (!seen_row) {
      seen_row = true;
      if (file.arch.empty())
        fail("missing '# arch:' header line");
      if (file.releases.empty())
        fail("missing '# releases:' header line");
      if (!std::is_sorted(file.releases.begin(), file.releases.end()) ||
          std::adjacent_find(file.releases.begin(), file.releases.end()) != file.releases.end())
        fail("'# releases:' must be in increasing order without duplicates");
    }

    std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != 8)
      fail("expected 8 tab-separated fields, got " + std::to_string(f.size()));

    auto known = [&](Release r, std::string_view what) {
      if (!std::binary_search(file.releases.begin(), file.releases.end(), r))
        fail(std::string(what) + " release " + to_string(r) + " is not in '# releases:'");
      return r;
    };

    TsvRow row;
    row.line = lineno;
    row.library = f[0];
    row.version = f[2];
    if (row.library.empty() || row.version.empty())
      fail("empty library or version field");
    std::optional<Kind> kind = parse_kind(f[3]);
    if (!kind)
      fail("unknown kind '" + std::string(f[3]) + "' (expected F, D, T or V)");
    row.kind = *kind;
    if (row.kind == Kind::VersionNode) {
      if (f[1] != "-")
        fail("a version-node row (V) must have '-' as its symbol");
    } else {
      if (f[1].empty() || f[1] == "-")
        fail("missing symbol name");
      row.symbol = f[1];
    }

    auto [end, ec] = std::from_chars(f[4].data(), f[4].data() + f[4].size(), row.size);
    if (ec != std::errc() || end != f[4].data() + f[4].size())
      fail("malformed size '" + std::string(f[4]) + "'");

    row.first = known(parse_release_field(f[5], fail), "first");
    row.last = known(parse_release_field(f[6], fail), "last");
    if (row.last < row.first)
      fail("last release " + to_string(row.last) + " is before first " + to_string(row.first));

    if (f[7] != "-") {
      if (row.kind == Kind::VersionNode)
        fail("a version-node row (V) must have '-' as its default range");
      size_t dash = f[7].find('-');
      if (dash == std::string_view::npos)
        fail("malformed default range '" + std::string(f[7]) + "' (expected A-B or -)");
      Release a = known(parse_release_field(f[7].substr(0, dash), fail), "default");
      Release b = known(parse_release_field(f[7].substr(dash + 1), fail), "default");
      if (b < a || a < row.first || row.last < b)
        fail("default range " + std::string(f[7]) + " is not within " + to_string(row.first) +
             "-" + to_string(row.last));
      row.default_first = a;
      row.default_last = b;
    }
    file.rows.push_back(std::move(row));
  }

  if (!seen_row) {
    LineError fail{filename, lineno};
    if (file.arch.empty())
      fail("missing '# arch:' header line");
    if (file.releases.empty())
      fail("missing '# releases:' header line");
  }
  return file;
}

TsvFile read_tsv_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_tsv(buffer.str(), path);
}

}  // namespace glibcpin
