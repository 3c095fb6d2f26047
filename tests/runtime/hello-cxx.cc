// C++ hello for the runtime harness: prints the path of every libc and
// libstdc++ actually loaded, so a test can check that a runtime's own C++
// library was used (not the host's). Built plainly on the host (negative control).
#include <link.h>

#include <iostream>
#include <string>

int main() {
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void*) {
        std::string name = info->dlpi_name ? info->dlpi_name : "";
        if (name.find("libstdc++") != std::string::npos || name.find("libc.so") != std::string::npos)
          std::cout << "loaded " << name << '\n';
        return 0;
      },
      nullptr);
  std::cout << "Hello from C++" << std::endl;
}
