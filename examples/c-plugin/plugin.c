/* A plugin that other programs dlopen: built on Debian 12 with glibc-pin, it loads into a host
 * process on glibc 2.17. It uses interfaces whose versions changed (pthread, clock_gettime) and
 * one the old glibc lacks (getrandom, from glibc-pin's shims). */
#include <pthread.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>

static void *worker(void *arg) {
  *(int *)arg *= 2;
  return NULL;
}

int plugin_run(char *out, unsigned long size) {
  int value = 21;
  pthread_t thread;
  if (pthread_create(&thread, NULL, worker, &value) != 0 || pthread_join(thread, NULL) != 0)
    return -1;
  struct timespec now;
  unsigned char seed[4];
  int clock_ok = clock_gettime(CLOCK_MONOTONIC, &now) == 0;
  int random_ok = getrandom(seed, sizeof seed, 0) == (long)sizeof seed;
  return snprintf(out, size, "plugin: value=%d clock=%d random=%d", value, clock_ok, random_ok);
}
