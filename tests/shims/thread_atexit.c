/* __cxa_thread_atexit_impl (glibc 2.18; libstdc++.a calls it for thread_local objects with
 * destructors): destructors registered in a thread run when it exits, newest first, each with
 * its argument, also those registered by a destructor; those of the main thread run at exit(). */
#include "shim_test.h"
#include <pthread.h>
#include <stdlib.h>

extern void *__dso_handle;
int __cxa_thread_atexit_impl(void (*destructor)(void *), void *arg, void *dso_symbol);

static void say(void *arg)
{
  printf("  destructor %s\n", (const char *)arg);
  fflush(stdout);
}

static void registers_another(void *arg)
{
  printf("  destructor %s registers one more\n", (const char *)arg);
  __cxa_thread_atexit_impl(say, "added by a destructor", &__dso_handle);
}

static void *thread(void *arg)
{
  printf("thread %s starts\n", (const char *)arg);
  REPORT("register first", __cxa_thread_atexit_impl(say, "first", &__dso_handle));
  REPORT("register second", __cxa_thread_atexit_impl(registers_another, "second", &__dso_handle));
  REPORT("register third", __cxa_thread_atexit_impl(say, "third", &__dso_handle));
  printf("thread %s returns\n", (const char *)arg);
  fflush(stdout);
  return NULL;
}

static void *exits_early(void *arg)
{
  __cxa_thread_atexit_impl(say, "of a thread that calls pthread_exit", &__dso_handle);
  pthread_exit(arg);
}

int main(void)
{
  pthread_t t;
  pthread_create(&t, NULL, thread, "A");
  pthread_join(t, NULL);
  printf("joined A\n");
  pthread_create(&t, NULL, exits_early, NULL);
  pthread_join(t, NULL);
  printf("joined B\n");
  __cxa_thread_atexit_impl(say, "of the main thread", &__dso_handle);
  printf("main calls exit\n");
  fflush(stdout);
  exit(0);
}
