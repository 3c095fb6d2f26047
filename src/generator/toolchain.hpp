// The toolchain a target's files are generated for: the architecture the real compiler builds
// for and the files of that architecture's toolchain the generated linker scripts name.
//
// The driver learns it from the real tool (driver/tool_arch.hpp); the generator only reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace glibcpin {

struct Toolchain {
  std::string arch;            // "x86_64", "i386", "aarch64" (the database's names)
  std::string triple;          // as the compiler named it: "aarch64-linux-gnu"
  std::string libc_nonshared;  // that architecture's libc_nonshared.a, an absolute path
  std::string libgcc_s;        // its libgcc_s.so.1 (stubbed for C++ links); "" when none
};

// The GNU triple Debian's cross toolchains are named by: aarch64-linux-gnu, i686-linux-gnu.
std::string gnu_triple(std::string_view arch);

// The assembler that builds `arch`'s stubs and trampolines on the reference path
// (GLIBC_PIN_STUBS_VIA_LD=1; otherwise glibc-pin writes them): `as --64`, `as --32`,
// aarch64-linux-gnu-as. Throws Error naming the package when it is not installed.
std::vector<std::string> assembler_command(std::string_view arch);

// The linker that links `arch`'s stub libraries on the reference path: ld, ld -m elf_i386,
// aarch64-linux-gnu-ld.
std::vector<std::string> stub_linker_command(std::string_view arch);

// A tail call from a hidden local `name` to `callee` through the PLT, in `arch`'s assembly.
std::string tail_call_assembly(std::string_view arch, std::string_view name,
                               std::string_view callee);

}  // namespace glibcpin
