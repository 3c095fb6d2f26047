/* Differential test of the clock-aware waits (glibc 2.30/2.31): pthread_cond_clockwait,
 * pthread_mutex_clocklock, pthread_rwlock_clockrdlock/clockwrlock, sem_clockwait and
 * pthread_clockjoin_np.  Prints one line per case: the result (error names), and for waits
 * that must time out whether they took their time ("on time": at least the timeout, less than
 * the timeout plus a generous slack).  The output on the host's real glibc is the reference;
 * the shims on old glibc must print the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MS 150
#define SLACK_MS 2000

static const char *name_of(int error)
{
  switch (error) {
  case 0: return "0";
  case EINVAL: return "EINVAL";
  case ETIMEDOUT: return "ETIMEDOUT";
  case EDEADLK: return "EDEADLK";
  case EBUSY: return "EBUSY";
  case EINTR: return "EINTR";
  case EAGAIN: return "EAGAIN";
  case EPERM: return "EPERM";
  case ESRCH: return "ESRCH";
  default: return strerror(error);
  }
}

static struct timespec now(clockid_t clock)
{
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts;
}

static struct timespec in_ms(clockid_t clock, long ms)
{
  struct timespec ts = now(clock);
  long long ns = ts.tv_nsec + (ms % 1000) * 1000000LL;
  ts.tv_sec += ms / 1000 + ns / 1000000000LL;
  ts.tv_nsec = ns % 1000000000LL;
  if (ts.tv_nsec < 0) {
    ts.tv_nsec += 1000000000LL;
    ts.tv_sec -= 1;
  }
  return ts;
}

/* Milliseconds on `clock` since `start` (taken on the same clock: CLOCK_REALTIME and
 * CLOCK_MONOTONIC may run at slightly different rates). */
static long long ms_on(clockid_t clock, struct timespec start)
{
  struct timespec end = now(clock);
  return (end.tv_sec - start.tv_sec) * 1000LL + (end.tv_nsec - start.tv_nsec) / 1000000LL;
}

static long long ms_since(struct timespec start)
{
  struct timespec end = now(CLOCK_MONOTONIC);
  return (end.tv_sec - start.tv_sec) * 1000LL + (end.tv_nsec - start.tv_nsec) / 1000000LL;
}

static const char *timing(long long ms, long expected)
{
  if (ms < expected)
    return "EARLY";
  if (ms >= expected + SLACK_MS)
    return "LATE";
  return "on time";
}

static void sleep_ms(long ms)
{
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

static const char *clock_name(clockid_t clock)
{
  return clock == CLOCK_MONOTONIC ? "MONOTONIC" : clock == CLOCK_REALTIME ? "REALTIME" : "other";
}

/* ---- condition variables ---- */
static pthread_mutex_t cv_mutex;
static int cv_flag;

static void timed_out_cond(const char *what, pthread_cond_t *cond, clockid_t clock)
{
  pthread_mutex_lock(&cv_mutex);
  struct timespec start = now(clock);
  struct timespec deadline = in_ms(clock, TIMEOUT_MS);
  int r;
  /* Zero is a spurious wake-up: wait again for the same deadline, as every caller does. */
  do
    r = pthread_cond_clockwait(cond, &cv_mutex, clock, &deadline);
  while (r == 0);
  long long ms = ms_on(clock, start);
  printf("cond %s %s: %s %s, mutex held: %s\n", what, clock_name(clock), name_of(r),
         timing(ms, TIMEOUT_MS), pthread_mutex_unlock(&cv_mutex) == 0 ? "yes" : "no");
}

static void *set_flag_and_signal(void *arg)
{
  sleep_ms(50);
  pthread_mutex_lock(&cv_mutex);
  cv_flag = 1;
  pthread_cond_broadcast(arg);
  pthread_mutex_unlock(&cv_mutex);
  return NULL;
}

static void cond_cases(void)
{
  pthread_mutexattr_t mattr;
  pthread_mutexattr_init(&mattr);
  pthread_mutexattr_settype(&mattr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&cv_mutex, &mattr);

  pthread_cond_t realtime_cond = PTHREAD_COND_INITIALIZER, monotonic_cond;
  pthread_condattr_t cattr;
  pthread_condattr_init(&cattr);
  pthread_condattr_setclock(&cattr, CLOCK_MONOTONIC);
  pthread_cond_init(&monotonic_cond, &cattr);

  timed_out_cond("default", &realtime_cond, CLOCK_MONOTONIC);
  timed_out_cond("default", &realtime_cond, CLOCK_REALTIME);
  timed_out_cond("monotonic", &monotonic_cond, CLOCK_MONOTONIC);
  timed_out_cond("monotonic", &monotonic_cond, CLOCK_REALTIME);

  struct timespec past = in_ms(CLOCK_MONOTONIC, -1000), zero = {0, 0}, negative = {-1, 0};
  struct timespec bad_nsec = in_ms(CLOCK_MONOTONIC, 1000), bad_nsec_neg = bad_nsec;
  bad_nsec.tv_nsec = 1000000000;
  bad_nsec_neg.tv_nsec = -1;
  pthread_mutex_lock(&cv_mutex);
  printf("cond past: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_MONOTONIC, &past)));
  printf("cond zero: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_REALTIME, &zero)));
  printf("cond negative: %s\n", name_of(pthread_cond_clockwait(&monotonic_cond, &cv_mutex, CLOCK_MONOTONIC, &negative)));
  printf("cond negative realtime: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_REALTIME, &negative)));
  printf("cond nsec=1e9: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_MONOTONIC, &bad_nsec)));
  printf("cond nsec=-1: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_REALTIME, &bad_nsec_neg)));
  printf("cond CLOCK_PROCESS_CPUTIME_ID: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_PROCESS_CPUTIME_ID, &bad_nsec)));
  printf("cond CLOCK_BOOTTIME: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_BOOTTIME, &past)));
  printf("cond CLOCK_MONOTONIC_RAW: %s\n", name_of(pthread_cond_clockwait(&realtime_cond, &cv_mutex, CLOCK_MONOTONIC_RAW, &past)));
  pthread_mutex_unlock(&cv_mutex);

  /* Woken by another thread, long before a 10 s deadline, on each clock and condvar. */
  pthread_cond_t *conds[2] = {&realtime_cond, &monotonic_cond};
  clockid_t clocks[2] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
  for (int c = 0; c < 2; c++)
    for (int k = 0; k < 2; k++) {
      cv_flag = 0;
      pthread_t t;
      pthread_mutex_lock(&cv_mutex);
      pthread_create(&t, NULL, set_flag_and_signal, conds[c]);
      struct timespec start = now(CLOCK_MONOTONIC), deadline = in_ms(clocks[k], 10000);
      int r = 0;
      while (!cv_flag && r == 0)
        r = pthread_cond_clockwait(conds[c], &cv_mutex, clocks[k], &deadline);
      long long ms = ms_since(start);
      pthread_mutex_unlock(&cv_mutex);
      pthread_join(t, NULL);
      printf("cond %s %s signalled: %s flag=%d %s\n", c ? "monotonic" : "default",
             clock_name(clocks[k]), name_of(r), cv_flag, ms < 5000 ? "woken" : "LATE");
    }
  pthread_cond_destroy(&monotonic_cond);
}

/* ---- mutexes ---- */
static pthread_mutex_t held_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t held_rwlock = PTHREAD_RWLOCK_INITIALIZER;
static sem_t hold_done, hold_ready;

static void *hold_mutex(void *arg)
{
  (void)arg;
  pthread_mutex_lock(&held_mutex);
  sem_post(&hold_ready);
  sem_wait(&hold_done);
  pthread_mutex_unlock(&held_mutex);
  return NULL;
}

static void *hold_rwlock(void *writer)
{
  if (writer)
    pthread_rwlock_wrlock(&held_rwlock);
  else
    pthread_rwlock_rdlock(&held_rwlock);
  sem_post(&hold_ready);
  sem_wait(&hold_done);
  pthread_rwlock_unlock(&held_rwlock);
  return NULL;
}

static void *unlock_mutex_later(void *arg)
{
  (void)arg;
  sleep_ms(50);
  pthread_mutex_unlock(&held_mutex);
  return NULL;
}

static void mutex_cases(void)
{
  struct timespec past = in_ms(CLOCK_MONOTONIC, -1000), negative = {-5, 0};
  struct timespec bad_nsec = in_ms(CLOCK_MONOTONIC, 1000);
  bad_nsec.tv_nsec = 1000000000;
  struct timespec soon = in_ms(CLOCK_MONOTONIC, 1000);

  printf("mutex free MONOTONIC: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &soon)));
  pthread_mutex_unlock(&held_mutex);
  printf("mutex free REALTIME past: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_REALTIME, &past)));
  pthread_mutex_unlock(&held_mutex);
  printf("mutex free bad clock: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_PROCESS_CPUTIME_ID, &soon)));
  int r = pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &bad_nsec);
  printf("mutex free nsec=1e9: %s\n", name_of(r));
  if (r == 0)
    pthread_mutex_unlock(&held_mutex);

  pthread_t holder;
  pthread_create(&holder, NULL, hold_mutex, NULL);
  sem_wait(&hold_ready);
  clockid_t clocks[2] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
  for (int k = 0; k < 2; k++) {
    struct timespec start = now(clocks[k]), deadline = in_ms(clocks[k], TIMEOUT_MS);
    r = pthread_mutex_clocklock(&held_mutex, clocks[k], &deadline);
    printf("mutex held %s: %s %s\n", clock_name(clocks[k]), name_of(r), timing(ms_on(clocks[k], start), TIMEOUT_MS));
  }
  printf("mutex held past: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &past)));
  printf("mutex held negative: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &negative)));
  printf("mutex held negative realtime: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_REALTIME, &negative)));
  printf("mutex held nsec=1e9: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &bad_nsec)));
  printf("mutex held CLOCK_BOOTTIME: %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_BOOTTIME, &soon)));
  sem_post(&hold_done);
  pthread_join(holder, NULL);

  /* Released by another thread while we wait. */
  pthread_mutex_lock(&held_mutex);
  pthread_t releaser;
  pthread_create(&releaser, NULL, unlock_mutex_later, NULL);
  pthread_join(releaser, NULL);  /* a normal mutex may be unlocked by another thread */
  struct timespec start = now(CLOCK_MONOTONIC), far = in_ms(CLOCK_MONOTONIC, 10000);
  printf("mutex released: %s %s\n", name_of(pthread_mutex_clocklock(&held_mutex, CLOCK_MONOTONIC, &far)),
         ms_since(start) < 5000 ? "woken" : "LATE");
  pthread_mutex_unlock(&held_mutex);

  pthread_mutexattr_t attr;
  pthread_mutex_t errorcheck, recursive;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&errorcheck, &attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&recursive, &attr);
  pthread_mutex_lock(&errorcheck);
  printf("mutex errorcheck relock: %s\n", name_of(pthread_mutex_clocklock(&errorcheck, CLOCK_MONOTONIC, &soon)));
  pthread_mutex_lock(&recursive);
  printf("mutex recursive relock: %s\n", name_of(pthread_mutex_clocklock(&recursive, CLOCK_MONOTONIC, &soon)));
  const char *first = name_of(pthread_mutex_unlock(&recursive));
  const char *second = name_of(pthread_mutex_unlock(&recursive));
  const char *third = name_of(pthread_mutex_unlock(&recursive));
  printf("mutex recursive unlocks: %s %s %s\n", first, second, third);
}

/* ---- rwlocks ---- */
static void rwlock_cases(void)
{
  struct timespec past = in_ms(CLOCK_MONOTONIC, -1000), negative = {-5, 0};
  struct timespec bad_nsec = in_ms(CLOCK_MONOTONIC, 1000);
  bad_nsec.tv_nsec = 1000000000;
  struct timespec soon = in_ms(CLOCK_MONOTONIC, 1000);

  printf("rwlock free rd past: %s\n", name_of(pthread_rwlock_clockrdlock(&held_rwlock, CLOCK_MONOTONIC, &past)));
  pthread_rwlock_unlock(&held_rwlock);
  printf("rwlock free wr negative: %s\n", name_of(pthread_rwlock_clockwrlock(&held_rwlock, CLOCK_REALTIME, &negative)));
  printf("rwlock own wr, wr: %s\n", name_of(pthread_rwlock_clockwrlock(&held_rwlock, CLOCK_MONOTONIC, &soon)));
  printf("rwlock own wr, rd: %s\n", name_of(pthread_rwlock_clockrdlock(&held_rwlock, CLOCK_MONOTONIC, &soon)));
  pthread_rwlock_unlock(&held_rwlock);
  printf("rwlock free rd nsec=1e9: %s\n", name_of(pthread_rwlock_clockrdlock(&held_rwlock, CLOCK_MONOTONIC, &bad_nsec)));
  printf("rwlock free wr nsec=1e9: %s\n", name_of(pthread_rwlock_clockwrlock(&held_rwlock, CLOCK_REALTIME, &bad_nsec)));
  printf("rwlock free rd bad clock: %s\n", name_of(pthread_rwlock_clockrdlock(&held_rwlock, CLOCK_PROCESS_CPUTIME_ID, &soon)));
  printf("rwlock free wr CLOCK_BOOTTIME: %s\n", name_of(pthread_rwlock_clockwrlock(&held_rwlock, CLOCK_BOOTTIME, &soon)));

  clockid_t clocks[2] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
  for (int writer = 1; writer >= 0; writer--) {
    pthread_t holder;
    pthread_create(&holder, NULL, hold_rwlock, writer ? (void *)1 : NULL);
    sem_wait(&hold_ready);
    for (int k = 0; k < 2; k++) {
      struct timespec start = now(clocks[k]), deadline = in_ms(clocks[k], TIMEOUT_MS);
      int r = pthread_rwlock_clockwrlock(&held_rwlock, clocks[k], &deadline);
      printf("rwlock %s held, wr %s: %s %s\n", writer ? "writer" : "reader", clock_name(clocks[k]),
             name_of(r), timing(ms_on(clocks[k], start), TIMEOUT_MS));
      start = now(clocks[k]);
      deadline = in_ms(clocks[k], TIMEOUT_MS);
      r = pthread_rwlock_clockrdlock(&held_rwlock, clocks[k], &deadline);
      if (writer)
        printf("rwlock writer held, rd %s: %s %s\n", clock_name(clocks[k]), name_of(r),
               timing(ms_on(clocks[k], start), TIMEOUT_MS));
      else
        printf("rwlock reader held, rd %s: %s\n", clock_name(clocks[k]), name_of(r));
      if (r == 0)
        pthread_rwlock_unlock(&held_rwlock);
    }
    printf("rwlock %s held, wr past: %s\n", writer ? "writer" : "reader",
           name_of(pthread_rwlock_clockwrlock(&held_rwlock, CLOCK_MONOTONIC, &past)));
    sem_post(&hold_done);
    pthread_join(holder, NULL);
  }
}

/* ---- semaphores ---- */
static void on_signal(int sig) { (void)sig; }

static void *post_later(void *sem)
{
  sleep_ms(50);
  sem_post(sem);
  return NULL;
}

static void *interrupt_later(void *thread)
{
  sleep_ms(50);
  pthread_kill(*(pthread_t *)thread, SIGUSR1);
  return NULL;
}

static void sem_case(const char *what, sem_t *sem, clockid_t clock, const struct timespec *deadline)
{
  errno = 0;
  int r = sem_clockwait(sem, clock, deadline);
  int value = -1;
  sem_getvalue(sem, &value);
  printf("sem %s: %d %s value=%d\n", what, r, r == 0 ? "-" : name_of(errno), value);
}

static void sem_cases(void)
{
  sem_t sem;
  sem_init(&sem, 0, 1);
  struct timespec past = in_ms(CLOCK_MONOTONIC, -1000), negative = {-5, 0};
  struct timespec bad_nsec = in_ms(CLOCK_MONOTONIC, 1000);
  bad_nsec.tv_nsec = 1000000000;
  struct timespec soon = in_ms(CLOCK_MONOTONIC, 1000);

  sem_case("value 1, bad clock", &sem, CLOCK_PROCESS_CPUTIME_ID, &soon);
  sem_case("value 1, CLOCK_BOOTTIME", &sem, CLOCK_BOOTTIME, &soon);
  sem_case("value 1, nsec=1e9", &sem, CLOCK_MONOTONIC, &bad_nsec);
  sem_case("value 1, past", &sem, CLOCK_MONOTONIC, &past);
  sem_case("value 0, past", &sem, CLOCK_MONOTONIC, &past);
  sem_case("value 0, negative", &sem, CLOCK_MONOTONIC, &negative);
  sem_case("value 0, negative realtime", &sem, CLOCK_REALTIME, &negative);

  clockid_t clocks[2] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
  for (int k = 0; k < 2; k++) {
    struct timespec start = now(clocks[k]), deadline = in_ms(clocks[k], TIMEOUT_MS);
    errno = 0;
    int r = sem_clockwait(&sem, clocks[k], &deadline);
    printf("sem value 0 %s: %d %s %s\n", clock_name(clocks[k]), r, name_of(errno),
           timing(ms_on(clocks[k], start), TIMEOUT_MS));
  }
  for (int k = 0; k < 2; k++) {
    pthread_t poster;
    pthread_create(&poster, NULL, post_later, &sem);
    struct timespec start = now(CLOCK_MONOTONIC), deadline = in_ms(clocks[k], 10000);
    int r = sem_clockwait(&sem, clocks[k], &deadline);
    printf("sem posted %s: %d %s\n", clock_name(clocks[k]), r, ms_since(start) < 5000 ? "woken" : "LATE");
    pthread_join(poster, NULL);
  }

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;  /* no SA_RESTART: the wait must end with EINTR */
  sigaction(SIGUSR1, &sa, NULL);
  pthread_t self = pthread_self(), interrupter;
  pthread_create(&interrupter, NULL, interrupt_later, &self);
  struct timespec deadline = in_ms(CLOCK_MONOTONIC, 10000);
  errno = 0;
  int r = sem_clockwait(&sem, CLOCK_MONOTONIC, &deadline);
  printf("sem interrupted: %d %s\n", r, name_of(errno));
  pthread_join(interrupter, NULL);
  sem_destroy(&sem);
}

/* ---- pthread_clockjoin_np ---- */
static void *sleep_then_return(void *arg)
{
  sleep_ms(400);
  return arg;
}

static void *return_at_once(void *arg) { return arg; }

static void join_cases(void)
{
  /* Not tested: a tv_nsec out of range, which glibc 2.31 refuses (EINVAL) and later ones ignore
   * (the join waits for the thread). */
  struct timespec past = in_ms(CLOCK_MONOTONIC, -1000), soon = in_ms(CLOCK_MONOTONIC, 1000);
  pthread_t t;
  void *value = NULL;
  clockid_t clocks[2] = {CLOCK_MONOTONIC, CLOCK_REALTIME};
  for (int k = 0; k < 2; k++) {
    pthread_create(&t, NULL, sleep_then_return, (void *)42);
    struct timespec start = now(clocks[k]), deadline = in_ms(clocks[k], TIMEOUT_MS);
    int r = pthread_clockjoin_np(t, &value, clocks[k], &deadline);
    printf("join running %s: %s %s\n", clock_name(clocks[k]), name_of(r), timing(ms_on(clocks[k], start), TIMEOUT_MS));
    printf("join running bad clock: %s\n", name_of(pthread_clockjoin_np(t, &value, CLOCK_PROCESS_CPUTIME_ID, &soon)));
    r = pthread_clockjoin_np(t, &value, clocks[k], NULL);
    printf("join no deadline: %s value=%ld\n", name_of(r), (long)value);
  }
  pthread_create(&t, NULL, return_at_once, (void *)7);
  sleep_ms(50);
  int r = pthread_clockjoin_np(t, &value, CLOCK_MONOTONIC, &past);
  printf("join finished, past deadline: %s value=%ld\n", name_of(r), (long)value);
  printf("join self: %s\n", name_of(pthread_clockjoin_np(pthread_self(), &value, CLOCK_MONOTONIC, &soon)));
}

int main(void)
{
  setvbuf(stdout, NULL, _IOLBF, 0);
  alarm(100);  /* a wait on the wrong clock would never end */
  sem_init(&hold_done, 0, 0);
  sem_init(&hold_ready, 0, 0);
  cond_cases();
  mutex_cases();
  rwlock_cases();
  sem_cases();
  join_cases();
  printf("done\n");
  return 0;
}
