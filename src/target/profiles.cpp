// Named targets. The glibc version of each is that of the distribution's release as shipped
// (its libc6 / glibc package version); the C++ runtime levels come with the verifier.
#include "target/target.hpp"

namespace glibcpin {

static const Profile profile_table[] = {
    {"centos6", {2, 12}, "CentOS 6 / RHEL 6 (glibc-2.12)"},
    {"centos7", {2, 17}, "CentOS 7 (glibc-2.17)"},
    {"rhel7", {2, 17}, "RHEL 7 (glibc-2.17)"},
    {"manylinux2014", {2, 17}, "PEP 599 manylinux2014 = manylinux_2_17"},
    {"manylinux_2_17", {2, 17}, "PEP 600 manylinux_2_17"},
    {"amazonlinux2", {2, 26}, "Amazon Linux 2 (glibc-2.26)"},
    {"rhel8", {2, 28}, "RHEL 8 / Rocky 8 / Alma 8 (glibc-2.28)"},
    {"manylinux_2_28", {2, 28}, "PEP 600 manylinux_2_28"},
    {"rhel9", {2, 34}, "RHEL 9 (glibc-2.34)"},
    {"debian10", {2, 28}, "Debian 10 buster (libc6 2.28)"},
    {"debian11", {2, 31}, "Debian 11 bullseye (libc6 2.31)"},
    {"debian12", {2, 36}, "Debian 12 bookworm (libc6 2.36)"},
    {"debian13", {2, 41}, "Debian 13 trixie (libc6 2.41)"},
    {"ubuntu18.04", {2, 27}, "Ubuntu 18.04 bionic (libc6 2.27)"},
    {"ubuntu20.04", {2, 31}, "Ubuntu 20.04 focal (libc6 2.31)"},
    {"ubuntu22.04", {2, 35}, "Ubuntu 22.04 jammy (libc6 2.35)"},
    {"ubuntu24.04", {2, 39}, "Ubuntu 24.04 noble (libc6 2.39)"},
    {"sles12", {2, 22}, "SUSE Linux Enterprise 12 SP4+ (glibc-2.22)"},
    {"sles15", {2, 26}, "SUSE Linux Enterprise 15 (glibc-2.26)"},
};

std::span<const Profile> profiles() {
  return profile_table;
}

}  // namespace glibcpin
