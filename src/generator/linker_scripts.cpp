#include "generator/linker_scripts.hpp"

#include <algorithm>
#include <set>

namespace glibcpin {

static std::string dev_name(std::string_view soname) {
  return std::string(soname.substr(0, soname.find(".so") + 3));
}

static bool is_dynamic_loader(std::string_view soname) {
  return soname.starts_with("ld-linux") || soname.starts_with("ld64");
}

// Libraries (other than libc and the loader) that export at `target` a symbol the host's libc
// has and the target's libc has not: it merged into libc later, so host-built code expects it
// without asking. (libm shares frexp & co. with libc everywhere: it is not one of them.)
static std::vector<std::string_view> merged_into_libc(const ArchDb& db, Release target,
                                                      Release host) {
  std::set<std::string_view> in_host_libc, in_target_libc;
  for (const Export& e : db.exports_at("libc.so.6", host))
    if (e.is_default)
      in_host_libc.insert(e.symbol);
  for (const Export& e : db.exports_at("libc.so.6", target))
    if (e.is_default)
      in_target_libc.insert(e.symbol);
  std::vector<std::string_view> result;
  for (std::string_view library : db.libraries_at(target)) {
    if (library == "libc.so.6" || is_dynamic_loader(library))
      continue;
    for (const Export& e : db.exports_at(library, target)) {
      if (e.is_default && in_host_libc.count(e.symbol) && !in_target_libc.count(e.symbol)) {
        result.push_back(library);
        break;
      }
    }
  }
  return result;
}

std::vector<LinkerFile> make_linker_files(const ArchDb& db, Release target, Release host,
                                          const LinkerScriptInputs& in) {
  std::vector<std::string_view> libraries = db.libraries_at(target);
  std::string loader;
  for (std::string_view library : libraries)
    if (is_dynamic_loader(library))
      loader = std::string(library);

  // Merged as of the newest glibc we know, not only the host's: the shims call dlopen and
  // dladdr, which a host before 2.34 (Debian 11) has in libdl, and a link should not depend on
  // the host it runs on. AS_NEEDED costs nothing where nothing needs the library.
  std::string as_needed = in.stub_dir + "/" + loader;
  for (std::string_view library : merged_into_libc(db, target, std::max(host, db.newest())))
    as_needed += " " + in.stub_dir + "/" + std::string(library);

  std::vector<LinkerFile> files;
  std::string libc = "/* glibc-pin: libc for this target */\nGROUP ( ";
  if (!in.shim_archive.empty())
    libc += in.shim_archive + " ";
  libc += in.stub_dir + "/libc.so.6 " + in.libc_nonshared + " AS_NEEDED ( " + as_needed + " ) )\n";
  files.push_back({"libc.so", libc});

  bool has_mvec = false;
  for (std::string_view library : libraries)
    has_mvec |= library == "libmvec.so.1";
  files.push_back({"libm.so", "/* glibc-pin: libm for this target */\nGROUP ( " + in.stub_dir +
                                  "/libm.so.6" +
                                  (has_mvec ? " AS_NEEDED ( " + in.stub_dir + "/libmvec.so.1 )" : "") +
                                  " )\n"});

  for (std::string_view library : libraries) {
    std::string dev = dev_name(library);
    if (dev == "libc.so" || dev == "libm.so" || is_dynamic_loader(library))
      continue;
    // From 2.34 libpthread, libdl... only hold version placeholders: "-lpthread" then needs
    // nothing, as with the host's own empty archives.
    bool placeholders_only = true;
    for (const Export& e : db.exports_at(library, target))
      placeholders_only &= e.symbol.find("_version_placeholder") != std::string_view::npos;
    if (!placeholders_only)
      files.push_back({dev, std::string(library), true});
  }
  return files;
}

}  // namespace glibcpin
