// glibc-pin-dbpack: build-time packer. Turns symver-maps/<arch>.tsv into C++ source that
// embeds the database (database/packed.hpp), and writes the registry of embedded arches.
//
//   glibc-pin-dbpack pack IN.tsv OUT.cpp VARIABLE
//   glibc-pin-dbpack registry OUT.cpp [VARIABLE...]
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "database/pack.hpp"
#include "util/error.hpp"

namespace {

// Rewrites `path` only when the content changes, so unchanged data does not recompile.
void write_if_changed(const std::string& path, const std::string& content) {
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream old;
    old << in.rdbuf();
    if (in && old.str() == content)
      return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush())
    throw glibcpin::Error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 4 && args[0] == "pack") {
      glibcpin::TsvFile tsv = glibcpin::read_tsv_file(args[1]);
      glibcpin::PackedStorage packed = glibcpin::pack(tsv, args[1]);
      write_if_changed(args[2], glibcpin::generate_cpp(packed, args[3]));
      return 0;
    }
    if (args.size() >= 2 && args[0] == "registry") {
      write_if_changed(args[1], glibcpin::generate_registry_cpp({args.begin() + 2, args.end()}));
      return 0;
    }
    std::cerr << "usage: glibc-pin-dbpack pack IN.tsv OUT.cpp VARIABLE\n"
                 "       glibc-pin-dbpack registry OUT.cpp [VARIABLE...]\n";
    return 2;
  } catch (const glibcpin::Error& e) {
    std::cerr << "glibc-pin-dbpack: error: " << e.what() << "\n";
    return 1;
  }
}
