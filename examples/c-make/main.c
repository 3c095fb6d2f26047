/* Counts words in its arguments, one thread per argument, and prints the glibc it ran on. */
#include "words.h"

#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct job {
  const char *text;
  size_t words;
};

static void *count(void *arg) {
  struct job *job = arg;
  job->words = count_words(job->text, strlen(job->text));
  return NULL;
}

int main(int argc, char **argv) {
  enum { MAX_JOBS = 16 };
  struct job jobs[MAX_JOBS];
  pthread_t threads[MAX_JOBS];
  int n = argc - 1 < MAX_JOBS ? argc - 1 : MAX_JOBS;
  for (int i = 0; i < n; i++) {
    jobs[i].text = argv[i + 1];
    if (pthread_create(&threads[i], NULL, count, &jobs[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    pthread_join(threads[i], NULL);
    total += jobs[i].words;
  }
  printf("words: %zu in %d arguments\n", total, n);
  printf("glibc: %s\n", gnu_get_libc_version());
  return 0;
}
