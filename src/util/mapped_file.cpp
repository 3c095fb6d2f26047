#include "util/mapped_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "util/error.hpp"

namespace glibcpin {
namespace {

// The live mappings, for the SIGBUS handler: plain atomics, which a handler may read.
struct Region {
  std::atomic<std::uintptr_t> begin{0}, end{0};
  std::atomic<bool> changed{false};
};
constexpr int kRegions = 64;
Region regions[kRegions];
std::mutex regions_mutex;  // taking and freeing slots; the handler never locks
std::uintptr_t page_size = 4096;
struct sigaction previous_sigbus;

void on_sigbus(int, siginfo_t* info, void*) {
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (Region& region : regions) {
    std::uintptr_t begin = region.begin.load(), end = region.end.load();
    if (begin != 0 && address >= begin && address < end) {
      void* page = reinterpret_cast<void*>(address & ~(page_size - 1));
      if (mmap(page, page_size, PROT_READ, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) !=
          MAP_FAILED) {
        region.changed.store(true);
        return;  // the load runs again and reads zeros
      }
    }
  }
  // Not ours: restore what was there; the fault happens again and is handled as before.
  sigaction(SIGBUS, &previous_sigbus, nullptr);
}

void install_sigbus_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    long size = sysconf(_SC_PAGESIZE);
    if (size > 0)
      page_size = static_cast<std::uintptr_t>(size);
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous_sigbus);
  });
}

int take_slot(const std::uint8_t* data, std::size_t size) {
  std::lock_guard lock(regions_mutex);
  for (int i = 0; i < kRegions; i++) {
    if (regions[i].begin.load() == 0) {
      regions[i].changed.store(false);
      regions[i].end.store(reinterpret_cast<std::uintptr_t>(data) + size);
      regions[i].begin.store(reinterpret_cast<std::uintptr_t>(data));
      return i;
    }
  }
  return -1;  // more live mappings than slots: this one is unguarded
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Error(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    throw Error(path + ": cannot stat: " + std::strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(path + ": not a regular file");
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0) {
    install_sigbus_handler();
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int e = errno;
      ::close(fd);
      throw Error(path + ": cannot map: " + std::strerror(e));
    }
    data_ = static_cast<const std::uint8_t*>(p);
    slot_ = take_slot(data_, size_);
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (!data_)
    return;
  if (slot_ >= 0) {
    std::lock_guard lock(regions_mutex);
    regions[slot_].begin.store(0);
    regions[slot_].end.store(0);
  }
  ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

bool MappedFile::changed() const { return slot_ >= 0 && regions[slot_].changed.load(); }

void MappedFile::require_unchanged(const std::string& name) const {
  if (changed())
    throw Error(name + ": the file was truncated while it was read");
}

}  // namespace glibcpin
