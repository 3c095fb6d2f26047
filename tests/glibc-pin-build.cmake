# glibc_pin_build(<output> <source> <compiler> <target> [flags...] [LIBS <libraries>...]
#                 [DEPENDS <files>...])
# A custom command that builds <output> from <source> (absolute path) with glibc-pin for
# <target>, the real <compiler> behind it: `glibc-pin c++` with GLIBC_PIN_CXX for a .cc source,
# `glibc-pin cc` with GLIBC_PIN_CC otherwise. <compiler> names the C compiler or the C++ one
# (gcc, clang, aarch64-linux-gnu-gcc, g++ ...): for a .cc source gcc becomes g++ and clang
# clang++. The flags come before the source, the LIBS after it; DEPENDS names more files the
# source includes. The target files go into the build's own cache
# (${CMAKE_BINARY_DIR}/glibc-pin-cache), never the user's. Shared by tests/pinning, tests/arch,
# tests/threads, tests/c23 and tests/shims, which keep the list of their programs for an ALL target.
function(glibc_pin_build output source compiler target)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "LIBS;DEPENDS")
  if(source MATCHES "\\.cc$")
    set(personality c++)
    string(REGEX REPLACE "gcc$" "g++" compiler ${compiler})
    string(REGEX REPLACE "^clang$" "clang++" compiler ${compiler})
    set(env GLIBC_PIN_CXX=${compiler})
  else()
    set(personality cc)
    set(env GLIBC_PIN_CC=${compiler})
  endif()
  get_filename_component(name ${output} NAME)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E env GLIBC_PIN_CACHE_DIR=${CMAKE_BINARY_DIR}/glibc-pin-cache ${env}
            $<TARGET_FILE:glibc-pin> ${personality} --target ${target}
            ${arg_UNPARSED_ARGUMENTS} ${source} -o ${output} ${arg_LIBS}
    DEPENDS glibc-pin glibcpin_shims ${source} ${arg_DEPENDS}
    COMMENT "glibc-pin ${personality} --target ${target} (${compiler}): ${name}"
    VERBATIM)
endfunction()
