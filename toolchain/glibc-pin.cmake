# glibc-pin CMake toolchain file: build a whole project pinned to an older glibc.
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<glibc-pin>/toolchain/glibc-pin.cmake \
#         -DGLIBC_PIN_TARGET=centos7
#
# Variables (cache variables, or the environment variable of the same name at configure time):
#   GLIBC_PIN_TARGET  the target (2.17, centos7, manylinux2014, ...). Required.
#   GLIBC_PIN_ROOT    where glibc-pin is: a directory holding glibc-pin, or a prefix with bin/glibc-pin.
#                     Default: an install this file belongs to (<prefix>/share/glibc-pin/toolchain or
#                     <prefix>/lib/cmake/glibc-pin), then PATH, then the repository's build/src.
#   GLIBC_PIN_CC, GLIBC_PIN_CXX  the real compilers (default: gcc/cc, g++/c++ from PATH; clang works).
#
# How the target reaches every call: CMAKE_C_COMPILER is a list, the glibc-pin-cc personality
# followed by `--glibc-pin-target=T --glibc-pin-compiler=/abs/real-cc`. CMake keeps the arguments in
# CMAKE_C_COMPILER_ARG1 and puts them right after the compiler on every command line it writes:
# compiler identification, each compile and link, and every try_compile of check_function_exists,
# check_symbol_exists, check_cxx_source_compiles... Nothing depends on the environment at build
# time. A configure check that links a function the target lacks (and no shim provides) fails to
# link, so the project sees the function as missing and takes its fallback path.

# try_compile projects read this file again; they get our settings through this list.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES
     GLIBC_PIN_TARGET GLIBC_PIN_ROOT GLIBC_PIN_CC GLIBC_PIN_CXX GLIBC_PIN_BIN_DIR)
list(REMOVE_DUPLICATES CMAKE_TRY_COMPILE_PLATFORM_VARIABLES)

# -- target -------------------------------------------------------------------------------------
if(NOT GLIBC_PIN_TARGET AND DEFINED ENV{GLIBC_PIN_TARGET})
  set(GLIBC_PIN_TARGET "$ENV{GLIBC_PIN_TARGET}")
endif()
if(NOT GLIBC_PIN_TARGET)
  message(FATAL_ERROR "glibc-pin.cmake: no target: pass -DGLIBC_PIN_TARGET=T (e.g. 2.17, centos7, "
                      "manylinux2014; 'glibc-pin targets' lists them)")
endif()
set(GLIBC_PIN_TARGET "${GLIBC_PIN_TARGET}" CACHE STRING "glibc-pin target (glibc version or profile)")

# -- glibc-pin itself ---------------------------------------------------------------------------
if(NOT GLIBC_PIN_BIN_DIR)
  if(NOT GLIBC_PIN_ROOT AND DEFINED ENV{GLIBC_PIN_ROOT})
    set(GLIBC_PIN_ROOT "$ENV{GLIBC_PIN_ROOT}")
  endif()
  if(GLIBC_PIN_ROOT)
    set(_glibc_pin_hints "${GLIBC_PIN_ROOT}" "${GLIBC_PIN_ROOT}/bin")
    set(_glibc_pin_where "GLIBC_PIN_ROOT=${GLIBC_PIN_ROOT}")
  else()
    # An install (<prefix>/share/glibc-pin/toolchain, <prefix>/lib/cmake/glibc-pin, <prefix>/toolchain),
    # then PATH, then this repository's build directory.
    set(_glibc_pin_hints "${CMAKE_CURRENT_LIST_DIR}/../../../bin" "${CMAKE_CURRENT_LIST_DIR}/../../bin"
                         "${CMAKE_CURRENT_LIST_DIR}/../bin" ENV PATH "${CMAKE_CURRENT_LIST_DIR}/../build/src")
    set(_glibc_pin_where "an install beside ${CMAKE_CURRENT_LIST_DIR}, PATH, or ${CMAKE_CURRENT_LIST_DIR}/../build/src")
  endif()
  find_program(_glibc_pin_exe NAMES glibc-pin NO_CACHE NO_DEFAULT_PATH
               PATHS ${_glibc_pin_hints} NO_CMAKE_FIND_ROOT_PATH)
  if(NOT _glibc_pin_exe)
    message(FATAL_ERROR "glibc-pin.cmake: glibc-pin not found (looked in ${_glibc_pin_where}); "
                        "set GLIBC_PIN_ROOT to the directory that holds it")
  endif()
  get_filename_component(_glibc_pin_exe "${_glibc_pin_exe}" REALPATH)
  get_filename_component(GLIBC_PIN_BIN_DIR "${_glibc_pin_exe}" DIRECTORY)
  # The personalities are symlinks beside glibc-pin; make our own when an install lacks them.
  if(NOT EXISTS "${GLIBC_PIN_BIN_DIR}/glibc-pin-cc" OR NOT EXISTS "${GLIBC_PIN_BIN_DIR}/glibc-pin-c++")
    set(GLIBC_PIN_BIN_DIR "${CMAKE_BINARY_DIR}/glibc-pin-bin")
    file(MAKE_DIRECTORY "${GLIBC_PIN_BIN_DIR}")
    foreach(_p glibc-pin-cc glibc-pin-c++ glibc-pin-ld)
      file(CREATE_LINK "${_glibc_pin_exe}" "${GLIBC_PIN_BIN_DIR}/${_p}" SYMBOLIC)
    endforeach()
  endif()
  set(GLIBC_PIN_BIN_DIR "${GLIBC_PIN_BIN_DIR}" CACHE PATH "directory of glibc-pin and its personalities")
endif()

# -- the real compilers ---------------------------------------------------------------------------
# Resolved to absolute paths now, so the build does not depend on PATH or the environment.
function(_glibc_pin_real_compiler var)
  if(NOT ${var} AND DEFINED ENV{${var}})
    set(${var} "$ENV{${var}}")
  endif()
  if(NOT ${var})
    set(${var} ${ARGN})
  endif()
  find_program(_real NAMES ${${var}} NO_CACHE)
  if(NOT _real)
    message(FATAL_ERROR "glibc-pin.cmake: ${var}: compiler '${${var}}' not found")
  endif()
  get_filename_component(_name "${_real}" NAME)
  if(_name MATCHES "^glibc-pin")
    message(FATAL_ERROR "glibc-pin.cmake: ${var}=${_real} is glibc-pin itself; name the real compiler")
  endif()
  set(${var} "${_real}" CACHE FILEPATH "real compiler behind glibc-pin" FORCE)
endfunction()
_glibc_pin_real_compiler(GLIBC_PIN_CC gcc cc)
_glibc_pin_real_compiler(GLIBC_PIN_CXX g++ c++)

set(CMAKE_C_COMPILER "${GLIBC_PIN_BIN_DIR}/glibc-pin-cc"
    "--glibc-pin-target=${GLIBC_PIN_TARGET}" "--glibc-pin-compiler=${GLIBC_PIN_CC}")
set(CMAKE_CXX_COMPILER "${GLIBC_PIN_BIN_DIR}/glibc-pin-c++"
    "--glibc-pin-target=${GLIBC_PIN_TARGET}" "--glibc-pin-compiler=${GLIBC_PIN_CXX}")
