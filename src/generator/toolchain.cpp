#include "generator/toolchain.hpp"

#include "util/error.hpp"
#include "util/process.hpp"

namespace glibcpin {

std::string gnu_triple(std::string_view arch) {
  return (arch == "i386" ? std::string("i686") : std::string(arch)) + "-linux-gnu";
}

// The host's binutils (x86_64) assemble and link both x86 flavours; other architectures need
// Debian's cross binutils (binutils-<triple>, pulled in by gcc-<triple>).
static std::string cross_tool(std::string_view arch, const std::string& tool) {
  std::string triple = gnu_triple(arch);
  std::string name = triple + "-" + tool;
  if (find_in_path(name).empty())
    throw Error("pinning for " + std::string(arch) + " needs " + name +
                " (Debian: apt-get install binutils-" + triple + ")");
  return name;
}

std::vector<std::string> assembler_command(std::string_view arch) {
  if (arch == "x86_64")
    return {"as", "--64"};
  if (arch == "i386")
    return {"as", "--32"};
  return {cross_tool(arch, "as")};
}

std::vector<std::string> stub_linker_command(std::string_view arch) {
  if (arch == "x86_64")
    return {"ld", "-m", "elf_x86_64"};
  if (arch == "i386")
    return {"ld", "-m", "elf_i386"};
  return {cross_tool(arch, "ld")};
}

std::string tail_call_assembly(std::string_view arch, std::string_view name,
                               std::string_view callee) {
  std::string n(name), c(callee);
  std::string body;
  if (arch == "aarch64") {
    body = "\tb " + c + "\n";
  } else if (arch == "i386") {
    // An i386 PLT entry in position-independent code wants %ebx = the GOT, which a caller of a
    // hidden local function has not set: find the GOT in %ecx (call-clobbered, no argument
    // register in the i386 ABI) and jump through the callee's GOT slot instead.
    body = "\tcall 1f\n1:\tpopl %ecx\n\taddl $_GLOBAL_OFFSET_TABLE_+[.-1b], %ecx\n"
           "\tjmp *" + c + "@GOT(%ecx)\n";
  } else {
    body = "\tjmp " + c + "@PLT\n";
  }
  return "\t.text\n\t.globl " + n + "\n\t.hidden " + n + "\n\t.type " + n + ", %function\n" + n +
         ":\n" + body + "\t.size " + n + ", .-" + n + "\n\t.section .note.GNU-stack,\"\",%progbits\n";
}

}  // namespace glibcpin
