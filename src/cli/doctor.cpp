// glibc-pin doctor: what glibc-pin would use here, and whether it works end to end.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "database/embedded.hpp"
#include "driver/find_tool.hpp"
#include "driver/tool_arch.hpp"
#include "generator/target_files.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "util/process.hpp"

namespace glibcpin {

namespace fs = std::filesystem;

static std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// "ok: ...", or "FAILED: ..." (and the overall status goes to 1).
struct Report {
  const Context& ctx;
  int status = 0;
  void ok(const std::string& what, const std::string& detail) {
    ctx.out << "  ok      " << what << ": " << detail << "\n";
  }
  void failed(const std::string& what, const std::string& detail) {
    ctx.out << "  FAILED  " << what << ": " << detail << "\n";
    status = 1;
  }
  // Something that only matters for some targets: said, but the verdict stays.
  void note(const std::string& what, const std::string& detail) {
    ctx.out << "  note    " << what << ": " << detail << "\n";
  }
};

static void check_tool(Report& report, Personality personality, const std::string& what) {
  try {
    std::string tool = find_real_tool(personality, WrapperOptions{}, "");
    report.ok(what, tool + " (" + first_line(capture_program_output({tool, "--version"})) + ")");
  } catch (const Error& e) {
    report.failed(what, e.what());
  }
}

// Compiles and links a program for the target in a scratch directory through glibc-pin itself,
// as a user would (the link is checked against the target), and runs it on this host.
static void check_pinned_link(Report& report, const std::string& target_text) {
  fs::path dir = fs::temp_directory_path() / ("glibc-pin-doctor." + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream(dir / "doctor.c") << "#include <stdio.h>\nint main(void) { puts(\"pinned\"); }\n";
  std::string program = (dir / "doctor").string();
  std::string self = fs::read_symlink("/proc/self/exe").string();
  try {
    if (run_program({self, "cc", "--glibc-pin-target=" + target_text,
                     (dir / "doctor.c").string(), "-o", program}) != 0)
      report.failed("pinned compile and link", "glibc-pin cc failed (its messages are above)");
    else if (first_line(capture_program_output({program})) != "pinned")
      report.failed("pinned program", "did not run on this host");
    else
      report.ok("pinned compile, link and run", "hello world for " + target_text + " runs here");
  } catch (const Error& e) {
    report.failed("pinned compile and link", e.what());
  }
  fs::remove_all(dir, ec);
}

// i386 with the host's compiler (gcc -m32) needs the 32-bit libc, libgcc and libstdc++ files,
// and <errno.h> (so <iostream> too) needs <asm/errno.h>: the /usr/include/asm link to
// x86_64-linux-gnu/asm, whose headers serve __i386__ too, comes only with gcc-multilib, which
// conflicts with the cross compilers on Debian 12. Only i386 targets need this: a note, not a
// failure.
static void check_m32(Report& report) {
  const std::string what = "i386 with cc -m32";
  fs::path dir = fs::temp_directory_path() / ("glibc-pin-doctor-m32." + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream(dir / "m32.c") << "#include <errno.h>\nint main(void) { return errno; }\n";
  try {
    std::string cc = find_real_tool(Personality::CC, WrapperOptions{}, "");
    std::string errors;
    int status = run_program_keeping_stderr(
        {cc, "-m32", (dir / "m32.c").string(), "-o", (dir / "m32").string()}, errors, false);
    if (status == 0)
      report.ok(what, "compiles and links (" + cc + " -m32)");
    else if (errors.find("asm/errno.h") != std::string::npos)
      report.note(what, "<asm/errno.h> is missing: /usr/include/asm comes with gcc-multilib (on "
                        "Debian 12 it conflicts with the cross compilers). Without it, pass "
                        "-idirafter DIR where DIR/asm links to /usr/include/x86_64-linux-gnu/asm, "
                        "or use i686-linux-gnu-gcc (gcc-i686-linux-gnu)");
    else
      report.note(what, "does not compile and link: " + first_line(errors) +
                            " (Debian: libc6-dev-i386 lib32gcc-12-dev, lib32stdc++-12-dev for C++)");
  } catch (const Error& e) {
    report.note(what, e.what());
  }
  fs::remove_all(dir, ec);
}

int run_doctor(const Context& ctx, const CommandArgs& args) {
  CommandOptions spec;
  spec.command = "doctor";
  spec.usage = "[--target T]";
  spec.description =
      "Shows what glibc-pin would use on this machine (host glibc, real compilers and linker,\n"
      "shims, cache, target) and checks that a pinned compile and link works. Exit status 0\n"
      "when all is well, 1 when something does not work.";
  spec.visible.add_options()("target,t", po::value<std::string>(),
                             "the target to try (default: $GLIBC_PIN_TARGET, else 2.17)");
  std::optional<po::variables_map> vm = parse_command_options(ctx, spec, args);
  if (!vm)
    return 0;
  Report report{ctx};
  ctx.out << "glibc-pin doctor\n";
  report.ok("host", std::string(host_arch()) + ", glibc " + to_string(host_glibc_release()));
  check_tool(report, Personality::CC, "C compiler");
  check_tool(report, Personality::CXX, "C++ compiler");
  check_tool(report, Personality::LD, "linker");

  std::string target_text = "2.17";
  if (vm->count("target"))
    target_text = (*vm)["target"].as<std::string>();
  else if (std::string env = target_from_environment(); !env.empty())
    target_text = env;
  try {
    Target target = resolve_target(target_text, host_arch(), host_glibc_release());
    report.ok("target", target_text + " = " + target.name());
    report.ok("shims", shim_dir());
    report.ok("cache", cache_root());
    GeneratedTarget generated = ensure_target_files(target, default_toolchain(target.arch));
    report.ok("target files", generated.dir + (generated.created ? " (generated now)" : ""));
  } catch (const Error& e) {
    report.failed("target " + target_text, e.what());
    return report.status;
  }
  check_pinned_link(report, target_text);
  if (host_arch() == "x86_64")
    check_m32(report);
  ctx.out << (report.status == 0 ? "all good\n" : "something does not work (see FAILED)\n");
  return report.status;
}

}  // namespace glibcpin
