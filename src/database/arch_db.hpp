// Queries on one architecture's symbol-version database.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "database/kind.hpp"
#include "database/packed.hpp"
#include "database/release.hpp"

namespace glibcpin {

// One run of a symbol@version in a library, as in a TSV row.
struct Entry {
  std::string_view library;
  std::string_view symbol;
  std::string_view version;
  Kind kind = Kind::Function;
  std::uint32_t size = 0;
  Release first;   // exported from `first` to `last`, inclusive
  Release last;
  std::optional<Release> default_first;  // the default (@@) version in this range, if ever
  std::optional<Release> default_last;
};

// What a library exports at one release.
struct Export {
  std::string_view library;
  std::string_view symbol;
  std::string_view version;
  Kind kind = Kind::Function;
  std::uint32_t size = 0;
  bool is_default = false;  // "@@": what a new link binds to
};

// A view of a PackedArch; cheap to copy. Functions taking a Release throw Error when the
// release is not one the database describes.
class ArchDb {
public:
  explicit ArchDb(const PackedArch& packed) : db_(&packed) {}

  std::string_view name() const { return db_->name; }
  std::string_view base_version() const { return db_->base_version; }
  std::vector<Release> releases() const;
  std::vector<Release> observed_releases() const;
  Release oldest() const;
  Release newest() const;
  bool has_release(Release release) const;
  size_t symbol_row_count() const { return db_->rows.size(); }
  size_t version_node_row_count() const { return db_->nodes.size(); }
  size_t symbol_count() const { return db_->symbols.size(); }

  // Every library named in the database, by name.
  std::vector<std::string_view> all_libraries() const;
  bool knows_library(std::string_view library) const;

  // The libraries that exist at `release`.
  std::vector<std::string_view> libraries_at(Release release) const;
  bool library_exists_at(std::string_view library, Release release) const;

  // Version nodes `library` defines at `release`, oldest first.
  std::vector<std::string_view> version_nodes_at(std::string_view library, Release release) const;

  // Every symbol@version `library` exports at `release`, by symbol then version.
  std::vector<Export> exports_at(std::string_view library, Release release) const;

  // The version a new link of `symbol` against `library` binds to at `release`.
  std::optional<Export> binding(std::string_view symbol, std::string_view library,
                                Release release) const;

  // Whether any library exports `symbol`, at any release / at `release`.
  bool has_symbol(std::string_view symbol) const;
  bool has_symbol_at(std::string_view symbol, Release release) const;

  // Every row of `symbol`, by library, version, first release.
  std::vector<Entry> entries_of(std::string_view symbol) const;

  // The release index of `release`; throws Error when the database does not describe it.
  std::uint8_t release_index(Release release) const;

private:
  std::string_view str(PoolString s) const { return db_->pool.substr(s.offset, s.length); }
  std::optional<std::uint16_t> library_id(std::string_view library) const;
  const PackedSymbol* find_symbol(std::string_view symbol) const;
  Export to_export(const PackedRow& row, std::uint8_t at) const;

  const PackedArch* db_;
};

}  // namespace glibcpin
