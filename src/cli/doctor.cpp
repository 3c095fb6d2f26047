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
  ctx.out << (report.status == 0 ? "all good\n" : "something does not work (see FAILED)\n");
  return report.status;
}

}  // namespace glibcpin
