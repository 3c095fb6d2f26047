// glibc-pin: everything lives in the glibcpin library; this only forwards argv.
#include <iostream>

#include "cli/command.hpp"

int main(int argc, char** argv) {
  return glibcpin::run_cli(std::vector<std::string>(argv, argv + argc), std::cout, std::cerr);
}
