#!/usr/bin/env python3
"""What a toolchain's prebuilt archives ask of glibc that an old target lacks.

usage: scripts/toolchain-demand.py [--root DIR] [--target 2.17]

Reads the undefined symbols of every archive and start file a link can take from the
toolchains under DIR (default /): GCC's libstdc++.a, libsupc++.a, libstdc++exp.a,
libgcc.a, libgcc_eh.a, clang's compiler-rt builtins, glibc's libc_nonshared.a and crt
files. For each glibc interface they reference that the target does not have, prints
the release that added it, the members that reference it, and what glibc-pin does:
"shim" (src/shims/shims.tsv) or "REFUSED". Run it inside a build root
(scripts/buildroot.sh run trixie scripts/toolchain-demand.py) or with --root.
"""
import argparse, glob, os, subprocess, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def release_key(text):
    return tuple(int(p) for p in text.split('.'))


def first_release_by_symbol(tsv):
    """symbol -> the first glibc release that exports it from any library."""
    first = {}
    for line in open(tsv):
        if line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        if len(f) < 6 or f[1] == '-':
            continue
        if f[1] not in first or release_key(f[5]) < release_key(first[f[1]]):
            first[f[1]] = f[5]
    return first


def shimmed(tsv):
    out = {}
    for line in open(tsv):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 3 and f[0] != 'symbol' and not line.startswith('#'):
            out[f[0]] = f[2]
    return out


def inputs(root):
    pats = ['usr/lib/gcc/x86_64-linux-gnu/*/libstdc++.a', 'usr/lib/gcc/x86_64-linux-gnu/*/libsupc++.a',
            'usr/lib/gcc/x86_64-linux-gnu/*/libstdc++exp.a', 'usr/lib/gcc/x86_64-linux-gnu/*/libstdc++fs.a',
            'usr/lib/gcc/x86_64-linux-gnu/*/libgcc.a', 'usr/lib/gcc/x86_64-linux-gnu/*/libgcc_eh.a',
            'usr/lib/gcc/x86_64-linux-gnu/*/crt*.o',
            'usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.builtins-x86_64.a',
            'usr/lib/llvm-*/lib/clang/*/lib/x86_64-pc-linux-gnu/libclang_rt.builtins.a',
            'usr/lib/x86_64-linux-gnu/libc_nonshared.a', 'usr/lib/x86_64-linux-gnu/*crt*.o']
    found = []
    for p in pats:
        found += sorted(glob.glob(os.path.join(root, p)))
    return [f for f in found if os.path.isfile(f) and not os.path.islink(f)]


def undefined(path):
    """(member, symbol) for each undefined symbol of an archive or object."""
    out = subprocess.run(['nm', '-A', '-u', path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        where, _, rest = line.rpartition(': ') if ': ' in line else ('', '', line)
        parts = line.split()
        if len(parts) < 3 or parts[-2] not in ('U', 'w'):
            continue
        name = parts[-1].split('@')[0]
        member = parts[0].rstrip(':')
        yield member, name, parts[-2] == 'w'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', default='/')
    ap.add_argument('--target', default='2.17')
    args = ap.parse_args()
    first = first_release_by_symbol(os.path.join(REPO, 'symver-maps', 'x86_64.tsv'))
    shims = shimmed(os.path.join(REPO, 'src', 'shims', 'shims.tsv'))
    target = release_key(args.target)
    wanted = defaultdict(set)
    weak = defaultdict(bool)
    for path in inputs(args.root):
        for member, name, is_weak in undefined(path):
            if name in first and release_key(first[name]) > target:
                rel = os.path.relpath(member, args.root) if member.startswith(args.root) else member
                wanted[name].add(rel.replace('usr/lib/gcc/x86_64-linux-gnu/', ''))
                weak[name] = weak[name] or is_weak
    refused = 0
    print(f'# glibc interfaces the toolchain archives under {args.root} reference that glibc {args.target} lacks')
    print('symbol\tadded\tglibc-pin\treferenced by')
    for name in sorted(wanted, key=lambda n: (release_key(first[n]), n)):
        how = 'shim' if name in shims else ('weak: unresolved, allowed' if weak[name] else 'REFUSED')
        refused += how == 'REFUSED'
        members = sorted(wanted[name])
        shown = ', '.join(members[:4]) + (f' (+{len(members) - 4})' if len(members) > 4 else '')
        print(f'{name}\t{first[name]}\t{how}\t{shown}')
    return 1 if refused else 0


if __name__ == '__main__':
    sys.exit(main())
