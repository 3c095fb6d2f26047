#include "util/process.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

// Boost.Process's v1 API: <boost/process.hpp> up to Boost 1.87 (Debian 12 and 13 have 1.74 and
// 1.83); from 1.88 it lives in <boost/process/v1.hpp> and <boost/process.hpp> is v2 (sid: 1.92).
#if __has_include(<boost/process/v1.hpp>)
#include <boost/process/v1.hpp>
namespace bp = boost::process::v1;
#else
#include <boost/process.hpp>
namespace bp = boost::process;
#endif

#include "util/error.hpp"

namespace glibcpin {

std::string find_in_path(const std::string& name) {
  if (name.find('/') != std::string::npos)
    return name;
  return bp::search_path(name).string();
}

static std::string resolve(const std::vector<std::string>& argv) {
  if (argv.empty())
    throw Error("internal: empty command");
  std::string exe = find_in_path(argv[0]);
  if (exe.empty())
    throw Error("cannot run '" + argv[0] + "': not found in PATH");
  return exe;
}

static std::vector<std::string> rest(const std::vector<std::string>& argv) {
  return std::vector<std::string>(argv.begin() + 1, argv.end());
}

int run_program(const std::vector<std::string>& argv) {
  std::string exe = resolve(argv);
  try {
    bp::child child(bp::exe = exe, bp::args = rest(argv));
    child.wait();
    return child.exit_code();
  } catch (const bp::process_error& e) {
    throw Error("cannot run '" + exe + "': " + e.what());
  }
}

void exec_program(const std::vector<std::string>& argv) {
  std::string exe = resolve(argv);
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  execv(exe.c_str(), args.data());
  throw Error("cannot run '" + exe + "': " + std::strerror(errno));
}

int run_program_keeping_stderr(const std::vector<std::string>& argv, std::string& stderr_text,
                               bool echo, const std::string& stdout_file) {
  std::string exe = resolve(argv);
  bp::ipstream err;
  try {
    bp::child child = stdout_file.empty()
        ? bp::child(bp::exe = exe, bp::args = rest(argv), bp::std_err > err)
        : bp::child(bp::exe = exe, bp::args = rest(argv), bp::std_err > err,
                    bp::std_out > boost::filesystem::path(stdout_file));
    for (std::string line; std::getline(err, line);) {
      if (echo)
        std::cerr << line << "\n";
      stderr_text += line + "\n";
    }
    child.wait();
    return child.exit_code();
  } catch (const bp::process_error& e) {
    throw Error("cannot run '" + exe + "': " + e.what());
  }
}

int run_programs_in_parallel(const std::vector<std::vector<std::string>>& commands) {
  std::vector<bp::child> children;
  try {
    for (const auto& argv : commands)
      children.emplace_back(bp::exe = resolve(argv), bp::args = rest(argv));
  } catch (const bp::process_error& e) {
    for (bp::child& child : children)
      child.wait();
    throw Error(std::string("cannot start a program: ") + e.what());
  }
  int status = 0;
  for (bp::child& child : children) {
    child.wait();
    if (status == 0)
      status = child.exit_code();
  }
  return status;
}

std::string capture_program_output(const std::vector<std::string>& argv) {
  std::string exe = resolve(argv);
  bp::ipstream out;
  std::string text, line;
  try {
    bp::child child(bp::exe = exe, bp::args = rest(argv), bp::std_out > out);
    while (std::getline(out, line))
      text += line + "\n";
    child.wait();
    if (child.exit_code() != 0)
      throw Error("'" + exe + "' failed with exit status " + std::to_string(child.exit_code()));
  } catch (const bp::process_error& e) {
    throw Error("cannot run '" + exe + "': " + e.what());
  }
  return text;
}

}  // namespace glibcpin
