#!/usr/bin/env python3
"""Generate symver-maps/<arch>.tsv, glibc-pin's symbol-version database.

Facts come from two kinds of sources:
  * glibc's own ABI lists (sysdeps/.../*.abilist) at every release: which symbol@version each library
    exports, its kind and data size. Read from a git history of glibc (release tags glibc-2.N) and,
    for releases newer than that history, from a release tarball (Debian's glibc-source ships one).
  * real glibc binaries ("observations", --observed ARCH:RELEASE=DIR): whether a symbol's newest
    version is the default (@@) one or a compat-only (@) one. ABI lists do not record that, and it
    depends on how glibc was configured (Debian 2.31 keeps the Sun RPC symbols linkable, upstream 2.28
    does not), so it is taken from binaries and interpolated between them (see default_status).

The output format is documented in symver-maps/FORMAT.md.
"""
import argparse
import collections
import fnmatch
import os
import re
import subprocess
import sys
import tarfile

ARCHES = {
    # arch: (ABI-list directories, most specific first; base version; dynamic loader soname)
    "x86_64": (["sysdeps/unix/sysv/linux/x86_64/64/nptl", "sysdeps/unix/sysv/linux/x86_64/64",
                "sysdeps/unix/sysv/linux/x86_64"], "GLIBC_2.2.5", "ld-linux-x86-64.so.2"),
    "i386": (["sysdeps/unix/sysv/linux/i386/nptl", "sysdeps/unix/sysv/linux/i386"],
             "GLIBC_2.0", "ld-linux.so.2"),
    "aarch64": (["ports/sysdeps/unix/sysv/linux/aarch64/nptl", "sysdeps/unix/sysv/linux/aarch64"],
                "GLIBC_2.17", "ld-linux-aarch64.so.1"),
}

SONAMES = {
    "libc": "libc.so.6", "libm": "libm.so.6", "libpthread": "libpthread.so.0", "libdl": "libdl.so.2",
    "librt": "librt.so.1", "libutil": "libutil.so.1", "libanl": "libanl.so.1",
    "libresolv": "libresolv.so.2", "libcrypt": "libcrypt.so.1", "libnsl": "libnsl.so.1",
    "libBrokenLocale": "libBrokenLocale.so.1", "libthread_db": "libthread_db.so.1",
    "libmvec": "libmvec.so.1", "libc_malloc_debug": "libc_malloc_debug.so.0",
}

FIRST_RELEASE = (2, 17)  # the first release with ABI lists for x86_64, i386 and aarch64
# x86_64 releases before that are derived from the Versions files (see derive_from_versions_files).
OLDEST_X86_64 = (2, 12)  # CentOS 6

# Path components of a sysdeps directory whose Versions files apply to x86_64.
X86_64_SYSDEPS = {"sysdeps", "unix", "sysv", "linux", "x86_64", "x86", "nptl", "pthread", "ieee754",
                  "ldbl-96", "dbl-64", "flt-32", "wordsize-64", "generic", "posix", "fpu", "multiarch",
                  "64", "elf", "htl"}


def release_key(text):
    return tuple(int(x) for x in text.split("."))


def release_name(key):
    return ".".join(str(x) for x in key)


def version_key(version):
    """GLIBC_2.2.5 -> (2, 2, 5); compares numerically, so 2.2.5 < 2.3 < 2.10. Marker nodes
    without a number (GLIBC_ABI_DT_RELR) sort after every numbered one."""
    number = version.split("_", 1)[1]
    if not re.fullmatch(r"[0-9.]+", number):
        return (1 << 30, number)
    return tuple(int(x) for x in number.split("."))


# --- reading ABI lists ---------------------------------------------------------------------------

def parse_abilist(text):
    """Return ({(symbol, version): (kind, size)}, {version nodes}).

    Two formats exist. Before ~2.24 a version line is followed by indented entries
    (" memcpy F", " stdout D 0x8", " GLIBC_2.2.5 A"); later each line is "VERSION SYMBOL KIND [SIZE]".
    """
    symbols, nodes = {}, set()
    current = None
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = line.split()
        if line[0].isspace():
            version, rest = current, fields
        elif len(fields) == 1:
            current = fields[0]
            continue
        else:
            version, rest = fields[0], fields[1:]
        # GLIBC_x and, on i386, the unwinder's GCC_3.0 that libc still exports.
        if version is None or version == "GLIBC_PRIVATE" or \
                not version.startswith(("GLIBC_", "GCC_")):
            continue
        name, kind = rest[0], rest[1]
        size = int(rest[2], 16) if len(rest) > 2 else 0
        nodes.add(version)
        if kind == "A":
            continue
        if kind not in ("F", "D", "T"):
            raise ValueError(f"unknown ABI-list kind {kind!r} in line {line!r}")
        symbols[(name, version)] = (kind, size if kind != "F" else 0)
    return symbols, nodes


class GitSource:
    """ABI lists of one release tag in a glibc git history."""

    def __init__(self, git_dir, tag):
        self.git_dir, self.tag = git_dir, tag
        out = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", tag],
                             check=True, capture_output=True, text=True).stdout
        self.paths = {p for p in out.splitlines() if p.endswith(".abilist")}

    def read(self, path):
        return subprocess.run(["git", "--git-dir", self.git_dir, "show", f"{self.tag}:{path}"],
                              check=True, capture_output=True, text=True).stdout


class TarSource:
    """ABI lists inside a glibc-X.Y.tar.xz release tarball."""

    def __init__(self, tar_path):
        self.files = {}
        with tarfile.open(tar_path) as tar:
            for member in tar:
                if member.isfile() and member.name.endswith(".abilist"):
                    path = member.name.split("/", 1)[1]
                    self.files[path] = tar.extractfile(member).read().decode()
        self.paths = set(self.files)

    def read(self, path):
        return self.files[path]


def read_release(source, arch):
    """{soname: ({(symbol, version): (kind, size)}, {nodes})} for one release and architecture."""
    dirs, _, ld_soname = ARCHES[arch]
    chosen = {}
    for directory in reversed(dirs):  # later (more specific) directories override
        for path in source.paths:
            if os.path.dirname(path) == directory:
                chosen[os.path.basename(path)[:-len(".abilist")]] = path
    libraries = {}
    for lib, path in chosen.items():
        if lib == "ld":
            soname = ld_soname
        elif lib in SONAMES:
            soname = SONAMES[lib]
        else:
            raise ValueError(f"{path}: no soname known for library {lib}")
        libraries[soname] = parse_abilist(source.read(path))
    return libraries


# --- x86_64 releases before the ABI lists -------------------------------------------------------

def read_versions_files(git_dir, tag):
    """{(soname, symbol, version)} from the Versions files of a release that apply to x86_64.

    A Versions file lists, per library, the symbols each version node introduced there:
    "libc { GLIBC_2.0 { memcpy; ... } }". Preprocessor lines (%if...) are ignored, which keeps both
    branches; files of other architectures are left out.
    """
    out = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", tag],
                         check=True, capture_output=True, text=True).stdout
    entries = set()
    for path in out.splitlines():
        if os.path.basename(path) != "Versions":
            continue
        parts = path.split("/")[:-1]
        if "sysdeps" in parts and not set(parts[parts.index("sysdeps"):]) <= X86_64_SYSDEPS:
            continue
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{tag}:{path}"],
                              check=True, capture_output=True, text=True).stdout
        lines = [line.split("#", 1)[0] for line in text.splitlines()
                 if not line.lstrip().startswith("%")]
        tokens = re.findall(r"[A-Za-z_*][A-Za-z0-9_.*]*|[{};]", "\n".join(lines))
        stack = []  # [library, version] while inside their blocks
        for token, following in zip(tokens, tokens[1:] + [""]):
            if following == "{":
                stack.append(token)
            elif token == "}":
                stack.pop()
            elif len(stack) == 2 and token not in ("{", ";"):
                entries.add((stack[0], token, stack[1]))
    return entries


def x86_64_version(version):
    """Versions files name the generic nodes; x86_64 starts at GLIBC_2.2.5."""
    if not version.startswith("GLIBC_") or version == "GLIBC_PRIVATE":
        return None
    return "GLIBC_2.2.5" if version_key(version) <= (2, 2, 5) else version


def derive_from_versions_files(git_dir, tag, release, reference):
    """x86_64 exports of an old release: the entries of the first ABI-listed release (`reference`)
    whose version is not newer than the release and whose name the release's own Versions files
    list for that library. Kinds and sizes come from the reference. Checked: deriving 2.17, 2.19,
    2.21 and 2.23 this way from 2.24's lists reproduces their own lists exactly."""
    names, patterns = set(), collections.defaultdict(list)
    for lib, name, version in read_versions_files(git_dir, tag):
        soname = ARCHES["x86_64"][2] if lib == "ld" else SONAMES.get(lib)
        mapped = x86_64_version(version)
        if soname and mapped:
            names.add((soname, name))
            if "*" in name:  # e.g. "__strto*_internal;"
                patterns[(soname, mapped)].append(name)

    def is_listed(soname, name, version):
        # The name under any version: some nodes are made by glibc's own scripts (the errlist and
        # siglist compat versions, posix_spawn@GLIBC_2.15), not listed under their own version.
        return (soname, name) in names or any(
            fnmatch.fnmatchcase(name, pattern) for pattern in patterns[(soname, version)])

    libraries = {}
    for soname, (symbols, nodes) in reference.items():
        kept = {key: value for key, value in symbols.items()
                if version_key(key[1]) <= release and is_listed(soname, key[0], key[1])}
        if kept:
            libraries[soname] = (kept, {v for v in nodes if version_key(v) <= release})
    return libraries


# --- reading real binaries -----------------------------------------------------------------------

MARKER_NODES = "nodes"  # key in an observed library's table: the version nodes it defines


def observe_directory(directory):
    """{soname: {symbol: {version: is_default}}} from the dynamic symbol tables of real libraries;
    under MARKER_NODES, the version nodes it defines: ABI lists miss those without symbols
    (GLIBC_ABI_DT_RELR, i386 librt's GLIBC_2.3.3)."""
    result = {}
    for root, _, files in os.walk(directory):
        for file in sorted(files):
            path = os.path.join(root, file)
            if os.path.islink(path) or ".so" not in file:
                continue
            dyn = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True).stdout
            match = re.search(r"\(SONAME\)\s+Library soname: \[(.*?)\]", dyn)
            if not match or match.group(1) in result:
                continue
            table = collections.defaultdict(dict)
            syms = subprocess.run(["readelf", "--dyn-syms", "-W", path],
                                  capture_output=True, text=True).stdout
            for line in syms.splitlines():
                # "Num: Value Size Type Bind Vis [flags like VARIANT_PCS] Ndx Name"
                fields = line.split()
                if len(fields) < 8 or fields[-2] in ("UND", "ABS") or "@" not in fields[-1]:
                    continue
                default = "@@" in fields[-1]
                name, version = fields[-1].replace("@@", "@").split("@", 1)
                if version.startswith(("GLIBC_", "GCC_")) and version != "GLIBC_PRIVATE":
                    table[name][version] = default
            versions = subprocess.run(["readelf", "-V", "-W", path],
                                      capture_output=True, text=True).stdout
            definitions = versions.split("Version definition section", 1)[-1]
            definitions = definitions.split("Version needs section", 1)[0]
            table[MARKER_NODES] = set(re.findall(r"Flags: none .*Name: ((?:GLIBC|GCC)_[A-Z0-9_.]+)",
                                                 definitions)) - {"GLIBC_PRIVATE"}
            result[match.group(1)] = table
    return result


# --- default / compat status ---------------------------------------------------------------------

def is_default(observations, arch, release, lib, name, version, newest):
    """Whether lib:name@version is the default (@@) version at `release`.

    `newest` says whether it is the newest version of the name in the library's ABI list there.
    An observation of a real binary of this arch at this release decides. Otherwise observations in
    which the version had the same standing (newest or not) are interpolated: the nearest before and
    after (this arch's own first, else any arch's); equal statuses carry over; a change between them
    is placed at the later one when the earlier observation is this arch's own, else the later
    observation is taken (a symbol seen compat-only at an architecture's first observation is taken
    to have been compat-only before it). Unobserved: the newest version is the default, others not.
    (An exception the observations catch: on i386 from 2.34, lseek64@@GLIBC_2.1 stays the default
    although libpthread's lseek64@GLIBC_2.2 moved into libc beside it.)
    """
    def status(obs_lib):
        versions = obs_lib.get(name) if name != MARKER_NODES else None
        if not versions or version not in versions:
            return None
        if (max(versions, key=version_key) == version) != newest:
            return None
        return versions[version]

    exact = observations.get((arch, release), {}).get(lib)
    if exact is not None and status(exact) is not None:
        return status(exact)
    before, after = {}, {}
    for (obs_arch, obs_release), libs in observations.items():
        if lib not in libs:
            continue
        own = obs_arch == arch
        seen = status(libs[lib]) if own else cross_arch_status(libs[lib], name, newest)
        if seen is None:
            continue
        side = before if obs_release < release else after
        side.setdefault(own, []).append((obs_release, seen))
    prev = pick(before, latest=True)
    nxt = pick(after, latest=False)
    if prev is None and nxt is None:
        return newest
    if prev is None:
        return nxt[1]
    if nxt is None or prev[1] == nxt[1]:
        return prev[1]
    return prev[1] if prev[2] else nxt[1]


def cross_arch_status(obs_lib, name, newest):
    """Another arch's status of the newest version of `name` (its version names may differ);
    nothing for older versions, which cannot be matched across architectures."""
    versions = obs_lib.get(name) if name != MARKER_NODES else None
    if not versions or not newest:
        return None
    return versions[max(versions, key=version_key)]


def pick(side, latest):
    """Nearest observation on one side, this arch's own preferred: (release, status, own)."""
    for own in (True, False):
        if side.get(own):
            release, seen = (max if latest else min)(side[own])
            return release, seen, own
    return None


# --- building rows -------------------------------------------------------------------------------

def build_rows(arch, releases, per_release, observations):
    """Turn per-release states into runs: (lib, sym, ver, kind, size, first, last, default)."""
    states = collections.defaultdict(dict)  # (lib, sym, ver) -> {release: (kind, size, default)}
    defined = collections.defaultdict(set)  # lib -> version nodes defined so far
    for release in releases:
        for lib, (symbols, nodes) in per_release[release].items():
            # Newer ABI lists only name versions that have symbols; glibc never drops a version
            # node, so one defined before stays defined (ld.so's empty GLIBC_2.4, for one).
            defined[lib] |= nodes | {version for (_, version) in symbols}
            markers = observations.get((arch, release), {}).get(lib, {}).get(MARKER_NODES, set())
            defined[lib] |= markers
            newest = {}
            for (name, version) in symbols:
                if name not in newest or version_key(version) > version_key(newest[name]):
                    newest[name] = version
            for (name, version), (kind, size) in symbols.items():
                default = is_default(observations, arch, release, lib, name, version,
                                     version == newest[name])
                states[(lib, name, version)][release] = (kind, size, default)
            for version in defined[lib]:
                states[(lib, "-", version)][release] = ("V", 0, False)

    rows = []
    order = {release: i for i, release in enumerate(releases)}
    for (lib, name, version), by_release in states.items():
        run = None
        for release in releases:
            state = by_release.get(release)
            if run and state and state[:2] == run["kind_size"] and state[2] == run["default"] \
                    and order[release] == order[run["last"]] + 1:
                run["last"] = release
                continue
            if run:
                rows.append(finish(lib, name, version, run))
            run = None if state is None else {"kind_size": state[:2], "default": state[2],
                                              "first": release, "last": release}
        if run:
            rows.append(finish(lib, name, version, run))
    return merge_default_runs(rows)


def finish(lib, name, version, run):
    kind, size = run["kind_size"]
    default = (run["first"], run["last"]) if run["default"] else None
    return [lib, name, version, kind, size, run["first"], run["last"], default]


def merge_default_runs(rows):
    """A default run directly followed by a compat run of the same symbol@version becomes one row."""
    rows.sort(key=lambda r: (r[0], r[1], version_key(r[2]), r[5]))
    merged = []
    for row in rows:
        last = merged[-1] if merged else None
        if last and last[:5] == row[:5] and last[7] is not None and row[7] is None \
                and last[7][1] == last[6] and is_next(last[6], row[5]):
            last[6] = row[6]
            continue
        merged.append(row)
    return merged


def is_next(a, b):
    return b in NEXT_RELEASE and NEXT_RELEASE[b] == a


NEXT_RELEASE = {}  # release -> the release before it, filled in main()


def write_table(path, arch, releases, rows, observed_releases):
    _, base, _ = ARCHES[arch]
    libraries = sorted({row[0] for row in rows})
    with open(path, "w") as out:
        out.write("# glibc-pin symbol-version database (generated by scripts/gen-symver-maps.py;"
                  " do not edit)\n")
        out.write(f"# arch: {arch}\n# base-version: {base}\n")
        out.write(f"# releases: {' '.join(release_name(r) for r in releases)}\n")
        out.write("# default-status-observed-at: "
                  f"{' '.join(release_name(r) for r in observed_releases)}\n")
        out.write(f"# libraries: {' '.join(libraries)}\n")
        out.write("# library\tsymbol\tversion\tkind\tsize\tfirst\tlast\tdefault\n")
        for lib, name, version, kind, size, first, last, default in rows:
            default_text = "-" if default is None else \
                f"{release_name(default[0])}-{release_name(default[1])}"
            out.write(f"{lib}\t{name}\t{version}\t{kind}\t{size}\t{release_name(first)}\t"
                      f"{release_name(last)}\t{default_text}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glibc-git", required=True, help="git directory of a glibc history")
    parser.add_argument("--release-tarball", action="append", default=[],
                        help="glibc-X.Y.tar.xz for a release newer than the history")
    parser.add_argument("--observed", action="append", default=[], metavar="ARCH:RELEASE=DIR",
                        help="directory of real glibc libraries of that arch and release")
    parser.add_argument("--out", required=True, help="output directory (symver-maps)")
    args = parser.parse_args()

    tags = subprocess.run(["git", "--git-dir", args.glibc_git, "tag", "--list", "glibc-2.*"],
                          check=True, capture_output=True, text=True).stdout.split()
    sources = {}
    for tag in tags:
        if re.fullmatch(r"glibc-2\.\d+", tag) and release_key(tag[6:]) >= FIRST_RELEASE:
            sources[release_key(tag[6:])] = GitSource(args.glibc_git, tag)
    for tarball in args.release_tarball:
        match = re.search(r"glibc-(2\.\d+)\.tar", os.path.basename(tarball))
        if not match:
            sys.exit(f"gen-symver-maps: cannot tell the release of {tarball}")
        sources[release_key(match.group(1))] = TarSource(tarball)
    releases = sorted(sources)
    everything = [(2, minor) for minor in range(OLDEST_X86_64[1], FIRST_RELEASE[1])] + releases
    for before, after in zip(everything, everything[1:]):
        NEXT_RELEASE[after] = before

    observations = {}
    for item in args.observed:
        match = re.fullmatch(r"(\w+):(2\.\d+)=(.+)", item)
        if not match or match.group(1) not in ARCHES:
            sys.exit(f"gen-symver-maps: bad --observed {item!r} (want ARCH:2.N=DIR)")
        observations[(match.group(1), release_key(match.group(2)))] = observe_directory(match.group(3))

    for arch in ARCHES:
        per_release = {release: read_release(sources[release], arch) for release in releases}
        if arch == "x86_64":
            for minor in range(OLDEST_X86_64[1], FIRST_RELEASE[1]):
                release = (2, minor)
                per_release[release] = derive_from_versions_files(
                    args.glibc_git, f"glibc-2.{minor}", release, per_release[FIRST_RELEASE])
            releases_here = sorted(per_release)
        else:
            releases_here = releases
        arch_releases = [r for r in releases_here if per_release[r]]
        rows = build_rows(arch, arch_releases, per_release, observations)
        observed = sorted(r for (a, r) in observations if a == arch)
        write_table(os.path.join(args.out, f"{arch}.tsv"), arch, arch_releases, rows, observed)
        print(f"{arch}: {len(arch_releases)} releases "
              f"{release_name(arch_releases[0])}..{release_name(arch_releases[-1])}, {len(rows)} rows")


if __name__ == "__main__":
    main()
