// glibc-pin-dbproof: the logic is in proof/run_dbproof.cpp.
#include <iostream>

#include "proof/run_dbproof.hpp"

int main(int argc, char** argv) {
  return glibcpin::run_dbproof(std::vector<std::string>(argv, argv + argc), std::cout, std::cerr);
}
