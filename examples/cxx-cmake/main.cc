// Threads, exceptions across a static library, a shared library, <filesystem>, and a configure
// check's result; prints the glibc it ran on.
#include "config.h"
#include "greet.h"
#include "stats.h"

#include <gnu/libc-version.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

int main() {
  std::atomic<long> sum{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++)
    threads.emplace_back([&sum, t] {
      for (int i = 1; i <= 1000; i++)
        sum += i * (t + 1);
    });
  for (auto &thread : threads)
    thread.join();
  std::cout << "threads: sum=" << sum << "\n";

  std::cout << "mean: " << mean({1, 2, 3, 4}) << "\n";
  try {
    mean({});
  } catch (const std::invalid_argument &e) {
    std::cout << "caught: " << e.what() << "\n";
  }

  std::cout << greeting("cmake") << "\n";

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("cxx-demo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "abc";
  std::cout << "filesystem: size=" << fs::file_size(dir / "a.txt")
            << " removed=" << fs::remove_all(dir) << "\n";

#ifdef HAVE__FORK
  std::cout << "_Fork: yes\n";
#else
  std::cout << "_Fork: fallback\n";
#endif
  std::cout << "glibc: " << gnu_get_libc_version() << "\n";
}
