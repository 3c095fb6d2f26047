/* __libc_single_threaded: a data symbol added in glibc 2.32.  libstdc++ (and
 * other runtimes) read it to skip atomic operations while the process has a
 * single thread; libc clears it on the first pthread_create.
 *
 * An old libc never updates our copy, so it must say "maybe multi-threaded":
 * 0 is always correct, it only costs the atomic operations that libstdc++
 * did unconditionally before 2.32. */
#include "shim.h"

SHIM char __libc_single_threaded = 0;
