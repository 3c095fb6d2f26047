# Runtime tests: run a program on a real glibc runtime and check the result.
#
#   glibc_pin_runtime_test(NAME <name> RUNTIME <rt>... COMMAND <prog> [args...]
#                          EXPECT_OUTPUT <regex> | EXPECT_FAILURE <regex>
#                          [LABELS <label>...] [TIMEOUT <s>] [FIXTURE <fixture>...]
#                          [SKIP_IF <file>...])
#
# adds one CTest test per runtime, named <name>@<rt>. <rt>: host bullseye bookworm
# trixie sid 2.12 2.17 2.28 (x86_64), i386-<2.17|2.28|suite>, aarch64-<2.17|2.28|suite>
# (see tests/runtime/run-on.sh). <prog> may be a generator
# expression such as $<TARGET_FILE:tgt>.
#   EXPECT_OUTPUT:  the program must exit 0 AND its stdout+stderr match <regex>.
#   EXPECT_FAILURE: the program must fail (non-zero exit or signal) AND its output
#                   match <regex>, e.g. "version `GLIBC_2\\.34' not found".
# The regex is an extended regular expression (grep -E). A test whose runtime is
# absent (e.g. shared/runtimes missing for 2.17/2.28) is skipped (exit 77) with
# "SKIP: runtime X not available: <reason>" in its output. Every test requires the
# `runtimes` fixture, i.e. the runtimes.fetch test (scripts/fetch-runtimes.sh), and the FIXTUREs
# given (the build test that makes <prog>). SKIP_IF: files that such a build test writes when its
# tool is missing (e.g. OUT/SKIPPED); the test then prints the first one present and skips.
#
# Example, once glibc-pin can pin a build:
#   glibc_pin_runtime_test(NAME hello.pinned RUNTIME bullseye 2.17
#                          COMMAND $<TARGET_FILE:hello-pinned> EXPECT_OUTPUT "^Hello")

set(GLIBC_PIN_RUNTIME_TEST_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL "")
cmake_path(GET CMAKE_CURRENT_LIST_DIR PARENT_PATH _glibc_pin_tests_dir)
cmake_path(GET _glibc_pin_tests_dir PARENT_PATH GLIBC_PIN_SOURCE_ROOT)
set(GLIBC_PIN_RUNTIMES host bullseye bookworm trixie sid 2.12 2.17 2.28
    i386-2.17 i386-2.28 i386-bullseye i386-bookworm i386-trixie i386-sid
    aarch64-2.17 aarch64-2.28 aarch64-bullseye aarch64-bookworm aarch64-trixie aarch64-sid
    CACHE INTERNAL "")

function(glibc_pin_runtime_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;EXPECT_OUTPUT;EXPECT_FAILURE;TIMEOUT"
                        "RUNTIME;COMMAND;LABELS;FIXTURE;SKIP_IF")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "glibc_pin_runtime_test: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_NAME OR NOT arg_RUNTIME OR NOT arg_COMMAND)
    message(FATAL_ERROR "glibc_pin_runtime_test: NAME, RUNTIME and COMMAND are required")
  endif()
  if(DEFINED arg_EXPECT_OUTPUT AND DEFINED arg_EXPECT_FAILURE)
    message(FATAL_ERROR "glibc_pin_runtime_test(${arg_NAME}): EXPECT_OUTPUT and EXPECT_FAILURE exclude each other")
  elseif(DEFINED arg_EXPECT_FAILURE)
    set(mode --expect-failure "${arg_EXPECT_FAILURE}")
  elseif(DEFINED arg_EXPECT_OUTPUT)
    set(mode --expect-output "${arg_EXPECT_OUTPUT}")
  else()
    message(FATAL_ERROR "glibc_pin_runtime_test(${arg_NAME}): give EXPECT_OUTPUT or EXPECT_FAILURE")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 120)
  endif()
  set(skip_if "")
  foreach(file IN LISTS arg_SKIP_IF)
    list(APPEND skip_if --skip-if ${file})
  endforeach()
  foreach(rt IN LISTS arg_RUNTIME)
    if(NOT rt IN_LIST GLIBC_PIN_RUNTIMES)
      message(FATAL_ERROR "glibc_pin_runtime_test(${arg_NAME}): unknown runtime '${rt}' (${GLIBC_PIN_RUNTIMES})")
    endif()
    add_test(NAME ${arg_NAME}@${rt}
             COMMAND bash "${GLIBC_PIN_RUNTIME_TEST_DIR}/runtime-test.sh" ${skip_if} ${rt} ${mode}
                     -- ${arg_COMMAND})
    set_tests_properties(${arg_NAME}@${rt} PROPERTIES
      SKIP_RETURN_CODE 77
      FIXTURES_REQUIRED "runtimes;${arg_FIXTURE}"
      TIMEOUT ${arg_TIMEOUT}
      LABELS "runtime;${arg_LABELS}")
  endforeach()
endfunction()
