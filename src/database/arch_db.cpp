#include "database/arch_db.hpp"

#include <algorithm>

#include "util/error.hpp"

namespace glibcpin {
namespace {

Release to_release(PackedRelease r) {
  return {r.major, r.minor, r.patch};
}

bool covers(std::uint8_t first, std::uint8_t last, std::uint8_t at) {
  return first <= at && at <= last;
}

}  // namespace

std::vector<Release> ArchDb::releases() const {
  std::vector<Release> out;
  for (PackedRelease r : db_->releases)
    out.push_back(to_release(r));
  return out;
}

std::vector<Release> ArchDb::observed_releases() const {
  std::vector<Release> out;
  for (PackedRelease r : db_->observed)
    out.push_back(to_release(r));
  return out;
}

Release ArchDb::oldest() const {
  return db_->releases.empty() ? Release{} : to_release(db_->releases.front());
}

Release ArchDb::newest() const {
  return db_->releases.empty() ? Release{} : to_release(db_->releases.back());
}

bool ArchDb::has_release(Release release) const {
  return std::any_of(db_->releases.begin(), db_->releases.end(),
                     [&](PackedRelease r) { return to_release(r) == release; });
}

std::uint8_t ArchDb::release_index(Release release) const {
  for (size_t i = 0; i < db_->releases.size(); i++)
    if (to_release(db_->releases[i]) == release)
      return i;
  std::string message = "glibc " + to_string(release) + " is not in the " + std::string(name()) +
                        " database";
  if (release < oldest() || newest() < release)
    message += " (it covers " + to_string(oldest()) + " to " + to_string(newest()) + ")";
  else
    message += " (not a glibc release; see 'glibc-pin targets')";
  throw Error(message);
}

std::vector<std::string_view> ArchDb::all_libraries() const {
  std::vector<std::string_view> out;
  for (PoolString s : db_->libraries)
    out.push_back(str(s));
  return out;
}

bool ArchDb::knows_library(std::string_view library) const {
  return library_id(library).has_value();
}

std::optional<std::uint16_t> ArchDb::library_id(std::string_view library) const {
  auto it = std::lower_bound(db_->libraries.begin(), db_->libraries.end(), library,
                             [&](PoolString s, std::string_view key) { return str(s) < key; });
  if (it == db_->libraries.end() || str(*it) != library)
    return std::nullopt;
  return it - db_->libraries.begin();
}

std::vector<std::string_view> ArchDb::libraries_at(Release release) const {
  std::uint8_t at = release_index(release);
  std::vector<std::string_view> out;
  for (size_t lib = 0; lib < db_->libraries.size(); lib++)
    if (db_->presence[lib * db_->releases.size() + at])
      out.push_back(str(db_->libraries[lib]));
  return out;
}

bool ArchDb::library_exists_at(std::string_view library, Release release) const {
  std::uint8_t at = release_index(release);
  std::optional<std::uint16_t> lib = library_id(library);
  return lib && db_->presence[*lib * db_->releases.size() + at];
}

std::vector<std::string_view> ArchDb::version_nodes_at(std::string_view library,
                                                        Release release) const {
  std::uint8_t at = release_index(release);
  std::vector<std::string_view> out;
  std::optional<std::uint16_t> lib = library_id(library);
  if (!lib)
    return out;
  auto it = std::lower_bound(db_->nodes.begin(), db_->nodes.end(), *lib,
                             [](const PackedNode& n, std::uint16_t key) { return n.library < key; });
  for (; it != db_->nodes.end() && it->library == *lib; ++it)
    if (covers(it->first, it->last, at))
      out.push_back(str(db_->versions[it->version]));
  return out;
}

Export ArchDb::to_export(const PackedRow& row, std::uint8_t at) const {
  return {str(db_->libraries[row.library]),
          str(db_->symbols[row.symbol].name),
          str(db_->versions[row.version]),
          static_cast<Kind>(row.kind),
          row.size,
          row.default_first != kNoDefault && covers(row.default_first, row.default_last, at)};
}

std::vector<Export> ArchDb::exports_at(std::string_view library, Release release) const {
  std::uint8_t at = release_index(release);
  std::vector<Export> out;
  std::optional<std::uint16_t> lib = library_id(library);
  if (!lib)
    return out;
  for (std::uint32_t i = db_->library_rows_begin[*lib]; i < db_->library_rows_begin[*lib + 1]; i++) {
    const PackedRow& row = db_->rows[db_->library_rows[i]];
    if (covers(row.first, row.last, at))
      out.push_back(to_export(row, at));
  }
  return out;
}

const PackedSymbol* ArchDb::find_symbol(std::string_view symbol) const {
  auto it = std::lower_bound(db_->symbols.begin(), db_->symbols.end(), symbol,
                             [&](const PackedSymbol& s, std::string_view key) {
                               return str(s.name) < key;
                             });
  if (it == db_->symbols.end() || str(it->name) != symbol)
    return nullptr;
  return &*it;
}

std::optional<Export> ArchDb::binding(std::string_view symbol, std::string_view library,
                                      Release release) const {
  std::uint8_t at = release_index(release);
  const PackedSymbol* sym = find_symbol(symbol);
  if (!sym)
    return std::nullopt;
  for (const PackedRow& row : db_->rows.subspan(sym->first_row, sym->row_count))
    if (str(db_->libraries[row.library]) == library && row.default_first != kNoDefault &&
        covers(row.default_first, row.default_last, at))
      return to_export(row, at);
  return std::nullopt;
}

bool ArchDb::has_symbol(std::string_view symbol) const {
  return find_symbol(symbol) != nullptr;
}

bool ArchDb::has_symbol_at(std::string_view symbol, Release release) const {
  std::uint8_t at = release_index(release);
  const PackedSymbol* sym = find_symbol(symbol);
  if (!sym)
    return false;
  for (const PackedRow& row : db_->rows.subspan(sym->first_row, sym->row_count))
    if (covers(row.first, row.last, at))
      return true;
  return false;
}

std::vector<Entry> ArchDb::entries_of(std::string_view symbol) const {
  std::vector<Entry> out;
  const PackedSymbol* sym = find_symbol(symbol);
  if (!sym)
    return out;
  for (const PackedRow& row : db_->rows.subspan(sym->first_row, sym->row_count)) {
    Entry e{str(db_->libraries[row.library]),
            symbol,
            str(db_->versions[row.version]),
            static_cast<Kind>(row.kind),
            row.size,
            to_release(db_->releases[row.first]),
            to_release(db_->releases[row.last]),
            std::nullopt,
            std::nullopt};
    if (row.default_first != kNoDefault) {
      e.default_first = to_release(db_->releases[row.default_first]);
      e.default_last = to_release(db_->releases[row.default_last]);
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace glibcpin
