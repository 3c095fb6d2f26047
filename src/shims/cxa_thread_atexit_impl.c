/* __cxa_thread_atexit_impl: added in glibc 2.18.  It registers the destructor
 * of a C++ thread_local object, to run when the thread exits.
 *
 * Debian 12's libstdc++.a calls it with a STRONG reference (no fallback), so
 * -static-libstdc++ programs with thread_local objects need it on 2.17.
 * (Rust std and libstdc++.so of old GCCs use a weak reference and carry their
 * own fallback.)
 *
 * Each thread keeps a list, run newest first: from a pthread key destructor
 * when the thread exits, and for the thread that calls exit() from a handler
 * registered with __cxa_atexit on first use.
 *
 * Limits: dso_symbol is ignored, so a dlclose()d library whose thread_local
 * destructors are still pending is not kept loaded (glibc pins it); the
 * exiting thread's destructors run among the atexit handlers in registration
 * order, not strictly before all static destructors.  Needs libpthread on
 * targets < 2.34 (pthread_key_create). */
#include "shim.h"
#include <pthread.h>
#include <stdlib.h>

extern int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);

struct tls_dtor {
  void (*fn)(void *);
  void *obj;
  struct tls_dtor *next;
};

static __thread struct tls_dtor *tls_dtors;
static pthread_key_t exit_key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void run_tls_dtors(void *unused)
{
  (void)unused;
  /* A destructor may register more: pop one at a time. */
  while (tls_dtors != NULL) {
    struct tls_dtor *d = tls_dtors;
    tls_dtors = d->next;
    d->fn(d->obj);
    free(d);
  }
}

static void setup(void)
{
  pthread_key_create(&exit_key, run_tls_dtors);
  __cxa_atexit(run_tls_dtors, NULL, NULL);
}

SHIM int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso_symbol)
{
  (void)dso_symbol;
  pthread_once(&once, setup);
  struct tls_dtor *d = malloc(sizeof *d);
  if (d == NULL)
    return -1;
  d->fn = fn;
  d->obj = obj;
  d->next = tls_dtors;
  tls_dtors = d;
  /* The key's destructor only runs for threads with a non-NULL value. */
  pthread_setspecific(exit_key, d);
  return 0;
}
