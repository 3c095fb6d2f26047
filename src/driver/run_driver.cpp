// classify -> plan -> generate -> run -> verify.
#include "driver/run_driver.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string_view>

#include "database/embedded.hpp"
#include "driver/explain_link_errors.hpp"
#include "driver/find_tool.hpp"
#include "driver/link_trace.hpp"
#include "driver/response_file.hpp"
#include "driver/tool_arch.hpp"
#include "generator/target_files.hpp"
#include "target/target.hpp"
#include "util/error.hpp"
#include "util/process.hpp"
#include "util/split.hpp"
#include "util/temporary_file.hpp"
#include "verify/check_target.hpp"
#include "verify/elf_requirements.hpp"
#include "verify/fits_target.hpp"
#include "verify/provenance.hpp"

namespace glibcpin {

struct Plan {
  Target target;
  std::string tool;
  Toolchain toolchain;  // what the tool builds for
};

// The name of the process that started this one ("ccache", "make"...), "" if unknown.
static std::string parent_process_name() {
  std::ifstream comm("/proc/" + std::to_string(getppid()) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name;
}

// " --target=aarch64-linux-gnu -m32" as the user passed them, for messages.
static std::string describe_selection(const Invocation& inv) {
  std::string text;
  for (const std::string& option : inv.target_selection)
    text += " " + option;
  return text;
}

static Plan plan(const Invocation& inv, const std::string& invoked_as) {
  std::string target_text = inv.wrapper.target.value_or("");
  if (target_text.empty())
    if (std::string env = target_from_environment(); !env.empty()) {
      // A compiler cache keys its entries on the command line, not on our environment: an
      // object pinned for one target would be handed out for another.
      std::string parent = parent_process_name();
      if (parent == "ccache" || parent == "sccache")
        throw UsageError("under " + parent + ", name the target in the compiler command "
                         "(CC=\"" + parent + " glibc-pin-cc --glibc-pin-target=" + env +
                         "\"): " + parent + " does not see GLIBC_PIN_TARGET, and would reuse "
                         "objects pinned for another target");
      target_text = env;
    }
  if (target_text.empty())
    throw UsageError("no target: pass --glibc-pin-target=T (e.g. 2.17, centos7) or set "
                     "GLIBC_PIN_TARGET");
  Plan p;
  // A target that names an architecture (aarch64-linux-gnu.2.17) picks that architecture's
  // cross compiler when the user named no compiler; the compiler's own answer decides below.
  // A linker called by a cross compiler (gcc -B<dir> with <dir>/ld) is told the architecture
  // with -m EMULATION: the real one is then that architecture's <triple>-ld.
  std::string named_arch = resolve_target(target_text, host_arch(), host_glibc_release()).arch;
  if (inv.personality == Personality::LD && inv.linker_emulation)
    if (std::optional<std::string> arch = arch_of_emulation(*inv.linker_emulation))
      named_arch = *arch;
  p.tool = find_real_tool(inv.personality, inv.wrapper, invoked_as,
                          named_arch == host_arch() ? "" : gnu_triple(named_arch));
  p.toolchain = probe_toolchain(inv, p.tool);
  if (!has_database(p.toolchain.arch))
    throw Error(p.tool + " builds for " + p.toolchain.arch + " (" + p.toolchain.triple +
                "); glibc-pin pins for x86_64, i386 and aarch64");
  p.target = resolve_target(target_text, p.toolchain.arch, host_glibc_release());
  if (p.target.arch != p.toolchain.arch)
    throw Error("target " + target_text + " is for " + p.target.arch + ", but " + p.tool +
                describe_selection(inv) + " builds for " + p.toolchain.arch + " (" +
                p.toolchain.triple + "); use a compiler for " + p.target.arch + " (" +
                gnu_triple(p.target.arch) + "-gcc, clang --target=" + gnu_triple(p.target.arch) +
                (p.target.arch == "i386" ? ", gcc -m32" : "") +
                ") or a bare version (--target " + to_string(p.target.glibc) + ")");
  return p;
}

// The shims' linker options (--wrap=__libc_start_main), and for the compiler personalities the
// shim archive once more after the user's inputs. It is also first in the stub libc.so's GROUP,
// but a member pulled from there (every executable pulls __libc_start_main's wrapper) adds new
// undefined symbols, and then ld.bfd walks the whole GROUP again, reloading each AS_NEEDED stub
// library that was not needed: 10 M instructions, a fifth of a hello-world link. Scanned
// before the GROUP, the members come in first and the GROUP is walked once. -Wl, keeps it a
// linker input where gcc puts it, whatever -x the user left in force.
static std::vector<std::string> add_shim_link_args(const Invocation& inv, Rewritten rewritten,
                                                   const GeneratedTarget& generated) {
  if (!rewritten.added_stub_dir)
    return rewritten.args;
  for (const std::string& arg : generated.link_args)
    rewritten.args.push_back(inv.personality == Personality::LD ? arg : "-Wl," + arg);
  const std::string& shims = generated.files.shim_archive;
  if (inv.personality != Personality::LD && !inv.nostdlib && !shims.empty() &&
      shims.find(',') == std::string::npos)
    rewritten.args.push_back("-Wl," + shims);
  return rewritten.args;
}

// Who pulled each versioned import of the output in, from the linker's trace; saved under the
// cache by the output's build ID for a later `glibc-pin check --explain`.
static LinkRecord record_link(const Invocation& inv, const Target& target,
                              const ElfRequirements& output, const LinkTrace& trace) {
  std::vector<std::string> sources;
  for (const std::string& input : inv.input_files)
    if (!input.ends_with(".o") && !input.ends_with(".a") && !input.ends_with(".lo") &&
        input.find(".so") == std::string::npos)
      sources.push_back(input);
  LinkRecord record = trace_provenance(output, trace.inputs, sources);
  std::error_code ec;
  record.output = std::filesystem::absolute(output.path, ec).string();
  record.target = target.name();
  save_link_record(record, cache_root() + "/links", output.build_id);
  return record;
}

// What may help, from who pulled the missing interfaces in: the compiler's own runtime archives
// (libstdc++.a, libgcc_eh.a: no flag of ours changes what they need), a shared C++ runtime that
// is newer than the target's, or anything else.
static std::string refusal_hint(const std::vector<Problem>& errors,
                                const std::vector<std::string>& culprits) {
  for (const std::string& input : culprits)
    for (const char* runtime : {"libstdc++", "libsupc++", "libgcc", "libclang_rt"})
      if (input.find(runtime) != std::string::npos && input.find(".a(") != std::string::npos)
        return "The compiler's own runtime (" + input + ") needs an interface the target lacks "
               "and glibc-pin has no shim for: please report it; meanwhile build with an older "
               "compiler or for a newer target (glibc-pin lookup SYMBOL shows when each version "
               "appeared).";
  for (const Problem& problem : errors)
    if (problem.code == "cxx-runtime")
      return "The shared C++ runtime is newer than the target's: link it statically (the "
             "default: drop GLIBC_PIN_CXX_RUNTIME=shared).";
  return "A shim or an older build dependency may help (glibc-pin lookup SYMBOL shows when "
         "each version appeared).";
}

// The proof after a link: the output fits the target (`glibc-pin check`'s errors, but for the
// manylinux allowed-library list, which is a packaging matter, not whether it runs).
static int verify(const Context& ctx, const ElfRequirements& output, const Target& target,
                  const LinkRecord& record) {
  ArchDb db = open_arch(target.arch);
  TargetIndex index(db, make_check_target(target));
  std::vector<Problem> errors;
  for (Problem& problem : check_binary(output, index)) {
    if (problem.code == "cxx-runtime-unknown")
      ctx.err << "glibc-pin: warning: " << output.path << ": " << problem.message << "\n";
    if (problem.severity == Severity::Error && problem.code != "library-not-allowed")
      errors.push_back(std::move(problem));
  }
  if (errors.empty())
    return 0;
  std::vector<std::string> culprits;
  for (const Problem& problem : errors) {
    ctx.err << "glibc-pin: error: " << output.path << ": " << problem.message << "\n";
    for (const std::string& symbol : versioned_symbols(problem)) {
      auto it = record.referenced_by.find(symbol);
      if (it == record.referenced_by.end() || it->second.empty())
        continue;
      ctx.err << "glibc-pin: note: " << symbol << " is referenced by";
      for (const std::string& input : it->second) {
        ctx.err << " " << input;
        culprits.push_back(input);
      }
      ctx.err << "\n";
    }
  }
  std::error_code ec;
  std::filesystem::remove(output.path, ec);
  ctx.err << "glibc-pin: error: " << output.path << " does not fit " << target.name()
          << "; removed it. " << refusal_hint(errors, culprits) << "\n";
  return 1;
}

// After a successful link: record who pulled each symbol in (a traced link), then verify.
static int record_and_verify(const Context& ctx, const Invocation& inv, const Target& target,
                             const LinkTrace* trace) {
  std::string output_path = inv.output.value_or("a.out");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(output_path, ec))  // -o /dev/null: there is no binary
    return 0;
  ElfRequirements output = read_elf_requirements(output_path);
  if (!output.is_dynamic)
    return 0;  // static: fits by construction
  LinkRecord record = trace ? record_link(inv, target, output, *trace) : LinkRecord{};
  if (inv.wrapper.no_verify)
    return 0;
  return verify(ctx, output, target, record);
}

// mold 1.10 (Debian 12) drops a reference like glob@GLIBC_2.2.5 when that version is the
// library's default: the link succeeds and the call jumps to address 0. Objects compiled with
// the .symver header carry such references, so a mold link of them is refused, not miscompiled.
static bool links_with_mold(const Invocation& inv, const std::string& tool) {
  return inv.fuse_ld == "mold" || tool.find("mold") != std::string::npos ||
         inv.ld_path.value_or("").find("mold") != std::string::npos;
}

static void refuse_mold_with_pinned_objects(const Invocation& inv, const std::string& tool) {
  if (!inv.links || !links_with_mold(inv, tool))
    return;
  for (const std::string& input : inv.input_files) {
    if (!input.ends_with(".o") && !input.ends_with(".a") && !input.ends_with(".lo"))
      continue;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input, ec))
      continue;  // the linker says what is wrong with it
    MappedFile file(input);  // no copy: archives can be large
    std::span<const std::uint8_t> bytes = file.bytes();
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (text.find("@GLIBC_") != std::string_view::npos)
      throw Error(input + " carries pinned symbol versions (name@GLIBC_x), which mold 1.10 "
                  "links into calls to address 0; link with -fuse-ld=bfd, gold or lld instead");
  }
}

// The environment's say on what options left open.
static void apply_environment(Invocation& inv) {
  if (const char* env = std::getenv("GLIBC_PIN_NO_HEADER"); env && *env && *env != '0')
    inv.wrapper.no_header = true;
  if (!inv.wrapper.cxx_runtime)
    if (const char* env = std::getenv("GLIBC_PIN_CXX_RUNTIME"); env && *env)
      inv.wrapper.cxx_runtime = env;
  if (inv.wrapper.cxx_runtime && *inv.wrapper.cxx_runtime != "static" &&
      *inv.wrapper.cxx_runtime != "shared")
    throw UsageError("GLIBC_PIN_CXX_RUNTIME takes static or shared, not '" +
                     *inv.wrapper.cxx_runtime + "'");
}

// Nothing to pin and nothing to check afterwards: glibc-pin becomes the real tool.
[[noreturn]] static void run_untouched(Personality personality, const WrapperOptions& wrapper,
                                       const std::vector<std::string>& args,
                                       const std::string& invoked_as) {
  std::vector<std::string> argv{find_real_tool(personality, wrapper, invoked_as)};
  argv.insert(argv.end(), args.begin(), args.end());
  exec_program(argv);
}

// -### prints the commands instead of running them. Build tools key their caches on the
// compiler's version line in it (Go does), so the target's cache directory goes into that line:
// objects pinned for one target are then never reused for another.
static int run_dry(const Context& ctx, const std::vector<std::string>& argv,
                   const std::string& target_dir) {
  std::string printed;
  int status = run_program_keeping_stderr(argv, printed, /*echo=*/false);
  bool tagged = false;
  for (std::string_view line : split_lines(printed)) {
    ctx.err << line;
    if (!tagged && line.find(" version ") != std::string_view::npos) {
      ctx.err << " [glibc-pin " << std::filesystem::path(target_dir).filename().string() << "]";
      tagged = true;
    }
    ctx.err << "\n";
  }
  return status;
}

// A failed link is explained: which glibc symbols the target lacks, and who wanted them. A
// traced link's stdout (the inputs it loaded) is parsed into `trace`; the rest reaches ours.
static int run_link(const Context& ctx, const std::vector<std::string>& argv,
                    const Target& target, LinkTrace* trace) {
  std::string tool_errors;
  int status;
  if (trace) {
    TemporaryFile printed("link-trace");
    status = run_program_keeping_stderr(argv, tool_errors, true, printed.path());
    *trace = parse_link_trace(printed.read(), [](const std::string& path) {
      std::error_code ec;
      return std::filesystem::is_regular_file(path, ec);
    });
    ctx.out << trace->other_output;
  } else {
    status = run_program_keeping_stderr(argv, tool_errors);
  }
  if (status != 0)
    for (const std::string& message : explain_undefined_references(
             parse_undefined_references(tool_errors), open_arch(target.arch), target.glibc,
             host_glibc_release(), target.name()))
      ctx.err << "glibc-pin: error: " << message << "\n";
  return status;
}

static std::vector<std::string> tool_command(const Context& ctx, const Invocation& inv,
                                             const Plan& p, const GeneratedTarget& generated,
                                             bool& traced) {
  std::vector<std::string> argv{p.tool};
  // mold 1.10 has no -t; it links only objects without pinned versions anyway.
  Rewritten r = rewrite_arguments(inv, generated.files, !links_with_mold(inv, p.tool));
  traced = r.traced;
  std::vector<std::string> rewritten = add_shim_link_args(inv, std::move(r), generated);
  argv.insert(argv.end(), rewritten.begin(), rewritten.end());
  if (inv.wrapper.verbose) {
    ctx.err << "glibc-pin: target " << p.target.name() << "\nglibc-pin: running";
    for (const std::string& arg : argv)
      ctx.err << " " << arg;
    ctx.err << "\n";
  }
  return argv;
}

int run_driver(const Context& ctx, Personality personality, CallForm form,
               const std::vector<std::string>& args, const std::string& invoked_as) {
  // The generator's own compiler runs can reach glibc-pin again (gcc -B<dir> with <dir>/ld, a
  // masquerading cc in PATH): they run the real tool untouched instead of generating again.
  if (generating_target_files())
    run_untouched(personality, WrapperOptions{}, args, invoked_as);

  Invocation inv = classify_arguments(personality, expand_response_files(args), form);
  apply_environment(inv);
  if (inv.only_info)  // --version, --help, -print-*: no target needed, nothing to pin
    run_untouched(personality, inv.wrapper, inv.args, invoked_as);
  // -E/-M print what the compiler alone prints (no .symver header), so without a target they
  // run untouched: compiler caches probe their compiler this way (sccache runs `CC -E` on a
  // test file to tell gcc from clang) before any command names the target.
  if (inv.preprocess_only && !inv.links && !inv.wrapper.target &&
      target_from_environment().empty())
    run_untouched(personality, inv.wrapper, inv.args, invoked_as);

  Plan p = plan(inv, invoked_as);
  refuse_mold_with_pinned_objects(inv, p.tool);
  GeneratedTarget generated = ensure_target_files(p.target, p.toolchain);
  ForwardedResponseFile response_file;
  bool traced = false;
  std::vector<std::string> argv = response_file.wrap(tool_command(ctx, inv, p, generated, traced));

  if (inv.dry_run)
    return run_dry(ctx, argv, generated.dir);
  if (!inv.links) {  // a compile: nothing to verify, so the compiler runs in our place
    if (response_file.holds_file())
      return run_program(argv);  // the file must outlive the compiler
    exec_program(argv);
  }
  LinkTrace trace;
  int status = run_link(ctx, argv, p.target, traced ? &trace : nullptr);
  if (status != 0 || inv.relocatable || inv.is_static)
    return status;
  return record_and_verify(ctx, inv, p.target, traced ? &trace : nullptr);
}

}  // namespace glibcpin
