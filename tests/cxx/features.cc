// C++ standard library features whose implementation reaches into glibc: iostream, threads,
// mutex / condition_variable, thread_local destructors (__cxa_thread_atexit_impl), filesystem,
// random_device (getentropy / getrandom / rdrand), chrono clocks and regex. Every line printed is
// deterministic; a failed check prints a line the test's regex rejects.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

void section_iostream() {
  std::ostringstream s;
  s << std::setw(6) << std::setfill('0') << 42 << ' ' << std::hex << 255 << ' ' << std::fixed
    << std::setprecision(3) << 3.14159;
  std::istringstream in("7 11 13");
  int a = 0, b = 0, c = 0;
  in >> a >> b >> c;
  std::cout << "iostream: " << s.str() << " sum=" << std::dec << (a + b + c) << std::endl;
  std::ostringstream captured;  // std::cerr through another streambuf (keeps the output ordered)
  std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
  std::cerr << "cerr" << 1;
  std::cerr.rdbuf(old);
  std::cout << "iostream: captured " << captured.str() << std::endl;
}

void section_exceptions() {
  int depth = 0;
  std::function<void(int)> dive = [&](int n) {
    depth = n;
    if (n == 4) throw std::out_of_range("deep " + std::to_string(n));
    dive(n + 1);
  };
  try {
    dive(0);
  } catch (const std::logic_error& e) {
    std::cout << "exceptions: caught " << e.what() << " depth=" << depth << '\n';
  }
}

void section_threads() {
  std::mutex m;
  std::condition_variable cv;
  std::vector<int> queue;
  bool done = false;
  long consumed = 0;
  std::thread consumer([&] {
    std::unique_lock<std::mutex> lock(m);
    for (;;) {
      cv.wait(lock, [&] { return done || !queue.empty(); });
      while (!queue.empty()) {
        consumed += queue.back();
        queue.pop_back();
      }
      if (done) return;
    }
  });
  std::vector<std::thread> producers;
  for (int t = 0; t < 4; ++t)
    producers.emplace_back([&, t] {
      for (int i = 1; i <= 250; ++i) {
        {
          std::lock_guard<std::mutex> lock(m);
          queue.push_back(t * 1000 + i);
        }
        cv.notify_one();
      }
    });
  for (auto& p : producers) p.join();
  {
    std::lock_guard<std::mutex> lock(m);
    done = true;
  }
  cv.notify_all();
  consumer.join();
  // sum over t of (250 * t * 1000 + 250*251/2)
  std::cout << "threads: consumed=" << consumed << " expected=" << (250L * 6000 + 4L * 31375)
            << '\n';
}

std::atomic<int> tls_destroyed{0};
struct Tracker {
  int id = -1;
  ~Tracker() {
    if (id >= 0) tls_destroyed.fetch_add(1);
  }
};
thread_local Tracker tracker;

void section_thread_local() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) threads.emplace_back([i] { tracker.id = i; });
  for (auto& t : threads) t.join();
  std::cout << "thread_local: destructors ran=" << tls_destroyed.load()
            << " main id=" << tracker.id << '\n';
}

void section_filesystem() {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "glibc-pin-cxx-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  fs::path dir(buf.data());
  fs::create_directories(dir / "sub" / "deeper");
  for (const char* name : {"b.txt", "a.txt", "sub/c.txt"}) std::ofstream(dir / name) << name;
  std::set<std::string> seen;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    seen.insert(fs::relative(e.path(), dir).string() + (e.is_directory() ? "/" : ""));
  std::string list;
  for (const auto& s : seen) list += (list.empty() ? "" : ",") + s;
  auto size = fs::file_size(dir / "sub/c.txt");
  fs::copy_file(dir / "a.txt", dir / "copy.txt");
  fs::rename(dir / "copy.txt", dir / "moved.txt");
  bool moved = fs::exists(dir / "moved.txt") && !fs::exists(dir / "copy.txt");
  auto removed = fs::remove_all(dir);
  std::cout << "filesystem: [" << list << "] size=" << size << " moved=" << moved
            << " removed=" << removed << " gone=" << !fs::exists(dir) << '\n';
}

void section_random_device() {
  std::random_device rd;
  std::set<unsigned> values;
  for (int i = 0; i < 16; ++i) values.insert(rd());
  std::random_device urandom("/dev/urandom");
  unsigned u = urandom();
  (void)u;
  std::cout << "random_device: distinct>1=" << (values.size() > 1) << '\n';
}

void section_chrono() {
  using namespace std::chrono;
  auto s0 = steady_clock::now();
  auto sys0 = system_clock::now();
  std::this_thread::sleep_for(milliseconds(20));
  auto s1 = steady_clock::now();
  bool monotonic = true;
  auto prev = s1;
  for (int i = 0; i < 100000; ++i) {
    auto now = steady_clock::now();
    if (now < prev) monotonic = false;
    prev = now;
  }
  auto slept = duration_cast<milliseconds>(s1 - s0).count();
  auto year2020 = system_clock::from_time_t(1577836800);
  auto hr = high_resolution_clock::now().time_since_epoch().count();
  std::cout << "chrono: steady monotonic=" << monotonic << " slept>=20ms=" << (slept >= 20)
            << " system after 2020=" << (sys0 > year2020) << " high_resolution>0=" << (hr > 0)
            << '\n';
}

void section_regex() {
  std::regex re(R"((\w+)@(\w+)\.(com|org))", std::regex::ECMAScript | std::regex::icase);
  std::string text = "mail alice@example.com and BOB@site.ORG, not carol@host.net";
  std::string users;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    users += (users.empty() ? "" : ",") + (*it)[1].str() + "/" + (*it)[3].str();
  std::string replaced = std::regex_replace(std::string("a1b22c333"), std::regex("[0-9]+"), "#");
  bool full = std::regex_match("2026-11-25", std::regex(R"(\d{4}-\d{2}-\d{2})"));
  std::cout << "regex: " << users << " replaced=" << replaced << " match=" << full << '\n';
}

}  // namespace

int main() {
  section_iostream();
  section_exceptions();
  section_threads();
  section_thread_local();
  section_filesystem();
  section_random_device();
  section_chrono();
  section_regex();
  std::cout << "done" << std::endl;
  return 0;
}
