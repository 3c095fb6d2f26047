// The C++ API shared by libcxxthrow.so, libcxxplugin.so and their callers.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

// Thrown from a shared library, caught by type in the executable.
struct LibraryError : std::runtime_error {
  LibraryError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
  int code;
};

// libcxxthrow.so (linked at build time)
std::string lib_describe(const std::vector<int>& values);
void lib_throw_library_error(int depth);
void lib_throw_system_error();
void lib_rethrow_through(void (*callback)());

// libcxxplugin.so (dlopen'ed): an interface and an extern "C" factory.
class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual std::string name() const = 0;
  virtual std::vector<std::string> split(const std::string& text, char sep) const = 0;
  virtual long sum_in_threads(int threads, int per_thread) = 0;
  virtual void fail(const std::string& why) = 0;  // throws LibraryError
};
extern "C" Plugin* glibc_pin_create_plugin();
using CreatePluginFn = Plugin* (*)();
