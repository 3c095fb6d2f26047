// glibc-pin check's report: one line per problem and a hint (compiler style), or one JSON
// document (docs/check-json.md).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli/check_results.hpp"
#include "database/version_node.hpp"

namespace glibcpin {
namespace {

const char* status_name(Status s) {
  return s == Status::Fits ? "fits" : s == Status::DoesNotFit ? "does-not-fit" : "error";
}

const char* type_name(const ElfRequirements& req) {
  switch (req.type) {
    case ElfType::Relocatable: return "relocatable";
    case ElfType::Executable: return req.is_dynamic ? "executable" : "static-executable";
    case ElfType::SharedObject:
      // A PIE is ET_DYN with a loader; a static-pie has neither loader nor libraries.
      if (!req.interpreter.empty())
        return "pie-executable";
      return is_static_pie(req) ? "static-pie" : "shared-object";
    case ElfType::Other: return "other";
  }
  return "other";
}

// Per (library, version) need: its imports, for --explain.
std::map<std::pair<std::string, std::string>, std::vector<std::string>> symbols_by_version(
    const ElfRequirements& req) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
  for (const VersionNeed& need : req.version_needs)
    out[{need.library, need.version}];
  for (const ImportedSymbol& s : req.imports)
    if (!s.version.empty())
      out[{s.library, s.version}].push_back(s.name);
  return out;
}

std::string hint_for(const FileResult& r, const CheckTarget& t, const ArchDb& db) {
  std::set<std::string> codes;
  for (const Problem& p : r.problems)
    if (p.severity == Severity::Error)
      codes.insert(p.code);
  std::string hint;
  bool glibc = codes.count("missing-version") || codes.count("missing-symbol") ||
               codes.count("object-missing-symbol") || codes.count("missing-library") ||
               codes.count("unversioned-missing");
  if (glibc) {
    std::optional<Release> min = r.req ? minimum_glibc(*r.req, db) : std::nullopt;
    hint = "rebuild it with glibc-pin (glibc-pin cc|c++ --target " +
           (t.profile.empty() ? to_string(t.glibc) : t.profile) +
           "), which pins versions and shims missing functions";
    if (min && *min > t.glibc)
      hint += "; as built it needs glibc " + to_string(*min);
  }
  if (codes.count("symbol-not-loaded") || codes.count("unversioned-missing"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "add the library named above to the link (glibc-pin does it for old targets)";
  if (codes.count("cxx-runtime"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "link the C++ runtime statically (-static-libstdc++ -static-libgcc) or build with "
            "the target's compiler";
  if (codes.count("library-not-allowed"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "bundle the library (auditwheel repair) or link it statically";
  if (codes.count("glibc-private"))
    hint += std::string(hint.empty() ? "" : "; ") +
            "GLIBC_PRIVATE is only for glibc's own programs; such a binary runs only with the "
            "glibc it was built against";
  if (!r.accepting_profiles.empty()) {
    std::string list;
    for (size_t i = 0; i < r.accepting_profiles.size() && i < 6; i++)
      list += (i ? ", " : "") + r.accepting_profiles[i];
    hint += std::string(hint.empty() ? "" : "; ") + "it fits " + list +
            (r.accepting_profiles.size() > 6 ? " and others" : "");
  } else if (!hint.empty()) {
    hint += "; no known profile accepts it as built";
  }
  return hint;
}

// The symbols behind a file's errors, each with the inputs of its link that referenced it.
std::vector<std::string> offending_symbols(const FileResult& r) {
  std::vector<std::string> out;
  for (const Problem& p : r.problems) {
    if (p.severity != Severity::Error)
      continue;
    for (const std::string& symbol : versioned_symbols(p))
      if (std::find(out.begin(), out.end(), symbol) == out.end())
        out.push_back(symbol);
  }
  return out;
}

void print_provenance(const Context& ctx, const FileResult& r) {
  if (!r.req || r.req->type == ElfType::Relocatable || !r.req->is_dynamic)
    return;
  if (!r.record) {
    ctx.out << r.path << ": explain: no link record"
            << (r.req->build_id.empty() ? " (the file has no build ID)"
                                        : " for build ID " + r.req->build_id +
                                              " (not linked by glibc-pin with this cache)")
            << ": cannot say which input pulled each symbol in\n";
    return;
  }
  ctx.out << r.path << ": explain: linked by glibc-pin for " << r.record->target << " as "
          << r.record->output << "\n";
  for (const std::string& symbol : offending_symbols(r)) {
    auto it = r.record->referenced_by.find(symbol);
    ctx.out << r.path << ": explain: " << symbol << " is referenced by";
    if (it == r.record->referenced_by.end() || it->second.empty())
      ctx.out << " no input the link record names";
    else
      for (const std::string& input : it->second)
        ctx.out << " " << input;
    ctx.out << "\n";
  }
}

}  // namespace

void print_human(const Context& ctx, const std::vector<FileResult>& results,
                 const CheckTarget& t, const ArchDb& db, bool explain) {
  for (const FileResult& r : results) {
    if (r.status == Status::Error) {
      if (r.error.starts_with(r.path + ": "))
        ctx.out << r.path << ": error: " << r.error.substr(r.path.size() + 2) << "\n";
      else
        ctx.out << r.path << ": error: " << r.error << "\n";
      continue;
    }
    for (const Problem& p : r.problems)
      ctx.out << r.path << ": " << to_string(p.severity) << ": " << p.message << "\n";
    if (r.status == Status::DoesNotFit) {
      std::string hint = hint_for(r, t, db);
      if (!hint.empty())
        ctx.out << r.path << ": hint: " << hint << "\n";
    } else if (r.named && r.req && r.req->is_dynamic) {
      ctx.out << r.path << ": fits " << t.name << "\n";
    }

    if (explain && r.req) {
      for (const auto& [need, syms] : symbols_by_version(*r.req)) {
        bool bad = std::any_of(r.problems.begin(), r.problems.end(), [&](const Problem& p) {
          return p.severity == Severity::Error && p.library == need.first &&
                 p.version == need.second;
        });
        ctx.out << r.path << ": explain: " << need.second << " (" << need.first << ")"
                << (bad ? " [not on target]" : "") << ": " << syms.size() << " symbol"
                << (syms.size() == 1 ? "" : "s") << (syms.empty() ? "" : ":");
        for (const std::string& s : syms)
          ctx.out << " " << s;
        ctx.out << "\n";
      }
      print_provenance(ctx, r);
      if (r.req->type == ElfType::Relocatable) {
        ctx.out << r.path << ": explain: " << r.req->undefined.size() << " undefined symbols:";
        for (const ImportedSymbol& s : r.req->undefined)
          ctx.out << " " << s.name << (s.version.empty() ? "" : "@" + s.version);
        ctx.out << "\n";
      }
    }
  }
  size_t fit = 0, unfit = 0, bad = 0;
  for (const FileResult& r : results)
    (r.status == Status::Fits ? fit : r.status == Status::DoesNotFit ? unfit : bad)++;
  if (results.size() > 1 || results.empty())
    ctx.out << "glibc-pin check: " << results.size() << " file" << (results.size() == 1 ? "" : "s")
            << ": " << fit << " fit " << t.name << ", " << unfit << " do" << (unfit == 1 ? "es" : "")
            << " not, " << bad << " unreadable\n";
}

nlohmann::json to_json(const std::vector<FileResult>& results, const CheckTarget& t,
                       const ArchDb& db, bool explain, int exit_status) {
  using nlohmann::json;
  json target = {{"name", t.name},
                 {"arch", t.arch},
                 {"glibc", to_string(t.glibc)},
                 {"profile", t.profile.empty() ? json(nullptr) : json(t.profile)},
                 {"glibcxx", t.glibcxx.empty() ? json(nullptr) : json(t.glibcxx)},
                 {"cxxabi", t.cxxabi.empty() ? json(nullptr) : json(t.cxxabi)},
                 {"gcc", t.gcc.empty() ? json(nullptr) : json(t.gcc)},
                 {"cxx_levels_from",
                  t.cxx_levels_from.empty() ? json(nullptr) : json(t.cxx_levels_from)},
                 {"allowed_libraries",
                  t.allowed_libraries.empty() ? json(nullptr) : json(t.allowed_libraries)}};
  json system_libraries = json::array();
  for (const SystemLibrary& lib : t.system_libraries)
    system_libraries.push_back({{"soname", lib.soname},
                                {"implementation", lib.implementation},
                                {"nodes", lib.nodes}});
  target["system_libraries"] = system_libraries;
  json files = json::array();
  size_t counts[3] = {0, 0, 0};
  for (const FileResult& r : results) {
    counts[int(r.status)]++;
    json f = {{"path", r.path}, {"status", status_name(r.status)}};
    if (r.status == Status::Error) {
      f["error"] = r.error;
      files.push_back(f);
      continue;
    }
    const ElfRequirements& req = *r.req;
    f["type"] = type_name(req);
    f["class"] = req.elf_class;
    f["machine"] = machine_name(req.machine, req.elf_class);
    f["interpreter"] = req.interpreter.empty() ? json(nullptr) : json(req.interpreter);
    f["soname"] = req.soname.empty() ? json(nullptr) : json(req.soname);
    f["needed"] = req.needed;
    std::optional<Release> min = minimum_glibc(req, db);
    f["minimum_glibc"] = min ? json(to_string(*min)) : json(nullptr);
    json needs = json::array();
    for (const auto& [need, syms] : symbols_by_version(req)) {
      json n = {{"library", need.first}, {"version", need.second}};
      if (explain)
        n["symbols"] = syms;
      needs.push_back(n);
    }
    f["version_needs"] = needs;
    json problems = json::array();
    for (const Problem& p : r.problems) {
      json j = {{"severity", to_string(p.severity)}, {"code", p.code}, {"message", p.message}};
      j["library"] = p.library.empty() ? json(nullptr) : json(p.library);
      j["version"] = p.version.empty() ? json(nullptr) : json(p.version);
      j["symbol"] = p.symbol.empty() ? json(nullptr) : json(p.symbol);
      if (!p.symbols.empty())
        j["symbols"] = p.symbols;
      problems.push_back(j);
    }
    f["problems"] = problems;
    if (explain && req.is_dynamic && req.type != ElfType::Relocatable) {
      f["build_id"] = req.build_id.empty() ? json(nullptr) : json(req.build_id);
      if (r.record) {
        json by = json::object();
        for (const std::string& symbol : offending_symbols(r)) {
          auto it = r.record->referenced_by.find(symbol);
          by[symbol] = it == r.record->referenced_by.end() ? json::array() : json(it->second);
        }
        f["link_record"] = {{"output", r.record->output}, {"target", r.record->target},
                            {"referenced_by", by}};
      } else {
        f["link_record"] = nullptr;
      }
    }
    if (r.status == Status::DoesNotFit) {
      f["hint"] = hint_for(r, t, db);
      f["fits_profiles"] = r.accepting_profiles;
    }
    files.push_back(f);
  }
  return {{"schema", "glibc-pin-check/1"},
          {"target", target},
          {"fits", counts[1] == 0 && counts[2] == 0 && !results.empty()},
          {"exit_status", exit_status},
          {"summary", {{"files", results.size()},
                       {"fit", counts[0]},
                       {"do_not_fit", counts[1]},
                       {"errors", counts[2]}}},
          {"files", files}};
}


}  // namespace glibcpin
