#include "generator/stub_assembly.hpp"

#include <map>

namespace glibcpin {

static std::string label(size_t index) {
  return "__glibc_pin_stub_" + std::to_string(index);
}

static std::string symver(const StubSymbol& s, size_t index) {
  return "\t.symver " + label(index) + ", " + s.name + (s.is_default ? "@@" : "@") + s.version +
         "\n";
}

std::string stub_assembly(const StubLibrary& stub) {
  std::string out;
  for (size_t i = 0; i < stub.symbols.size(); i++) {
    const StubSymbol& s = stub.symbols[i];
    std::string binding = s.weak ? "\t.weak " : "\t.globl ";
    if (s.alias_of >= 0) {  // same address as the object's first name
      out += binding + label(i) + "\n\t.set " + label(i) + ", " + label(s.alias_of) + "\n" +
             symver(s, i);
      continue;
    }
    if (s.kind == Kind::Tls)
      out += "\t.section .tbss,\"awT\",@nobits\n";
    else
      out += s.kind == Kind::Data ? "\t.data\n" : "\t.text\n";
    out += "\t.balign " + std::to_string(stub_symbol_alignment(s)) + "\n";
    out += binding + label(i) + "\n";
    out += "\t.type " + label(i) + (s.kind == Kind::Tls    ? ",@tls_object\n"
                                    : s.kind == Kind::Data ? ",@object\n"
                                                           : ",@function\n");
    out += "\t.size " + label(i) + ", " +
           std::to_string(s.kind == Kind::Function ? 1 : s.size) + "\n";
    out += label(i) + ":\n\t.zero " + std::to_string(stub_symbol_bytes(s)) + "\n";
    out += symver(s, i);
  }
  out += "\t.section .note.GNU-stack,\"\",@progbits\n";
  return out;
}

std::string stub_version_script(const StubLibrary& stub) {
  std::map<std::string_view, std::vector<std::string_view>> names_by_node;
  for (const StubSymbol& s : stub.symbols)
    names_by_node[s.version].push_back(s.name);
  std::string out;
  std::string previous;
  for (const std::string& node : stub.nodes) {
    out += node + " {\n";
    auto it = names_by_node.find(node);
    if (it != names_by_node.end()) {
      out += "  global:\n";
      for (std::string_view name : it->second)
        out += "    " + std::string(name) + ";\n";
    }
    if (previous.empty())
      out += "  local: *;\n";
    out += "}" + (previous.empty() ? std::string() : " " + previous) + ";\n";
    previous = node;
  }
  return out;
}

}  // namespace glibcpin
