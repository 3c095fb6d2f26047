/* The C11 threads API (<threads.h>): added in glibc 2.28 (thrd_*, mtx_*, cnd_*, tss_*,
 * call_once; in libpthread until 2.34).  Built on pthreads as glibc builds it, with C11's
 * results: 0 -> thrd_success, ENOMEM -> thrd_nomem, ETIMEDOUT -> thrd_timedout,
 * EBUSY -> thrd_busy, any other error -> thrd_error.  The C11 types are the pthread ones
 * under other names (thrd_t = pthread_t, mtx_t/cnd_t are unions of pthread_mutex_t/
 * pthread_cond_t's size, tss_t = pthread_key_t, once_flag = pthread_once_t), so objects made
 * here work with the real functions of a newer glibc and back.
 * Limits: a thread's start routine returns int; it is run by a small trampoline that needs
 * one malloc per thrd_create (thrd_nomem when it fails). */
#include "shim.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

_Static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t), "mtx_t is a pthread_mutex_t");
_Static_assert(sizeof(cnd_t) == sizeof(pthread_cond_t), "cnd_t is a pthread_cond_t");
_Static_assert(sizeof(tss_t) == sizeof(pthread_key_t), "tss_t is a pthread_key_t");
_Static_assert(sizeof(once_flag) == sizeof(pthread_once_t), "once_flag is a pthread_once_t");

static int c11_result(int error)
{
  switch (error) {
  case 0:
    return thrd_success;
  case ENOMEM:
    return thrd_nomem;
  case ETIMEDOUT:
    return thrd_timedout;
  case EBUSY:
    return thrd_busy;
  default:
    return thrd_error;
  }
}

struct c11_start {
  thrd_start_t func;
  void *arg;
};

static void *run_c11_thread(void *data)
{
  struct c11_start start = *(struct c11_start *)data;
  free(data);
  return (void *)(intptr_t)start.func(start.arg);
}

SHIM int thrd_create(thrd_t *thread, thrd_start_t func, void *arg)
{
  struct c11_start *start = malloc(sizeof *start);
  if (start == NULL)
    return thrd_nomem;
  start->func = func;
  start->arg = arg;
  int error = pthread_create(thread, NULL, run_c11_thread, start);
  if (error != 0)
    free(start);
  return c11_result(error);
}

SHIM int thrd_equal(thrd_t a, thrd_t b)
{
  return pthread_equal(a, b);
}

SHIM thrd_t thrd_current(void)
{
  return pthread_self();
}

/* As glibc: -1 when a signal interrupted the sleep, -2 for any other failure; errno is kept. */
SHIM int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
  int error = clock_nanosleep(CLOCK_REALTIME, 0, duration, remaining);
  return error == 0 ? 0 : error == EINTR ? -1 : -2;
}

SHIM void thrd_exit(int result)
{
  pthread_exit((void *)(intptr_t)result);
}

SHIM int thrd_detach(thrd_t thread)
{
  return c11_result(pthread_detach(thread));
}

SHIM int thrd_join(thrd_t thread, int *result)
{
  void *value;
  int error = pthread_join(thread, &value);
  if (error == 0 && result != NULL)
    *result = (int)(intptr_t)value;
  return c11_result(error);
}

SHIM void thrd_yield(void)
{
  sched_yield();
}

/* mtx_timed makes no difference on pthreads; mtx_recursive does; other bits are ignored. */
SHIM int mtx_init(mtx_t *mutex, int type)
{
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  int recursive = type == (mtx_plain | mtx_recursive) || type == (mtx_timed | mtx_recursive);
  pthread_mutexattr_settype(&attr, recursive ? PTHREAD_MUTEX_RECURSIVE : PTHREAD_MUTEX_NORMAL);
  int error = pthread_mutex_init((pthread_mutex_t *)mutex, &attr);
  pthread_mutexattr_destroy(&attr);
  return c11_result(error);
}

SHIM int mtx_lock(mtx_t *mutex)
{
  return c11_result(pthread_mutex_lock((pthread_mutex_t *)mutex));
}

/* C11's deadline is TIME_UTC, CLOCK_REALTIME's. */
SHIM int mtx_timedlock(mtx_t *restrict mutex, const struct timespec *restrict deadline)
{
  return c11_result(pthread_mutex_timedlock((pthread_mutex_t *)mutex, deadline));
}

SHIM int mtx_trylock(mtx_t *mutex)
{
  return c11_result(pthread_mutex_trylock((pthread_mutex_t *)mutex));
}

SHIM int mtx_unlock(mtx_t *mutex)
{
  return c11_result(pthread_mutex_unlock((pthread_mutex_t *)mutex));
}

SHIM void mtx_destroy(mtx_t *mutex)
{
  pthread_mutex_destroy((pthread_mutex_t *)mutex);
}

SHIM void call_once(once_flag *flag, void (*func)(void))
{
  pthread_once((pthread_once_t *)flag, func);
}

SHIM int cnd_init(cnd_t *cond)
{
  return c11_result(pthread_cond_init((pthread_cond_t *)cond, NULL));
}

SHIM int cnd_signal(cnd_t *cond)
{
  return c11_result(pthread_cond_signal((pthread_cond_t *)cond));
}

SHIM int cnd_broadcast(cnd_t *cond)
{
  return c11_result(pthread_cond_broadcast((pthread_cond_t *)cond));
}

SHIM int cnd_wait(cnd_t *cond, mtx_t *mutex)
{
  return c11_result(pthread_cond_wait((pthread_cond_t *)cond, (pthread_mutex_t *)mutex));
}

SHIM int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mutex,
                       const struct timespec *restrict deadline)
{
  return c11_result(
      pthread_cond_timedwait((pthread_cond_t *)cond, (pthread_mutex_t *)mutex, deadline));
}

SHIM void cnd_destroy(cnd_t *cond)
{
  pthread_cond_destroy((pthread_cond_t *)cond);
}

SHIM int tss_create(tss_t *key, tss_dtor_t destructor)
{
  return c11_result(pthread_key_create(key, destructor));
}

SHIM void *tss_get(tss_t key)
{
  return pthread_getspecific(key);
}

SHIM int tss_set(tss_t key, void *value)
{
  return c11_result(pthread_setspecific(key, value));
}

SHIM void tss_delete(tss_t key)
{
  pthread_key_delete(key);
}
