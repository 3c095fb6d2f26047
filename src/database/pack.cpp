#include "database/pack.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "database/version_node.hpp"
#include "util/error.hpp"

namespace glibcpin {
namespace {

struct Pool {
  std::string text;
  std::unordered_map<std::string, PoolString> index;

  PoolString add(const std::string& s) {
    auto [it, inserted] = index.try_emplace(s);
    if (inserted) {
      it->second = {static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(s.size())};
      text += s;
    }
    return it->second;
  }
};

PackedRelease to_packed(Release r) {
  return {static_cast<std::uint8_t>(r.major), static_cast<std::uint8_t>(r.minor),
          static_cast<std::uint8_t>(r.patch)};
}

}  // namespace

PackedArch PackedStorage::view() const {
  return {name,     base_version, pool,    releases, observed, versions,     libraries,
          presence, symbols,      rows,    nodes,    library_rows, library_rows_begin};
}

PackedStorage pack(const TsvFile& file, const std::string& filename) {
  auto fail = [&](int line, const std::string& message) -> void {
    throw Error(filename + ":" + std::to_string(line) + ": " + message);
  };
  if (file.releases.size() >= kNoDefault)
    fail(1, "too many releases (at most 254)");

  auto release_index = [&](Release r) {
    auto it = std::lower_bound(file.releases.begin(), file.releases.end(), r);
    return static_cast<std::uint8_t>(it - file.releases.begin());
  };

  PackedStorage out;
  out.name = file.arch;
  out.base_version = file.base_version;
  for (Release r : file.releases)
    out.releases.push_back(to_packed(r));
  for (Release r : file.observed)
    out.observed.push_back(to_packed(r));

  // Distinct names, each sorted in its own order.
  std::set<std::string> library_set(file.libraries.begin(), file.libraries.end());
  std::set<std::string> symbol_set;
  std::set<std::string, bool (*)(const std::string&, const std::string&)> version_set(
      [](const std::string& a, const std::string& b) { return version_node_less(a, b); });
  for (const TsvRow& row : file.rows) {
    library_set.insert(row.library);
    version_set.insert(row.version);
    if (row.kind != Kind::VersionNode)
      symbol_set.insert(row.symbol);
  }
  if (library_set.size() > 0xffff || version_set.size() > 0xffff)
    fail(1, "too many libraries or version nodes");

  Pool pool;
  std::map<std::string, std::uint16_t> library_index;
  for (const std::string& lib : library_set) {
    library_index[lib] = out.libraries.size();
    out.libraries.push_back(pool.add(lib));
  }
  std::map<std::string, std::uint16_t> version_index;
  for (const std::string& ver : version_set) {
    version_index[ver] = out.versions.size();
    out.versions.push_back(pool.add(ver));
  }
  std::map<std::string, std::uint32_t> symbol_index;
  for (const std::string& sym : symbol_set) {
    symbol_index[sym] = out.symbols.size();
    out.symbols.push_back({pool.add(sym), 0, 0});
  }
  out.pool = std::move(pool.text);

  // Rows and version nodes, remembering each one's TSV line for error messages.
  std::vector<int> row_lines;
  std::vector<int> node_lines;
  const size_t nrel = file.releases.size();
  out.presence.assign(out.libraries.size() * nrel, 0);

  for (const TsvRow& row : file.rows) {
    std::uint16_t lib = library_index[row.library];
    std::uint16_t ver = version_index[row.version];
    std::uint8_t first = release_index(row.first);
    std::uint8_t last = release_index(row.last);
    for (size_t r = first; r <= last; r++)
      out.presence[lib * nrel + r] = 1;

    if (row.kind == Kind::VersionNode) {
      out.nodes.push_back({lib, ver, first, last});
      node_lines.push_back(row.line);
      continue;
    }
    PackedRow packed{symbol_index[row.symbol], row.size, lib, ver,
                     static_cast<std::uint8_t>(row.kind), first, last, kNoDefault, kNoDefault};
    if (row.default_first) {
      packed.default_first = release_index(*row.default_first);
      packed.default_last = release_index(*row.default_last);
    }
    out.rows.push_back(packed);
    row_lines.push_back(row.line);
  }

  // Sort rows by symbol, library, version, first (a permutation keeps the lines in step).
  std::vector<std::uint32_t> order(out.rows.size());
  std::iota(order.begin(), order.end(), 0);
  auto row_key = [&](std::uint32_t i) {
    const PackedRow& r = out.rows[i];
    return std::tuple(r.symbol, r.library, r.version, r.first);
  };
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return row_key(a) < row_key(b); });
  {
    std::vector<PackedRow> sorted;
    std::vector<int> lines;
    for (std::uint32_t i : order) {
      sorted.push_back(out.rows[i]);
      lines.push_back(row_lines[i]);
    }
    out.rows = std::move(sorted);
    row_lines = std::move(lines);
  }

  // Consistency: within one (symbol, library), runs of one version must not overlap and
  // at most one version may be the default at any release.
  for (size_t begin = 0; begin < out.rows.size();) {
    const PackedRow& head = out.rows[begin];
    size_t end = begin;
    while (end < out.rows.size() && out.rows[end].symbol == head.symbol &&
           out.rows[end].library == head.library)
      end++;
    std::vector<int> default_line(nrel, 0);
    for (size_t i = begin; i < end; i++) {
      const PackedRow& r = out.rows[i];
      if (i > begin && out.rows[i - 1].version == r.version && out.rows[i - 1].last >= r.first)
        fail(row_lines[i], "overlaps the row on line " + std::to_string(row_lines[i - 1]));
      if (r.default_first == kNoDefault)
        continue;
      for (size_t t = r.default_first; t <= r.default_last; t++) {
        if (default_line[t])
          fail(row_lines[i], "two default versions at release " + to_string(file.releases[t]) +
                                 " (see line " + std::to_string(default_line[t]) + ")");
        default_line[t] = row_lines[i];
      }
    }
    begin = end;
  }

  for (size_t i = 0; i < out.rows.size(); i++) {
    PackedSymbol& sym = out.symbols[out.rows[i].symbol];
    if (sym.row_count == 0)
      sym.first_row = i;
    sym.row_count++;
  }

  // Version nodes.
  {
    std::vector<std::uint32_t> node_order(out.nodes.size());
    std::iota(node_order.begin(), node_order.end(), 0);
    auto key = [&](std::uint32_t i) {
      const PackedNode& n = out.nodes[i];
      return std::tuple(n.library, n.version, n.first);
    };
    std::sort(node_order.begin(), node_order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    std::vector<PackedNode> sorted;
    for (size_t k = 0; k < node_order.size(); k++) {
      const PackedNode& n = out.nodes[node_order[k]];
      if (!sorted.empty() && sorted.back().library == n.library &&
          sorted.back().version == n.version && sorted.back().last >= n.first)
        fail(node_lines[node_order[k]], "version node row overlaps another one");
      sorted.push_back(n);
    }
    out.nodes = std::move(sorted);
  }

  // Per-library index of the rows.
  out.library_rows.resize(out.rows.size());
  std::iota(out.library_rows.begin(), out.library_rows.end(), 0);
  std::stable_sort(out.library_rows.begin(), out.library_rows.end(),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return out.rows[a].library < out.rows[b].library;
                   });
  out.library_rows_begin.assign(out.libraries.size() + 1, 0);
  for (const PackedRow& r : out.rows)
    out.library_rows_begin[r.library + 1]++;
  for (size_t i = 1; i < out.library_rows_begin.size(); i++)
    out.library_rows_begin[i] += out.library_rows_begin[i - 1];
  return out;
}

}  // namespace glibcpin
