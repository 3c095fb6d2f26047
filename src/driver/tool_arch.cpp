#include "driver/tool_arch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "generator/target_files.hpp"
#include "util/digest.hpp"
#include "util/error.hpp"
#include "util/process.hpp"

namespace glibcpin {

namespace fs = std::filesystem;

std::optional<std::string> arch_of_triple(std::string_view triple) {
  std::size_t dash = triple.find('-');
  if (dash == std::string_view::npos || dash == 0 || triple.find("linux") == std::string_view::npos)
    return std::nullopt;
  std::string_view cpu = triple.substr(0, dash);
  if (cpu == "x86_64" || cpu == "amd64")
    return "x86_64";
  if (cpu == "i386" || cpu == "i486" || cpu == "i586" || cpu == "i686")
    return "i386";
  if (cpu == "aarch64" || cpu == "arm64")
    return "aarch64";
  return std::string(cpu);
}

std::optional<std::string> compiler_arch(std::string_view dumpmachine,
                                         const std::vector<std::string>& target_selection) {
  std::string_view triple = dumpmachine.substr(0, dumpmachine.find_first_of("\r\n"));
  std::optional<std::string> arch = arch_of_triple(triple);
  if (!arch)
    return std::nullopt;
  // The last word-size option wins, as in gcc and clang.
  for (const std::string& option : target_selection) {
    if (option == "-m32" && (*arch == "x86_64" || *arch == "i386"))
      arch = "i386";
    else if (option == "-m64" && (*arch == "x86_64" || *arch == "i386"))
      arch = "x86_64";
    else if (option == "-mx32" && (*arch == "x86_64" || *arch == "i386"))
      arch = "x32";
  }
  return arch;
}

std::optional<std::string> arch_of_emulation(std::string_view emulation) {
  if (emulation == "elf_x86_64")
    return "x86_64";
  if (emulation == "elf_i386")
    return "i386";
  if (emulation == "elf32_x86_64")
    return "x32";
  if (emulation == "aarch64linux" || emulation == "aarch64elf")
    return "aarch64";
  return std::nullopt;
}

std::optional<std::string> arch_of_output_format(std::string_view format) {
  std::string_view first = format.substr(0, format.find_first_of(" \r\n"));
  if (first == "elf64-x86-64")
    return "x86_64";
  if (first == "elf32-i386")
    return "i386";
  if (first == "elf32-x86-64")
    return "x32";
  if (first == "elf64-littleaarch64")
    return "aarch64";
  return std::nullopt;
}

namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// An absolute, canonical path the compiler prints for -print-file-name=NAME; "" when it only
// echoes NAME (it has no such file).
std::string compiler_file(std::vector<std::string> command, const std::string& name) {
  command.push_back("-print-file-name=" + name);
  std::string path = first_line(capture_program_output(command));
  while (!path.empty() && path.back() == ' ')
    path.pop_back();
  std::error_code ec;
  if (path.find('/') == std::string::npos || !fs::exists(path, ec))
    return "";
  return fs::weakly_canonical(path, ec).string();
}

// The compiler's command for asking about its target: the tool and the user's target options.
Toolchain ask_compiler(const std::vector<std::string>& command, const std::string& shown) {
  std::vector<std::string> dump = command;
  dump.push_back("-dumpmachine");
  std::string triple;
  try {
    triple = first_line(capture_program_output(dump));
  } catch (const Error& e) {
    throw Error("cannot tell which architecture " + shown + " builds for (" + e.what() + ")");
  }
  Toolchain toolchain;
  toolchain.triple = triple;
  std::vector<std::string> selection(command.begin() + 1, command.end());
  std::optional<std::string> arch = compiler_arch(triple, selection);
  if (!arch)
    throw Error("cannot tell which architecture " + shown + " builds for (-dumpmachine said '" +
                triple + "')");
  toolchain.arch = *arch;
  toolchain.libc_nonshared = compiler_file(command, "libc_nonshared.a");
  toolchain.libgcc_s = compiler_file(command, "libgcc_s.so.1");
  return toolchain;
}

// The memo: one small file per (tool file, options) under <cache>/toolchains.
fs::path memo_path(const std::string& tool, const std::vector<std::string>& selection) {
  std::error_code ec;
  fs::path real = fs::canonical(find_in_path(tool), ec);
  struct stat st {};
  if (ec || stat(real.c_str(), &st) != 0)
    return {};
  std::string key = real.string() + "\n" + std::to_string(st.st_size) + "\n" +
                    std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  for (const std::string& option : selection)
    key += "\n" + option;
  return fs::path(cache_root()) / "toolchains" / stable_digest(key);
}

std::optional<Toolchain> read_memo(const fs::path& path) {
  std::ifstream in(path);
  if (!in)
    return std::nullopt;
  std::map<std::string, std::string> fields;
  for (std::string line; std::getline(in, line);) {
    std::size_t space = line.find(' ');
    if (space != std::string::npos)
      fields[line.substr(0, space)] = line.substr(space + 1);
  }
  if (!fields.count("arch") || !fields.count("end"))
    return std::nullopt;
  Toolchain t{fields["arch"], fields["triple"], fields["libc_nonshared"], fields["libgcc_s"]};
  std::error_code ec;
  if (!t.libc_nonshared.empty() && !fs::exists(t.libc_nonshared, ec))
    return std::nullopt;  // the toolchain was removed or moved: ask again
  return t;
}

void write_memo(const fs::path& path, const Toolchain& t) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp);
    out << "arch " << t.arch << "\ntriple " << t.triple << "\nlibc_nonshared "
        << t.libc_nonshared << "\nlibgcc_s " << t.libgcc_s << "\nend .\n";
    if (!out.flush()) {
      fs::remove(tmp, ec);
      return;  // an unwritable cache only costs the next call a probe
    }
  }
  fs::rename(tmp, path, ec);
  if (ec)
    fs::remove(tmp, ec);
}

Toolchain memoized(const std::string& tool, const std::vector<std::string>& command,
                   const std::string& shown) {
  std::vector<std::string> selection(command.begin() + 1, command.end());
  fs::path memo = memo_path(tool, selection);
  if (!memo.empty())
    if (std::optional<Toolchain> known = read_memo(memo))
      return *known;
  Toolchain toolchain = ask_compiler(command, shown);
  if (!memo.empty())
    write_memo(memo, toolchain);
  return toolchain;
}

// The compiler that links for `arch` when only a linker was named (ld personality).
std::vector<std::string> default_compiler(std::string_view arch) {
  if (arch == "i386")
    return {"cc", "-m32"};
  if (arch == "x86_64")
    return {"cc"};
  return {std::string(arch) + "-linux-gnu-gcc"};
}

std::string linker_arch(const Invocation& inv, const std::string& tool) {
  if (inv.linker_emulation) {
    if (std::optional<std::string> arch = arch_of_emulation(*inv.linker_emulation))
      return *arch;
    throw Error("linker emulation -m " + *inv.linker_emulation +
                " is not one glibc-pin pins for (x86_64, i386, aarch64)");
  }
  std::string format;
  try {
    format = capture_program_output({tool, "--print-output-format"});
  } catch (const Error& e) {
    throw Error("cannot tell which architecture the linker " + tool + " links for (" + e.what() +
                "); pass -m EMULATION");
  }
  if (std::optional<std::string> arch = arch_of_output_format(format))
    return *arch;
  throw Error("the linker " + tool + " links for " + first_line(format) +
              ", which glibc-pin does not pin for (x86_64, i386, aarch64)");
}

}  // namespace

Toolchain default_toolchain(std::string_view arch) {
  std::vector<std::string> compiler = default_compiler(arch);
  std::string shown = compiler.front();
  for (std::size_t i = 1; i < compiler.size(); ++i)
    shown += " " + compiler[i];
  Toolchain toolchain = memoized(compiler.front(), compiler, shown);
  toolchain.arch = std::string(arch);
  return toolchain;
}

Toolchain probe_toolchain(const Invocation& inv, const std::string& tool) {
  if (inv.personality == Personality::LD)
    return default_toolchain(linker_arch(inv, tool));
  std::vector<std::string> command{tool};
  command.insert(command.end(), inv.target_selection.begin(), inv.target_selection.end());
  std::string shown = tool;
  for (const std::string& option : inv.target_selection)
    shown += " " + option;
  return memoized(tool, command, shown);
}

}  // namespace glibcpin
