/* Differential test of the C11 threads API (<threads.h>, glibc 2.28): results, thread
 * results, mutex kinds, timed waits (with their timing), condition variables, thread-specific
 * storage with destructors, call_once and thrd_sleep.  The output on the host's real glibc is
 * the reference; the shims on older glibc must print the same. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include <time.h>

#define TIMEOUT_MS 150
#define SLACK_MS 2000

static const char *result_name(int r)
{
  switch (r) {
  case thrd_success: return "thrd_success";
  case thrd_busy: return "thrd_busy";
  case thrd_error: return "thrd_error";
  case thrd_nomem: return "thrd_nomem";
  case thrd_timedout: return "thrd_timedout";
  default: return "unknown";
  }
}

static struct timespec monotonic_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts;
}

static long long ms_since(struct timespec start)
{
  struct timespec end = monotonic_now();
  return (end.tv_sec - start.tv_sec) * 1000LL + (end.tv_nsec - start.tv_nsec) / 1000000LL;
}

/* Milliseconds since `start`, on the TIME_UTC clock of the C11 deadlines (it may run at a
 * slightly different rate than CLOCK_MONOTONIC). */
static long long utc_ms_since(struct timespec start)
{
  struct timespec end;
  timespec_get(&end, TIME_UTC);
  return (end.tv_sec - start.tv_sec) * 1000LL + (end.tv_nsec - start.tv_nsec) / 1000000LL;
}

static struct timespec utc_now(void)
{
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return ts;
}

static const char *timing(long long ms, long expected)
{
  return ms < expected ? "EARLY" : ms >= expected + SLACK_MS ? "LATE" : "on time";
}

static struct timespec utc_in_ms(long ms)
{
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  long long ns = ts.tv_nsec + ms * 1000000LL;
  ts.tv_sec += ns / 1000000000LL;
  ts.tv_nsec = ns % 1000000000LL;
  if (ts.tv_nsec < 0) {
    ts.tv_nsec += 1000000000LL;
    ts.tv_sec -= 1;
  }
  return ts;
}

static void sleep_ms(long ms)
{
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  thrd_sleep(&ts, NULL);
}

/* ---- threads and their results ---- */
static thrd_t main_thread;

static int returns_arg(void *arg) { return (int)(long)arg; }

static void exit_from_a_callee(void)
{
  thrd_exit(77);
}

static int exits_early(void *arg)
{
  (void)arg;
  exit_from_a_callee();
  return 1;
}

static int checks_identity(void *arg)
{
  (void)arg;
  return thrd_equal(thrd_current(), main_thread) ? 1 : 2;
}

static volatile sig_atomic_t detached_ran;
static int detached(void *arg)
{
  (void)arg;
  detached_ran = 1;
  return 0;
}

static void thread_cases(void)
{
  main_thread = thrd_current();
  printf("thrd_equal self: %s\n", thrd_equal(thrd_current(), main_thread) ? "yes" : "no");
  /* glibc's <threads.h> inlines thrd_equal when optimizing; through a pointer, the function. */
  int (*volatile equal)(thrd_t, thrd_t) = thrd_equal;
  printf("thrd_equal (the function) self: %s\n", equal(thrd_current(), main_thread) ? "yes" : "no");
  long args[3] = {0, 42, -7};
  for (int i = 0; i < 3; i++) {
    thrd_t t;
    int r = thrd_create(&t, returns_arg, (void *)args[i]);
    int result = 12345;
    int j = thrd_join(t, &result);
    printf("thrd_create/join returns %ld: %s %s result=%d\n", args[i], result_name(r), result_name(j), result);
  }
  thrd_t t;
  int result = 0;
  thrd_create(&t, exits_early, NULL);
  int joined = thrd_join(t, &result);
  printf("thrd_exit(77): %s result=%d\n", result_name(joined), result);
  thrd_create(&t, checks_identity, NULL);
  thrd_join(t, &result);
  printf("thrd_current in thread differs from main: %s\n", result == 2 ? "yes" : "no");
  thrd_create(&t, returns_arg, (void *)5);
  printf("thrd_join NULL result: %s\n", result_name(thrd_join(t, NULL)));
  thrd_create(&t, detached, NULL);
  printf("thrd_detach: %s\n", result_name(thrd_detach(t)));
  for (int i = 0; i < 200 && !detached_ran; i++)
    sleep_ms(10);
  printf("detached thread ran: %s\n", detached_ran ? "yes" : "no");
  thrd_yield();
  printf("thrd_yield: returned\n");
}

/* ---- thrd_sleep ---- */
static void on_signal(int sig) { (void)sig; }

static int interrupt_main(void *arg)
{
  sleep_ms(50);
  pthread_kill(*(thrd_t *)arg, SIGUSR1);
  return 0;
}

static void sleep_cases(void)
{
  struct timespec start = monotonic_now(), d = {0, TIMEOUT_MS * 1000000L};
  int r = thrd_sleep(&d, NULL);
  printf("thrd_sleep %d ms: %d %s\n", TIMEOUT_MS, r, timing(ms_since(start), TIMEOUT_MS));
  struct timespec bad = {0, 1000000000L};
  errno = 0;
  r = thrd_sleep(&bad, NULL);
  printf("thrd_sleep nsec=1e9: %d errno=%s\n", r, errno == 0 ? "unchanged" : strerror(errno));
  struct timespec negative = {-1, 0};
  printf("thrd_sleep negative: %d\n", thrd_sleep(&negative, NULL));

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGUSR1, &sa, NULL);
  thrd_t self = thrd_current(), t;
  thrd_create(&t, interrupt_main, &self);
  struct timespec ten = {10, 0}, remaining = {0, 0};
  errno = 0;
  r = thrd_sleep(&ten, &remaining);
  printf("thrd_sleep interrupted: %d remaining>5s=%s errno=%s\n", r,
         remaining.tv_sec >= 5 ? "yes" : "no", errno == 0 ? "unchanged" : strerror(errno));
  thrd_join(t, NULL);
}

/* ---- mutexes ---- */
static mtx_t counter_mutex;
static long counter;

static int count_up(void *arg)
{
  (void)arg;
  for (int i = 0; i < 20000; i++) {
    mtx_lock(&counter_mutex);
    counter++;
    mtx_unlock(&counter_mutex);
  }
  return 0;
}

static mtx_t held;
static cnd_t held_cnd;
static int hold_state;  /* 0 start, 1 holding, 2 release */

static int hold_mutex(void *arg)
{
  (void)arg;
  mtx_lock(&held);
  mtx_lock(&counter_mutex);
  hold_state = 1;
  cnd_broadcast(&held_cnd);
  while (hold_state != 2)
    cnd_wait(&held_cnd, &counter_mutex);
  mtx_unlock(&counter_mutex);
  mtx_unlock(&held);
  return 0;
}

static int try_from_other_thread(void *m)
{
  return mtx_trylock(m);
}

static void mutex_cases(void)
{
  int types[5] = {mtx_plain, mtx_timed, mtx_plain | mtx_recursive, mtx_timed | mtx_recursive, 42};
  const char *names[5] = {"plain", "timed", "plain|recursive", "timed|recursive", "42"};
  for (int i = 0; i < 5; i++) {
    mtx_t m;
    int r = mtx_init(&m, types[i]);
    int lock = mtx_lock(&m);
    int again = mtx_trylock(&m);
    thrd_t t;
    int other = -1;
    thrd_create(&t, try_from_other_thread, &m);
    thrd_join(t, &other);
    int unlocks = mtx_unlock(&m);
    if (again == thrd_success)
      mtx_unlock(&m);
    printf("mtx %s: init %s lock %s trylock-again %s other-thread %s unlock %s\n", names[i],
           result_name(r), result_name(lock), result_name(again), result_name(other),
           result_name(unlocks));
    mtx_destroy(&m);
  }

  mtx_init(&counter_mutex, mtx_plain);
  thrd_t workers[4];
  for (int i = 0; i < 4; i++)
    thrd_create(&workers[i], count_up, NULL);
  for (int i = 0; i < 4; i++)
    thrd_join(workers[i], NULL);
  printf("mtx counter: %ld\n", counter);

  mtx_init(&held, mtx_timed);
  cnd_init(&held_cnd);
  thrd_t holder;
  thrd_create(&holder, hold_mutex, NULL);
  mtx_lock(&counter_mutex);
  while (hold_state != 1)
    cnd_wait(&held_cnd, &counter_mutex);
  mtx_unlock(&counter_mutex);
  struct timespec start = utc_now(), deadline = utc_in_ms(TIMEOUT_MS);
  int r = mtx_timedlock(&held, &deadline);
  printf("mtx_timedlock held: %s %s\n", result_name(r), timing(utc_ms_since(start), TIMEOUT_MS));
  struct timespec past = utc_in_ms(-1000), bad = utc_in_ms(1000);
  bad.tv_nsec = 1000000000L;
  printf("mtx_timedlock held, past: %s\n", result_name(mtx_timedlock(&held, &past)));
  printf("mtx_timedlock held, nsec=1e9: %s\n", result_name(mtx_timedlock(&held, &bad)));
  printf("mtx_trylock held: %s\n", result_name(mtx_trylock(&held)));
  mtx_lock(&counter_mutex);
  hold_state = 2;
  cnd_broadcast(&held_cnd);
  mtx_unlock(&counter_mutex);
  deadline = utc_in_ms(10000);
  start = monotonic_now();
  r = mtx_timedlock(&held, &deadline);
  printf("mtx_timedlock released: %s %s\n", result_name(r), ms_since(start) < 5000 ? "woken" : "LATE");
  mtx_unlock(&held);
  thrd_join(holder, NULL);
  mtx_destroy(&held);
}

/* ---- condition variables ---- */
static mtx_t queue_mutex;
static cnd_t queue_cnd;
static int queue_items, woken;

static int wait_for_item(void *arg)
{
  (void)arg;
  mtx_lock(&queue_mutex);
  while (queue_items == 0)
    cnd_wait(&queue_cnd, &queue_mutex);
  queue_items--;
  woken++;
  mtx_unlock(&queue_mutex);
  return 0;
}

static void cond_cases(void)
{
  printf("cnd_init: %s\n", result_name(cnd_init(&queue_cnd)));
  mtx_init(&queue_mutex, mtx_plain);
  mtx_lock(&queue_mutex);
  struct timespec start = utc_now(), deadline = utc_in_ms(TIMEOUT_MS);
  int r;
  do
    r = cnd_timedwait(&queue_cnd, &queue_mutex, &deadline);
  while (r == thrd_success);
  printf("cnd_timedwait: %s %s\n", result_name(r), timing(utc_ms_since(start), TIMEOUT_MS));
  struct timespec past = utc_in_ms(-1000), bad = utc_in_ms(1000);
  bad.tv_nsec = 1000000000L;
  printf("cnd_timedwait past: %s\n", result_name(cnd_timedwait(&queue_cnd, &queue_mutex, &past)));
  printf("cnd_timedwait nsec=1e9: %s\n", result_name(cnd_timedwait(&queue_cnd, &queue_mutex, &bad)));
  mtx_unlock(&queue_mutex);

  thrd_t waiters[3];
  for (int i = 0; i < 3; i++)
    thrd_create(&waiters[i], wait_for_item, NULL);
  sleep_ms(50);
  mtx_lock(&queue_mutex);
  queue_items = 1;
  printf("cnd_signal: %s\n", result_name(cnd_signal(&queue_cnd)));
  mtx_unlock(&queue_mutex);
  sleep_ms(50);
  mtx_lock(&queue_mutex);
  queue_items += 2;
  printf("cnd_broadcast: %s\n", result_name(cnd_broadcast(&queue_cnd)));
  mtx_unlock(&queue_mutex);
  for (int i = 0; i < 3; i++)
    thrd_join(waiters[i], NULL);
  printf("cnd woken: %d left: %d\n", woken, queue_items);
  cnd_destroy(&queue_cnd);
  mtx_destroy(&queue_mutex);
}

/* ---- tss and call_once ---- */
static tss_t key;
static int destructor_calls, destructor_sum;
static mtx_t tss_mutex;

static void tss_destructor(void *value)
{
  mtx_lock(&tss_mutex);
  destructor_calls++;
  destructor_sum += (int)(long)value;
  mtx_unlock(&tss_mutex);
}

static int uses_tss(void *arg)
{
  int before = tss_get(key) == NULL;
  tss_set(key, arg);
  return before && tss_get(key) == arg ? 1 : 0;
}

static once_flag once = ONCE_FLAG_INIT;
static int once_runs;
static void run_once(void) { once_runs++; }
static int calls_once(void *arg) { (void)arg; call_once(&once, run_once); return 0; }

static void tss_cases(void)
{
  mtx_init(&tss_mutex, mtx_plain);
  printf("tss_create: %s\n", result_name(tss_create(&key, tss_destructor)));
  printf("tss_get main: %s\n", tss_get(key) == NULL ? "NULL" : "set");
  printf("tss_set main: %s\n", result_name(tss_set(key, (void *)1000)));
  thrd_t t[3];
  int ok = 0;
  for (int i = 0; i < 3; i++)
    thrd_create(&t[i], uses_tss, (void *)(long)(i + 1));
  for (int i = 0; i < 3; i++) {
    int r;
    thrd_join(t[i], &r);
    ok += r;
  }
  printf("tss threads ok: %d, destructor calls: %d sum: %d, main value: %ld\n", ok,
         destructor_calls, destructor_sum, (long)tss_get(key));
  tss_delete(key);
  printf("tss_delete: done\n");

  thrd_t callers[4];
  for (int i = 0; i < 4; i++)
    thrd_create(&callers[i], calls_once, NULL);
  for (int i = 0; i < 4; i++)
    thrd_join(callers[i], NULL);
  call_once(&once, run_once);
  printf("call_once runs: %d\n", once_runs);
}

int main(void)
{
  setvbuf(stdout, NULL, _IOLBF, 0);
  thread_cases();
  sleep_cases();
  mutex_cases();
  cond_cases();
  tss_cases();
  printf("done\n");
  return 0;
}
