// The databases compiled into the binary, one per architecture.
#pragma once

#include <span>
#include <string_view>

#include "database/arch_db.hpp"

namespace glibcpin {

// Every embedded architecture (defined in the generated embedded_registry.cpp).
std::span<const PackedArch* const> embedded_archs();

// The architecture glibc-pin itself runs on ("x86_64", "i386", "aarch64").
std::string_view host_arch();

// The embedded database of `arch`; throws Error naming the known ones when there is none.
ArchDb open_arch(std::string_view arch);

// True when a database for `arch` is embedded (x86_64, i386, aarch64).
bool has_database(std::string_view arch);

}  // namespace glibcpin
