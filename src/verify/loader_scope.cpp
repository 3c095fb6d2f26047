#include "verify/loader_scope.hpp"

#include <algorithm>
#include <deque>

namespace glibcpin {
namespace {

// What a library of the target needs in turn (DT_NEEDED of the real 2.17 and 2.28 builds, read
// with readelf -d; libpthread left librt and libanl in 2.34). Libraries glibc-pin does not know
// are taken to need libc only.
std::vector<std::string> dependencies_of(const std::string& soname, const CheckTarget& t,
                                         const std::string& ld) {
  if (soname == ld)
    return {};
  if (soname == "libc.so.6" || soname == "libpthread.so.0" || soname == "libdl.so.2")
    return soname == "libc.so.6" ? std::vector<std::string>{ld}
                                 : std::vector<std::string>{"libc.so.6", ld};
  if ((soname == "librt.so.1" || soname == "libanl.so.1") && t.glibc < Release{2, 34})
    return {"libc.so.6", "libpthread.so.0"};
  if (soname == "libmvec.so.1")
    return {"libm.so.6", "libc.so.6"};
  if (soname == "libstdc++.so.6")
    return {"libm.so.6", "libc.so.6", "libgcc_s.so.1"};
  return {"libc.so.6"};
}

}  // namespace

std::string loader_path(const std::string& arch) {
  if (arch == "x86_64")
    return "/lib64/ld-linux-x86-64.so.2";
  if (arch == "i386")
    return "/lib/ld-linux.so.2";
  if (arch == "aarch64")
    return "/lib/ld-linux-aarch64.so.1";
  return "";
}

std::string loader_soname(const std::string& arch) {
  std::string path = loader_path(arch);
  return path.substr(path.rfind('/') + 1);
}

bool judged_as_dlopened(const ElfRequirements& req) {
  return req.type == ElfType::SharedObject && req.interpreter.empty();
}

LoaderScope loader_scope(const ElfRequirements& req, const CheckTarget& t) {
  LoaderScope scope;
  const std::string ld = loader_soname(t.arch);
  std::set<std::string> seen;
  std::deque<std::string> queue;
  auto visit = [&](const std::string& soname) {
    if (seen.insert(soname).second)
      queue.push_back(soname);
  };
  auto drain = [&] {
    while (!queue.empty()) {
      std::string soname = queue.front();
      queue.pop_front();
      scope.order.push_back(soname);
      for (const std::string& dep : dependencies_of(soname, t, ld))
        visit(dep);
    }
  };
  scope.dlopened = judged_as_dlopened(req);
  if (scope.dlopened) {
    // The host program: built for the target, linked with libdl (before 2.34) and libc.
    bool libdl = t.glibc < Release{2, 34};
    scope.host = libdl ? "a program that links only libc and libdl" : "a program that links only libc";
    if (libdl)
      visit("libdl.so.2");
    visit("libc.so.6");
    drain();
  }
  for (const std::string& lib : req.needed)
    visit(lib);
  drain();
  // A program whose libraries are all foreign still gets libc through them.
  if (!req.needed.empty()) {
    visit("libc.so.6");
    drain();
  }
  return scope;
}

}  // namespace glibcpin
