/* Common prelude for every glibc-pin shim.
 *
 * A shim stands in for a libc interface that the target glibc lacks.  It is
 * compiled into a per-target archive that is linked before libc, so that an
 * undefined reference the target cannot satisfy is resolved here instead.
 *
 * Shims are defined with hidden visibility: each executable or shared library
 * gets its own private copy, and nothing is exported that could interpose on
 * the real libc symbol when the binary later runs on a newer glibc. */
#ifndef GLIBCPIN_SHIM_H
#define GLIBCPIN_SHIM_H

/* The shims define symbols under their plain names: make sure no build flag
 * renames them behind our back (-D_FILE_OFFSET_BITS=64 turns stat into stat64,
 * _FORTIFY_SOURCE adds inline wrappers). */
#undef _FILE_OFFSET_BITS
#undef _TIME_BITS
#undef _FORTIFY_SOURCE
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#define SHIM __attribute__((visibility("hidden")))

/* Shims call the target's interfaces by their plain names: the target's stub
 * libc binds them to the right version.  No .symver here on purpose: mold
 * 1.10 (Debian 12) silently drops a .symver reference to a symbol's default
 * version and the call jumps to garbage at run time. */

#endif
