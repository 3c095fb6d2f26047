// check_binary's passes over a dynamic binary's libraries: its loader, DT_NEEDED and version
// needs, against glibc's libraries of the target, its other system libraries and C++ levels.
#include <algorithm>

#include "database/version_node.hpp"
#include "verify/dynamic_check.hpp"

namespace glibcpin {
namespace {

// "libcrypt.so.2" -> "libcrypt.so"
std::string soname_stem(const std::string& soname) {
  size_t so = soname.find(".so");
  return so == std::string::npos ? soname : soname.substr(0, so + 3);
}

// The first release at which the database has `library`; nullopt when never.
std::optional<Release> first_release_with(const ArchDb& db, const std::string& library) {
  for (Release r : db.releases())
    if (db.library_exists_at(library, r))
      return r;
  return std::nullopt;
}

// Whether `need` (a libstdc++/libgcc_s version node) exists at the target's `level`.
// Non-numbered nodes: CXXABI_TM_1 came with GCC 4.7 (GLIBCXX_3.4.17; present in GCC 4.8's
// libstdc++.so.6.0.19, absent from manylinux_2_12's list), CXXABI_FLOAT128 with GCC 6
// (present in auditwheel's manylinux_2_24 list, GLIBCXX_3.4.22; absent from GCC 4.8's).
bool within_level(const std::string& need, const std::string& level,
                  const std::string& glibcxx_level) {
  if (need == "CXXABI_TM_1")
    return compare_version_nodes(glibcxx_level, "GLIBCXX_3.4.17") >= 0;
  if (need == "CXXABI_FLOAT128")
    return compare_version_nodes(glibcxx_level, "GLIBCXX_3.4.22") >= 0;
  return compare_version_nodes(need, level) <= 0;
}

// `newest`, or the release of GLIBC_2.x `version` when that is newer.
void keep_newest(std::optional<Release>& newest, const std::string& version) {
  if (!version.starts_with("GLIBC_2"))
    return;
  std::optional<Release> r = release_of_version_node(version);
  if (r && (!newest || *r > *newest))
    newest = r;
}

// The newest GLIBC_2.x version a library defines: for glibc's own libraries, the release
// they come from (at least).
std::optional<Release> newest_defined_glibc(const ElfRequirements& req) {
  std::optional<Release> newest;
  for (const std::string& version : req.version_definitions)
    keep_newest(newest, version);
  return newest;
}

}  // namespace

const SystemLibrary* system_library(const CheckTarget& t, const std::string& soname) {
  for (const SystemLibrary& lib : t.system_libraries)
    if (lib.soname == soname)
      return &lib;
  return nullptr;
}

void DynamicCheck::interpreter() {
  const std::string loader = loader_path(t.arch);
  if (!req.interpreter.empty() && req.interpreter != loader && !loader.empty())
    out.add(req.type == ElfType::Executable ? Severity::Error : Severity::Warning, "interpreter",
            "its loader (PT_INTERP) is " + req.interpreter + ", but " + t.name + " has " +
                loader);
}

void DynamicCheck::needed_libraries() {
  const std::string ld = loader_soname(t.arch);
  for (const std::string& lib : req.needed) {
    const SystemLibrary* sys = system_library(t, lib);
    if (bundled.count(lib)) {
      // found beside the file (its RUNPATH $ORIGIN, or the same wheel): checked on its own
    } else if (db.knows_library(lib) && !sys) {
      if (!index.library_exists(lib)) {
        std::optional<Release> first = first_release_with(db, lib);
        if (first && *first > t.glibc)
          out.add(Severity::Error, "missing-library",
                  "needs " + lib + ", which " + t.name + " does not have (glibc has it since " +
                      to_string(*first) + ")",
                  lib);
        else  // dropped by glibc (libnsl.so.1): libnsl2 ships it
          out.add(Severity::Warning, "library-not-in-glibc",
                  "needs " + lib + ", which glibc " + to_string(t.glibc) +
                      " no longer builds; the system must provide it separately (libnsl2)",
                  lib);
      }
    } else if (!sys && lib != "libstdc++.so.6" && lib != "libgcc_s.so.1") {
      // Another soname of a library the target has (libcrypt.so.2 where it has .so.1).
      std::vector<std::string> have;
      for (std::string_view other : db.libraries_at(t.glibc))
        if (!system_library(t, std::string(other)))
          have.push_back(std::string(other) + " (glibc's)");
      for (const SystemLibrary& other : t.system_libraries)
        have.push_back(other.soname + " (" + other.implementation + ")");
      for (const std::string& other : have)
        if (soname_stem(other) == soname_stem(lib) && other.substr(0, other.find(' ')) != lib) {
          out.add(Severity::Error, "other-soname",
                  "needs " + lib + ", but " + t.name + " has " + other, lib);
          break;
        }
    }
    if (!t.allowed_libraries.empty() && lib != ld && !bundled.count(lib) &&
        std::find(t.allowed_libraries.begin(), t.allowed_libraries.end(), lib) ==
            t.allowed_libraries.end())
      out.add(Severity::Error, "library-not-allowed",
              "needs " + lib + ", which the " + t.profile +
                  " policy does not allow (bundle it, or link it statically)",
              lib);
  }
}

// A need of a library the target has in another implementation (libxcrypt's libcrypt.so.1).
void DynamicCheck::system_library_need(const VersionNeed& need, const SystemLibrary& sys) {
  if (std::find(sys.nodes.begin(), sys.nodes.end(), need.version) != sys.nodes.end() ||
      need.weak)
    return;
  const std::vector<std::string>& syms = symbols_of[{need.library, need.version}];
  Problem& p = out.add(Severity::Error, "missing-version",
                       "needs " + need.version + " of " + need.library +
                           (syms.empty() ? "" : " (" + join(syms, 3) + ")") + ", but the " +
                           need.library + " of " + t.name + " is " + sys.implementation +
                           ", which defines only " + join(sys.nodes),
                       need.library, need.version, syms.size() == 1 ? syms[0] : "");
  p.symbols = syms;
  missing_nodes.insert({need.library, need.version});
}

void DynamicCheck::glibc_private(const VersionNeed& need) {
  // glibc's own libraries and gconv modules may: they ship with the glibc they bind to. One
  // that defines versions newer than the target comes from a newer glibc, whose private
  // interfaces the target's libc does not have.
  const std::vector<std::string>& syms = symbols_of[{need.library, need.version}];
  std::string base = req.path.substr(req.path.rfind('/') + 1);
  bool own = db.knows_library(req.soname) || db.knows_library(base) ||
             req.soname.starts_with("libnss_") || req.soname.starts_with("libmemusage") ||
             req.soname.starts_with("libpcprofile") ||
             req.path.find("/gconv/") != std::string::npos;
  std::optional<Release> own_release = newest_defined_glibc(req);
  bool newer = own && own_release && *own_release > t.glibc;
  std::string why = !own ? "): private to the glibc build it was linked with"
                    : newer ? "): part of glibc " + to_string(*own_release) +
                                  " or later, it runs only with that glibc, not " + t.name
                            : "): part of glibc, it runs only with the glibc it ships with";
  Problem& p = out.add(own && !newer ? Severity::Note : Severity::Error, "glibc-private",
                       "needs GLIBC_PRIVATE symbols of " + need.library + " (" +
                           join(syms, 3) + why,
                       need.library, need.version);
  p.symbols = syms;
  missing_nodes.insert({need.library, need.version});
}

void DynamicCheck::glibc_need(const VersionNeed& need) {
  const std::string& library = need.library;
  const std::string& version = need.version;
  const std::vector<std::string>& syms = symbols_of[{library, version}];
  if (!index.library_exists(library))
    return;  // reported as missing-library
  if (version == "GLIBC_PRIVATE")
    return glibc_private(need);
  if (index.defines(library, version))
    return;
  if (need.weak) {
    // The loader only warns about the version; each symbol bound to it is checked below
    // (and fails there: a versioned lookup that misses is an error, weak or not).
    out.add(Severity::Warning, "weak-version",
            "has a weak need of " + version + " of " + library + ", which " + t.name +
                " does not define: its loader goes on" +
                (syms.empty() ? " (no symbol binds to it)" : ", but not past " + join(syms, 3)),
            library, version);
    return;
  }
  missing_nodes.insert({library, version});
  if (version == "GLIBC_ABI_DT_RELR") {
    out.add(Severity::Error, "dt-relr",
            "uses packed relative relocations (DT_RELR, version GLIBC_ABI_DT_RELR), which need "
            "glibc 2.36; " + t.name + " cannot load it",
            library, version);
    return;
  }
  std::string message;
  if (!version.starts_with("GLIBC_")) {
    // Another implementation's node (libxcrypt's XCRYPT_2.0) of a glibc soname.
    std::vector<std::string> nodes;
    for (std::string_view node : db.version_nodes_at(library, t.glibc))
      nodes.emplace_back(node);
    message = "needs " + version + " of " + library +
              (syms.empty() ? "" : " (" + join(syms, 3) + ")") + ", but the " + library +
              " of " + t.name + " is glibc's own, which defines only " + join(nodes) +
              (version.starts_with("XCRYPT_") ? " (" + version + " is libxcrypt's)" : "");
  } else if (syms.size() == 1) {
    std::vector<std::string> have = index.versions_of(library, syms[0]);
    message = "needs " + syms[0] + "@" + version + ", but " + t.name +
              (have.empty() ? " has no " + syms[0] : " has only " + join(have));
  } else {
    message = "needs " + version + " of " + library +
              (syms.empty() ? "" : " (" + join(syms, 3) + ")") + ", but " + t.name +
              " does not define it";
  }
  Problem& p = out.add(Severity::Error, "missing-version", message, library, version,
                       syms.size() == 1 ? syms[0] : "");
  p.symbols = syms;
}

void DynamicCheck::version_needs() {
  std::map<std::string, std::vector<std::string>> cxx_too_new;  // library -> versions
  bool cxx_unknown = false;
  for (const VersionNeed& need : req.version_needs) {
    const std::string& library = need.library;
    const std::string& version = need.version;
    if (bundled.count(library))
      continue;
    if (const SystemLibrary* sys = system_library(t, library)) {
      system_library_need(need, *sys);
    } else if (db.knows_library(library)) {
      glibc_need(need);
    } else if (library == "libstdc++.so.6" || library == "libgcc_s.so.1") {
      const std::string& level = version.starts_with("GLIBCXX_")  ? t.glibcxx
                                 : version.starts_with("CXXABI_") ? t.cxxabi
                                                                  : t.gcc;
      if (level.empty() || (version.starts_with("CXXABI_") && t.glibcxx.empty())) {
        cxx_unknown = true;
        continue;
      }
      if (!within_level(version, level, t.glibcxx))
        cxx_too_new[library].push_back(version);
    }
  }
  for (auto& [library, versions] : cxx_too_new) {
    std::sort(versions.begin(), versions.end(), version_node_less);
    const std::string& newest = versions.back();
    std::string level = library == "libgcc_s.so.1" ? t.gcc
                        : newest.starts_with("CXXABI") ? t.cxxabi
                                                       : t.glibcxx;
    std::vector<std::string> syms;
    for (const std::string& v : versions)
      for (const std::string& s : symbols_of[{library, v}])
        syms.push_back(s + "@" + v);
    Problem& p = out.add(Severity::Error, "cxx-runtime",
                         "needs " + join(versions) + " of " + library + ", but " + t.name +
                             " has " +
                             (newest.starts_with("CXXABI_") && !newest.starts_with("CXXABI_1")
                                  ? t.glibcxx + "/" + t.cxxabi
                                  : level) +
                             (syms.empty() ? "" : " (" + join(syms, 3) + ")"),
                         library, newest);
    p.symbols = syms;
  }
  if (cxx_unknown)
    out.add(Severity::Note, "cxx-runtime-unknown",
            "needs libstdc++/libgcc_s versions, but the C++ runtime level of " + t.name +
                " is not known; name a profile (--profile) to check them");
}

void DynamicCheck::relr() {
  if (req.has_relr && t.glibc < Release{2, 36} &&
      std::none_of(req.version_needs.begin(), req.version_needs.end(),
                   [](const VersionNeed& n) { return n.version == "GLIBC_ABI_DT_RELR"; }))
    out.add(Severity::Error, "dt-relr",
            "has packed relative relocations (DT_RELR) without the GLIBC_ABI_DT_RELR guard; "
            "the loader of " + t.name + " ignores them and the program would crash");
}

}  // namespace glibcpin
