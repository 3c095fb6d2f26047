/* bench/peers.sh's C program: only interfaces glibc 2.17 has, but whose default symbol
 * version moved since (memcpy 2.14, stat/fstat 2.33, fcntl64 2.28, pthread_* and dlopen 2.34,
 * clock_gettime out of librt in 2.17, __libc_start_main 2.34), so every peer can build it.
 * Prints the same lines on every glibc. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void *add(void *arg) {
  long n = (long)arg;
  for (long i = 0; i < n; i++) {
    pthread_mutex_lock(&lock);
    total++;
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

int main(void) {
  char buf[32];
  memcpy(buf, "memcpy", 7);
  struct stat st;
  int fd = open("/proc/self/exe", O_RDONLY);
  printf("%s stat=%d fstat=%d fcntl=%d\n", buf, stat("/", &st) == 0 && S_ISDIR(st.st_mode),
         fstat(fd, &st) == 0, fcntl(fd, F_GETFD) >= 0);
  close(fd);
  struct timespec ts;
  printf("clock_gettime=%d\n", clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
  pthread_t threads[3];
  for (int i = 0; i < 3; i++)
    pthread_create(&threads[i], NULL, add, (void *)1000L);
  for (int i = 0; i < 3; i++)
    pthread_join(threads[i], NULL);
  printf("threads total=%ld\n", total);
  void *libm = dlopen("libm.so.6", RTLD_NOW);
  double (*cosine)(double) = libm ? (double (*)(double))dlsym(libm, "cos") : NULL;
  printf("dlopen=%d cos(0)=%.1f\n", libm != NULL, cosine ? cosine(0.0) : -1.0);
  return 0;
}
