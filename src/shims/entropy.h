/* Internal helpers shared by the randomness shims (entropy.c). */
#ifndef GLIBCPIN_ENTROPY_H
#define GLIBCPIN_ENTROPY_H
#include "shim.h"
#include <stddef.h>
#include <sys/types.h>

/* The getrandom flag values of the kernel ABI (sys/random.h may be absent). */
#define GLIBCPIN_GRND_NONBLOCK 0x1
#define GLIBCPIN_GRND_RANDOM 0x2

/* getrandom(2) semantics; on ENOSYS one read() of /dev/(u)random instead. */
SHIM ssize_t glibcpin_getrandom(void *buf, size_t len, unsigned int flags);
/* One read() of /dev/urandom, or /dev/random with GLIBCPIN_GRND_RANDOM. */
SHIM ssize_t glibcpin_urandom_read(void *buf, size_t len, int flags);
/* Fill all of buf; retries on EINTR and short reads.  0, or -1 with errno. */
SHIM int glibcpin_fill_random(void *buf, size_t len);
#endif
