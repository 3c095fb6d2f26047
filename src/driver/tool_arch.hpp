// Which architecture the real compiler or linker builds for: the target's architecture comes
// from the tool that will run, never from the host (an aarch64-linux-gnu-gcc must get aarch64
// stubs and versions, `gcc -m32` i386 ones).
//
// The compiler is asked once with the user's target options (`TOOL --target=T -m32 -dumpmachine`
// and `-print-file-name=` for the files the generator links with); the answer is remembered in
// the cache, keyed by the tool's path, size and modification time and those options.
// The linker (ld personality) is known by its -m EMULATION, else by `--print-output-format`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "driver/invocation.hpp"
#include "generator/toolchain.hpp"

namespace glibcpin {

// "x86_64-linux-gnu" -> x86_64, "i686-pc-linux-gnu" -> i386, "aarch64-unknown-linux-gnu" ->
// aarch64, "arm64-linux-gnu" -> aarch64; the triple's first component for others ("riscv64"),
// nullopt for text that is not a triple.
std::optional<std::string> arch_of_triple(std::string_view triple);

// The architecture a compiler builds for, from its -dumpmachine answer and the user's target
// options: gcc answers its default triple even with -m32, so -m32 on x86_64 is i386, -m64 on
// i386 is x86_64, -mx32 is x32 (which glibc-pin does not pin for).
std::optional<std::string> compiler_arch(std::string_view dumpmachine,
                                         const std::vector<std::string>& target_selection);

// ld -m EMULATION -> architecture (elf_x86_64, elf_i386, aarch64linux, aarch64elf...);
// nullopt for an emulation glibc-pin does not know.
std::optional<std::string> arch_of_emulation(std::string_view emulation);

// ld --print-output-format's answer (elf64-x86-64, elf32-i386, elf64-littleaarch64).
std::optional<std::string> arch_of_output_format(std::string_view format);

// Asks the real tool (memoized in the cache): its architecture and the files the generator
// needs from its toolchain. Throws Error when the tool cannot say.
Toolchain probe_toolchain(const Invocation& inv, const std::string& tool);

// The toolchain of `arch`'s usual compiler (cc, cc -m32, aarch64-linux-gnu-gcc), for commands
// that generate a target without a compile (cache generate, doctor).
Toolchain default_toolchain(std::string_view arch);

}  // namespace glibcpin
