# find_package(glibc-pin): the installed glibc-pin for a project's own use, e.g. checking what it
# built:
#
#   find_package(glibc-pin REQUIRED)
#   add_custom_command(TARGET app POST_BUILD
#                      COMMAND glibc-pin::glibc-pin check --target centos7 $<TARGET_FILE:app>)
#
# Pinning the project's own build needs the toolchain file, which acts before project() and so
# cannot come from find_package: -DCMAKE_TOOLCHAIN_FILE=<prefix>/share/glibc-pin/toolchain/glibc-pin.cmake
# (GLIBC_PIN_TOOLCHAIN_FILE below, for sub-builds such as ExternalProject).
#
# Gives: the imported executable glibc-pin::glibc-pin, GLIBC_PIN_EXECUTABLE,
# GLIBC_PIN_TOOLCHAIN_FILE. Found relative to this file: <prefix>/lib/cmake/glibc-pin.
get_filename_component(_glibc_pin_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(GLIBC_PIN_EXECUTABLE "${_glibc_pin_prefix}/bin/glibc-pin")
set(GLIBC_PIN_TOOLCHAIN_FILE "${_glibc_pin_prefix}/share/glibc-pin/toolchain/glibc-pin.cmake")
if(NOT EXISTS "${GLIBC_PIN_EXECUTABLE}" OR NOT EXISTS "${GLIBC_PIN_TOOLCHAIN_FILE}")
  set(glibc-pin_FOUND FALSE)
  set(glibc-pin_NOT_FOUND_MESSAGE "incomplete install under ${_glibc_pin_prefix}: "
                                  "bin/glibc-pin or share/glibc-pin/toolchain/glibc-pin.cmake missing")
  return()
endif()
if(NOT TARGET glibc-pin::glibc-pin)
  add_executable(glibc-pin::glibc-pin IMPORTED)
  set_target_properties(glibc-pin::glibc-pin PROPERTIES IMPORTED_LOCATION "${GLIBC_PIN_EXECUTABLE}")
endif()
unset(_glibc_pin_prefix)
