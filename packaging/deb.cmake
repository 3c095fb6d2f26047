# CPack: `cpack -G DEB` (or plain `cpack`) in the build tree makes glibc-pin_<version>_amd64.deb
# from the install rules, installed under /usr. Included last from the top-level CMakeLists.txt.
#
# Depends: the shared libraries of the executable (dpkg-shlibdeps: libc6; also libstdc++6 and
# Boost program_options and filesystem when built with GLIBC_PIN_STATIC_RUNTIME=OFF; the release,
# scripts/release.sh, is pinned to 2.17, so libc6 (>= 2.17) only: Debian 11 to sid), plus what glibc-pin runs at run time: as, ld and ar to build a
# target's stub libraries and shim archive (binutils); cc, the default real compiler, which also
# tells where libc_nonshared.a and libgcc_s.so.1 are (gcc or another C compiler); the C library's
# development files every pinned link uses (libc6-dev). C++ pinning wants a C++ compiler.

set(GLIBC_PIN_PACKAGE_MAINTAINER "glibc-pin maintainers <maintainers@users.noreply.h-seed-661af55b.example>"
    CACHE STRING "Maintainer field of the .deb")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME glibc-pin)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${GLIBC_PIN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "build binaries on a new system that run on older glibc")
set(CPACK_PACKAGE_DESCRIPTION
    "glibc-pin is a drop-in compiler and linker wrapper (glibc-pin-cc, glibc-pin-c++, "
    "glibc-pin-ld) that pins every glibc symbol to the version an older target had (e.g. "
    "--target centos7 = glibc 2.17), adds shims for functions the target lacks and checks "
    "the output. glibc-pin check tells whether any binary fits a target. Comes with a CMake "
    "toolchain file and meson and cargo configurations.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_STRIP_FILES ON)  # the RelWithDebInfo executable carries its debug info otherwise

# The tarball (cpack -G TGZ, scripts/release.sh): one top directory, unpack and run bin/glibc-pin.
set(CPACK_PACKAGE_FILE_NAME "glibc-pin-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}-linux")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # glibc-pin_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "binutils, gcc | c-compiler, libc6-dev")
if(GLIBC_PIN_STATIC_RUNTIME AND GLIBC_PIN_TARGET MATCHES "^2\\.[0-9]+$")
  # The release links only libc (and its loader, libpthread) dynamically, pinned to the target:
  # dpkg-shlibdeps would read the build host's libc6 symbols instead (>= 2.34 there, where
  # libpthread moved into libc) and shut out Debian 11.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  string(PREPEND CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= ${GLIBC_PIN_TARGET}), ")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "g++ | c++-compiler")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake, meson, lld")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
