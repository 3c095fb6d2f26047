#!/usr/bin/env python3
"""make-elf.py VARIANT OUT: writes a small x86_64 ELF shared object needing puts@GLIBC_2.2.5 from
libc.so.6 (variant 'valid'), or a crafted broken one. Built from scratch with struct, so each
variant breaks exactly one field the checker reads."""
import struct, sys

def build(v):
    interp = b"/lib64/ld-linux-x86-64.so.2\0"
    dynstr = b"\0libc.so.6\0GLIBC_2.2.5\0puts\0"
    if v == "pthread-libc-only":  # pthread_create@GLIBC_2.2.5 from libc.so.6 alone
        dynstr = b"\0libc.so.6\0GLIBC_2.2.5\0pthread_create\0"
    LIBC, GLIBC, PUTS = 1, 11, 23
    ehdr_size, ph_size, phnum = 64, 56, 3
    o_interp = ehdr_size + ph_size * phnum
    o_str = o_interp + len(interp)
    o_sym = (o_str + len(dynstr) + 7) & ~7
    o_versym = o_sym + 2 * 24
    o_verneed = (o_versym + 4 + 7) & ~7
    o_hash = o_verneed + 32
    o_dyn = (o_hash + 16 + 7) & ~7
    dyn = [(1, LIBC), (5, o_str), (10, len(dynstr)), (6, o_sym), (11, 24), (4, o_hash),
           (0x6ffffff0, o_versym), (0x6ffffffe, o_verneed), (0x6fffffff, 1), (0, 0)]
    if v == "strtab-unmapped":
        dyn[1] = (5, 0x7fff0000)
    if v == "strsz-huge":
        dyn[2] = (10, 1 << 40)
    if v == "strsz-cut":  # the last string loses its NUL
        dyn[2] = (10, len(dynstr) - 1)
    if v == "needed-index-huge":
        dyn[0] = (1, 0xffffff)
    if v == "verneednum-huge":
        dyn[8] = (0x6fffffff, 0xffffffff)
    if v == "no-strtab":
        dyn[1] = (0x70000000, 0)
    if v == "gnu-hash-endless":
        dyn[5] = (0x6ffffef5, o_hash)
    size = o_dyn + 16 * len(dyn)
    b = bytearray(size)
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    if v == "bad-class":
        ident = b"\x7fELF" + bytes([7, 1, 1, 0]) + bytes(8)
    if v == "bad-data":
        ident = b"\x7fELF" + bytes([2, 9, 1, 0]) + bytes(8)
    phoff, phentsize, n = ehdr_size, ph_size, phnum
    if v == "phoff-huge":
        phoff = 0xfffffffffffffff0
    if v == "phnum-huge":
        n = 0xffff
    if v == "phentsize-small":
        phentsize = 8
    shoff, shnum = 0, 0
    if v == "shnum-huge":
        shoff, shnum = 64, 0xffff
    struct.pack_into("<16sHHIQQQIHHHHHH", b, 0, ident, 3, 62, 1, 0, phoff, shoff, 0, 64,
                     phentsize, n, 64, shnum, 0)
    load = (1, 5, 0, 0, 0, size, size, 0x1000)
    dynamic = (2, 6, o_dyn, o_dyn, o_dyn, 16 * len(dyn), 16 * len(dyn), 8)
    if v == "dynamic-outside":
        dynamic = (2, 6, 1 << 50, o_dyn, o_dyn, 16 * len(dyn), 16 * len(dyn), 8)
    if v == "dynamic-size-huge":
        dynamic = (2, 6, o_dyn, o_dyn, o_dyn, 1 << 62, 1 << 62, 8)
    pint = (3, 4, o_interp, o_interp, o_interp, len(interp), len(interp), 1)
    if v == "interp-outside":
        pint = (3, 4, size - 4, o_interp, o_interp, 4096, 4096, 1)
    for i, (t, f, off, va, pa, fs, ms, al) in enumerate([load, dynamic, pint]):
        struct.pack_into("<IIQQQQQQ", b, 64 + i * 56, t, f, off, va, pa, fs, ms, al)
    b[o_interp:o_interp + len(interp)] = interp
    b[o_str:o_str + len(dynstr)] = dynstr
    struct.pack_into("<IBBHQQ", b, o_sym + 24, PUTS, 0x12, 0, 0, 0, 0)
    struct.pack_into("<HH", b, o_versym, 0, 2)
    vn_next = 0x10000000 if v == "verneed-next-huge" else 0
    vn_aux = 0xfffffff0 if v == "vernaux-outside" else 16
    struct.pack_into("<HHIII", b, o_verneed, 1, 1, LIBC, vn_aux, vn_next)
    vna_name = 0xffffffff if v == "version-name-index-huge" else GLIBC
    struct.pack_into("<IHHII", b, o_verneed + 16, 0x09691a75, 0, 2, vna_name, 0)
    if v == "gnu-hash-endless":  # 1 bucket pointing at symbol 1, chain words never odd
        struct.pack_into("<IIII", b, o_hash, 1, 1, 0, 6)
        b[o_hash + 16:o_dyn] = b"\x02" * (o_dyn - o_hash - 16)
        struct.pack_into("<I", b, o_hash + 16, 1)
    else:
        nchain = 0xffffffff if v == "nchain-huge" else 2
        struct.pack_into("<IIII", b, o_hash, 1, nchain, 1, 0)
    for i, (tag, val) in enumerate(dyn):
        struct.pack_into("<qQ", b, o_dyn + 16 * i, tag, val)
    if v == "truncated-header":
        return bytes(b[:40])
    return bytes(b)

VARIANTS = ["valid", "pthread-libc-only", "bad-class", "bad-data", "phoff-huge", "phnum-huge", "phentsize-small",
            "shnum-huge", "dynamic-outside", "dynamic-size-huge", "interp-outside",
            "strtab-unmapped", "strsz-huge", "strsz-cut", "needed-index-huge", "verneednum-huge",
            "verneed-next-huge", "vernaux-outside", "version-name-index-huge", "nchain-huge",
            "gnu-hash-endless", "no-strtab", "truncated-header"]

if __name__ == "__main__":
    if sys.argv[1] == "--list":
        print("\n".join(VARIANTS))
    else:
        open(sys.argv[2], "wb").write(build(sys.argv[1]))
