// Exceptions thrown from a shared library (libcxxthrow.so, linked) and caught here, and a
// C++ plugin (libcxxplugin.so) loaded with dlopen(RTLD_NOW) through an extern "C" factory.
// argv[1]: the plugin's path.
#include <dlfcn.h>

#include <iostream>
#include <memory>
#include <system_error>

#include "plugin_api.h"

static void throw_here() { throw std::invalid_argument("from the executable"); }

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cout << "usage: app PLUGIN.so\n";
    return 2;
  }
  std::cout << lib_describe({3, 1, 4}) << '\n';
  try {
    lib_throw_library_error(5);
  } catch (const LibraryError& e) {
    std::cout << "caught LibraryError: " << e.what() << " code=" << e.code << '\n';
  }
  try {
    lib_throw_system_error();
  } catch (const std::system_error& e) {
    std::cout << "caught system_error: ENOENT=" << (e.code() == std::errc::no_such_file_or_directory)
              << '\n';
  }
  try {
    lib_rethrow_through(throw_here);
  } catch (const std::invalid_argument& e) {
    std::cout << "caught rethrown: " << e.what() << '\n';
  }

  void* handle = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    std::cout << "dlopen failed: " << dlerror() << '\n';
    return 1;
  }
  auto create = reinterpret_cast<CreatePluginFn>(dlsym(handle, "glibc_pin_create_plugin"));
  if (!create) {
    std::cout << "dlsym failed: " << dlerror() << '\n';
    return 1;
  }
  {
    std::unique_ptr<Plugin> plugin(create());
    std::cout << "plugin: " << plugin->name() << '\n';
    std::string parts;
    for (const auto& p : plugin->split("alpha,beta,,gamma", ','))
      parts += "[" + p + "]";
    std::cout << "plugin split: " << parts << '\n';
    long r = plugin->sum_in_threads(4, 100);
    std::cout << "plugin threads: total=" << r / 1000 << " tls destructors=" << r % 1000 << '\n';
    try {
      plugin->fail("on purpose");
    } catch (const LibraryError& e) {
      std::cout << "caught from plugin: " << e.what() << " code=" << e.code << '\n';
    } catch (const std::exception& e) {
      std::cout << "caught from plugin as std::exception only: " << e.what() << '\n';
    }
  }
  dlclose(handle);
  std::cout << "done\n";
  return 0;
}
