// rewrite_arguments(): the real tool's arguments for a classified call.
//
// Compiler (cc, c++): the user's arguments in their order, after what glibc-pin adds in front:
//   -include <symver_header>   when a C-family input is compiled (not -E/-M, not only .s
//                              inputs, not -static: a static libc has no symbol versions and
//                              the pinned references would stay undefined). With -flto the
//                              pins are in the objects' IR already, because they came from
//                              the header at compile time.
//   -L<stub_dir>               when the call links (not -c/-S/-E, not info-only, not -static,
//                              not -r): ahead of every user -L, so -lc etc. find the stubs
//   -Wl,-rpath-link,<stub_dir> so shared libraries' own dependencies resolve to stubs too
// -fuse-ld=, -flto, -Wl,... and unknown flags pass through untouched.
//
// C++ links (c++ personality) get -static-libstdc++ -static-libgcc unless
// --glibc-pin-cxx-runtime=shared or the user chose (-shared-libgcc).
//
// Linker (ld): -L<stub_dir> -rpath-link <stub_dir> before the first -L (or in front), unless
// the link is relocatable (-r), static-only, or prints information.
//
// Pinned links that name -lgcc_s but not -lgcc (ld personality, or -nodefaultlibs/-nostdlib:
// rustc links that way) get -lgcc after each -lgcc_s, as the toolchain's libgcc_s.so script
// would have given them: libgcc.a holds what libgcc_s.so.1 lacks (aarch64's outline atomics
// __aarch64_ldadd8_rel..., i386's __divdi3...). The stub dir's libgcc_s.so is the stub itself.
//
// Traced pinned links end with -Wl,-t,-t (ld: -t -t): the linker names every object and archive
// member it loads, which is how the driver records who pulled each symbol in.
#include "driver/invocation.hpp"
#include "driver/link_trace.hpp"

namespace glibcpin {
namespace {

void add_rpath_link_for_compiler(std::vector<std::string>& out, const std::string& dir) {
  if (dir.find(',') == std::string::npos) {
    out.push_back("-Wl,-rpath-link," + dir);
  } else {  // -Wl, would split the path at its commas
    out.insert(out.end(), {"-Xlinker", "-rpath-link", "-Xlinker", dir});
  }
}

bool has_arg(const Invocation& inv, std::string_view arg) {
  for (const std::string& a : inv.args)
    if (a == arg)
      return true;
  return false;
}

// A C++ link takes libstdc++ and libgcc statically unless told otherwise: the host's shared ones
// need a newer glibc and a newer C++ runtime than an older target has; linked in, their glibc
// references are pinned by the stubs and shims like the program's own.
void add_static_cxx_runtime(const Invocation& inv, Rewritten& r) {
  if (inv.personality != Personality::CXX || !r.added_stub_dir || inv.nostdlib ||
      inv.wrapper.cxx_runtime.value_or("static") != "static")
    return;
  if (!has_arg(inv, "-static-libstdc++"))
    r.args.push_back("-static-libstdc++");
  if (!has_arg(inv, "-static-libgcc") && !has_arg(inv, "-shared-libgcc"))
    r.args.push_back("-static-libgcc");
}

// How many arguments at `i` name library `name`: -lNAME 1, -l NAME 2, anything else 0.
std::size_t library_args_at(const std::vector<std::string>& args, std::size_t i,
                            std::string_view name) {
  if (args[i].starts_with("-l") && std::string_view(args[i]).substr(2) == name)
    return 1;
  return args[i] == "-l" && i + 1 < args.size() && args[i + 1] == name ? 2 : 0;
}

bool names_library(const std::vector<std::string>& args, std::string_view name) {
  for (std::size_t i = 0; i < args.size(); ++i)
    if (library_args_at(args, i, name) != 0)
      return true;
  return false;
}

void add_libgcc_after_libgcc_s(const Invocation& inv, Rewritten& r) {
  bool default_libs = inv.personality != Personality::LD && !inv.nostdlib;
  if (!r.added_stub_dir || default_libs || !names_library(r.args, "gcc_s") ||
      names_library(r.args, "gcc"))
    return;
  for (std::size_t i = 0; i < r.args.size(); ++i)
    if (std::size_t n = library_args_at(r.args, i, "gcc_s")) {
      i += n;  // just after it, and the loop steps over the -lgcc
      r.args.insert(r.args.begin() + static_cast<std::ptrdiff_t>(i), "-lgcc");
    }
}

Rewritten rewrite_compiler(const Invocation& inv, const TargetFiles& files) {
  Rewritten r;
  // mold 1.10 (Debian 12) cannot bind a .symver reference to a default version in a shared
  // library ("undefined symbol: pthread_create"): with mold the stubs alone do the pinning.
  r.added_header = !inv.preprocess_only && inv.has_c_family_input && !inv.is_static &&
                   !files.symver_header.empty() && inv.fuse_ld != "mold" &&
                   !inv.wrapper.no_header;
  r.added_stub_dir = inv.links && !inv.is_static && !inv.relocatable && !files.stub_dir.empty();
  if (r.added_header)
    r.args.insert(r.args.end(), {"-include", files.symver_header});
  if (r.added_stub_dir) {
    r.args.push_back("-L" + files.stub_dir);
    add_rpath_link_for_compiler(r.args, files.stub_dir);
  }
  r.args.insert(r.args.end(), inv.args.begin(), inv.args.end());
  add_libgcc_after_libgcc_s(inv, r);
  add_static_cxx_runtime(inv, r);
  return r;
}

Rewritten rewrite_linker(const Invocation& inv, const TargetFiles& files) {
  Rewritten r;
  r.args = inv.args;
  r.added_stub_dir = inv.links && !inv.is_static && !inv.relocatable && !files.stub_dir.empty();
  if (!r.added_stub_dir)
    return r;
  std::size_t at = inv.first_library_dir.value_or(0);
  r.args.insert(r.args.begin() + static_cast<std::ptrdiff_t>(at),
                {"-L" + files.stub_dir, "-rpath-link", files.stub_dir});
  add_libgcc_after_libgcc_s(inv, r);
  return r;
}

}  // namespace

Rewritten rewrite_arguments(const Invocation& invocation, const TargetFiles& files,
                            bool trace_inputs) {
  if (invocation.only_info)
    return Rewritten{invocation.args, false, false, false};
  Rewritten r = invocation.personality == Personality::LD ? rewrite_linker(invocation, files)
                                                          : rewrite_compiler(invocation, files);
  r.traced = trace_inputs && r.added_stub_dir && !invocation.dry_run &&
             !user_prints_to_stdout(invocation);
  if (r.traced)
    for (std::string& arg : trace_arguments(invocation.personality))
      r.args.push_back(std::move(arg));
  return r;
}

}  // namespace glibcpin
