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
 * Each executable or library has its own hidden copy of this shim, and its
 * handlers point into it.  So, like glibc, the first registration pins the
 * object that holds this copy (dlopen RTLD_NODELETE): a dlclose()d plugin with
 * thread_local objects stays mapped, and its handlers stay callable at exit.
 *
 * Limits: the exiting thread's destructors run among the atexit handlers in
 * registration order, not strictly before all static destructors.  Needs
 * libpthread and libdl on targets < 2.34 (the stub libc.so script adds them). */
#include "shim.h"
#include <dlfcn.h>
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

/* Keeps the object holding this copy of the shim loaded for good.  (For the
 * main program dlopen finds nothing to pin, and it is never unloaded.) */
static void keep_loaded(void)
{
  Dl_info info;
  if (dladdr((void *)run_tls_dtors, &info) && info.dli_fname && info.dli_fname[0])
    dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

static void setup(void)
{
  keep_loaded();
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
