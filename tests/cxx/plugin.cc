// libcxxplugin.so: a C++ API behind an extern "C" factory, loaded with dlopen(RTLD_NOW).
#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>

#include "plugin_api.h"

namespace {

std::atomic<int> plugin_tls_destroyed{0};
struct TlsCounter {
  long value = 0;
  ~TlsCounter() {
    if (value) plugin_tls_destroyed.fetch_add(1);
  }
};
thread_local TlsCounter tls_counter;

class SplitPlugin final : public Plugin {
 public:
  std::string name() const override { return "split-plugin"; }
  std::vector<std::string> split(const std::string& text, char sep) const override {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, sep);) out.push_back(part);
    return out;
  }
  long sum_in_threads(int threads, int per_thread) override {
    std::mutex m;
    long total = 0;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, per_thread] {
        for (int i = 1; i <= per_thread; ++i) tls_counter.value += i;
        std::lock_guard<std::mutex> lock(m);
        total += tls_counter.value;
      });
    for (auto& th : pool) th.join();
    return total * 1000 + plugin_tls_destroyed.load();
  }
  void fail(const std::string& why) override { throw LibraryError("plugin: " + why, 13); }
};

}  // namespace

extern "C" Plugin* glibc_pin_create_plugin() { return new SplitPlugin; }
