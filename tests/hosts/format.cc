// std::format (GCC 13 and later, clang with their libstdc++): floating-point formatting goes
// through libstdc++.a's to_chars (floating_to_chars.o), which on newer GCC reaches glibc's
// strfromf128 (2.26) and __isoc23_strtoul (2.38). Every line is deterministic.
#include <cstdio>
#include <format>
#include <string>

int main() {
  std::string text = std::format("{:>6}|{:x}|{:.3f}|{:e}|{}", 42, 255, 3.14159, 1e-7, 0.1f);
  std::printf("format: %s\n", text.c_str());
  std::printf("format: %s\n", std::format("{:08.2f} {:b} {}", -2.5, 5, 1.0 / 3).c_str());
  return 0;
}
