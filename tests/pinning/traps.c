/* Trap program: interfaces whose symbol versions or locations changed since old glibc.
 * Prints one line per check; the test compares the whole output on every runtime. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
static __thread int tls_counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int shared_total, ready;

static void *worker(void *arg) {
  for (int i = 0; i < 1000; i++)
    tls_counter++;
  pthread_mutex_lock(&lock);
  shared_total += tls_counter;
  ready++;
  pthread_cond_signal(&cond);
  pthread_mutex_unlock(&lock);
  return arg;
}

int main(void) {
  char buf[16];
  memcpy(buf, "memcpy ok", 10);
  printf("%s\n", buf);

  struct stat st;
  int stat_result = stat("/", &st);
  printf("stat: %d dir=%d\n", stat_result, S_ISDIR(st.st_mode));
  printf("fstat: %d\n", fstat(1, &st) == 0);
  int fd = open("/proc/self/exe", O_RDONLY);
  printf("fcntl: %d\n", fcntl(fd, F_GETFD) >= 0);
  close(fd);

  unsigned char random[8];
  printf("getrandom: %d\n", getrandom(random, sizeof random, 0) == (ssize_t)sizeof random);
  int *array = reallocarray(NULL, 4, sizeof(int));
  printf("reallocarray: %d overflow=%d\n", array != NULL,
         reallocarray(NULL, (size_t)-1, 16) == NULL && errno == ENOMEM);
  free(array);

  struct timespec ts;
  printf("clock_gettime: %d\n", clock_gettime(CLOCK_MONOTONIC, &ts) == 0);

  pthread_t threads[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&threads[i], NULL, worker, NULL);
  pthread_mutex_lock(&lock);
  while (ready < 4)
    pthread_cond_wait(&cond, &lock);
  pthread_mutex_unlock(&lock);
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i], NULL);
  printf("threads: total=%d main_tls=%d\n", shared_total, tls_counter);

  void *libm = dlopen("libm.so.6", RTLD_NOW);
  double (*cosine)(double) = libm ? (double (*)(double))dlsym(libm, "cos") : NULL;
  printf("dlopen: %d cos0=%.1f\n", libm != NULL, cosine ? cosine(0.0) : -1.0);

  errno = 0;
  printf("errno: %d environ=%d stderr=%d\n", close(-1) == -1 && errno == EBADF,
         environ != NULL && environ[0] != NULL, stderr != NULL);
  return 0;
}
