// The files that "-lc", "-lm", "-lpthread"... find in the stub directory.
#pragma once

#include <string>
#include <vector>

#include "database/arch_db.hpp"

namespace glibcpin {

struct LinkerFile {
  std::string name;     // "libc.so"
  std::string text;     // a linker script, or (symlink) the file it points to
  bool symlink = false;
};

struct LinkerScriptInputs {
  std::string stub_dir;
  std::string libc_nonshared;  // the host's libc_nonshared.a
  std::string shim_archive;    // "" when the target needs no shim
};

// libc.so: GROUP ( shims, stub libc, libc_nonshared, AS_NEEDED ( ld.so and every library whose
// symbols the host, or the newest glibc, has in libc ) ). The last part matters for targets
// before 2.34, where pthread_create & co. live in libpthread.so.0: a program built for the host
// never says -lpthread, yet must record libpthread.so.0 as needed; and the shims call dlopen
// without -ldl, also on a host before 2.34. libm.so adds libmvec as needed; the other
// libraries get a plain "libX.so -> libX.so.N" link.
std::vector<LinkerFile> make_linker_files(const ArchDb& db, Release target, Release host,
                                          const LinkerScriptInputs& inputs);

}  // namespace glibcpin
