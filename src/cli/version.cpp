#include "cli/command.hpp"
#include "database/embedded.hpp"
#include "glibc_pin_version.hpp"

namespace glibcpin {

void print_version(std::ostream& out) {
  out << "glibc-pin " << kGlibcPinVersion << "\n";
  if (embedded_archs().empty()) {
    out << "database: none (built without symver-maps/*.tsv)\n";
    return;
  }
  out << "database:";
  const char* separator = " ";
  for (const PackedArch* packed : embedded_archs()) {
    ArchDb db(*packed);
    out << separator << db.name() << " (glibc " << to_string(db.oldest()) << " to "
        << to_string(db.newest()) << ", " << db.symbol_row_count() << " entries)";
    separator = ", ";
  }
  out << "\n";
}

}  // namespace glibcpin
