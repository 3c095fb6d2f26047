// C++ with the GCC runtime linked statically (-static-libstdc++ -static-libgcc): libstdc++.a and
// libgcc_eh.a bring their own glibc references, which only link-time pinning can reach:
// _dl_find_object (2.35, the unwinder), __libc_single_threaded (2.32), __cxa_thread_atexit_impl
// (2.18, thread_local destructors), pthread_* (2.34), arc4random (2.36, random_device).
#include <iostream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Noisy {
  ~Noisy() { std::cout << "thread_local destructor ran\n"; }
};
thread_local Noisy noisy;

static int depth(int n) {
  if (n == 0)
    throw std::runtime_error("thrown 5 frames deep");
  return depth(n - 1) + 1;
}

int main() {
  try {
    depth(5);
  } catch (const std::exception& e) {
    std::cout << "caught: " << e.what() << "\n";
  }
  auto shared = std::make_shared<std::string>("shared");
  std::thread worker([shared] { (void)noisy; });
  worker.join();
  std::cout << "use_count after join: " << shared.use_count() << "\n";
  std::random_device device;
  unsigned value = device();
  std::cout << "random_device: " << (value == value ? "ok" : "?") << "\n";
  return 0;
}
