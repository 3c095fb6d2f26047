/* sched_setattr and sched_getattr (glibc 2.41, newer than the host's): read the
 * policy of this process, set SCHED_BATCH and read it back, errors.  "real": the
 * running glibc's own functions (differential.sh --against). */
#include "shim_test.h"
#include <sched.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

struct sched_attr; /* the kernel's; newer <sched.h> define it, glibc 2.36 does not */
int sched_setattr(pid_t pid, struct sched_attr *attr, unsigned int flags);
int sched_getattr(pid_t pid, struct sched_attr *attr, unsigned int size, unsigned int flags);

struct attr { /* SCHED_ATTR_SIZE_VER0 */
  uint32_t size, policy;
  uint64_t flags;
  int32_t nice;
  uint32_t priority;
  uint64_t runtime, deadline, period;
};

int main(int argc, char **argv)
{
  int real = argc > 1 && strcmp(argv[1], "real") == 0;
  int (*set)(pid_t, struct sched_attr *, unsigned int) = PICK(real, sched_setattr);
  int (*get)(pid_t, struct sched_attr *, unsigned int, unsigned int) = PICK(real, sched_getattr);
  struct attr a = {0};
  REPORT("sched_getattr(self)", get(0, (struct sched_attr *)&a, sizeof a, 0));
  printf("  size=%u policy=%u\n", a.size, a.policy);
  struct attr batch = {.size = sizeof batch, .policy = SCHED_BATCH, .nice = a.nice};
  REPORT("sched_setattr(self, SCHED_BATCH)", set(0, (struct sched_attr *)&batch, 0));
  memset(&a, 0, sizeof a);
  get(0, (struct sched_attr *)&a, sizeof a, 0);
  printf("  policy now %u\n", a.policy);
  REPORT("sched_getattr(small size)", get(0, (struct sched_attr *)&a, 8, 0));
  REPORT("sched_getattr(bad flags)", get(0, (struct sched_attr *)&a, sizeof a, 1));
  REPORT("sched_getattr(no such pid)", get(0x7ffffff0, (struct sched_attr *)&a, sizeof a, 0));
  struct attr bad = {.size = sizeof bad, .policy = 12345};
  REPORT("sched_setattr(bad policy)", set(0, (struct sched_attr *)&bad, 0));
  REPORT("sched_setattr(NULL)", set(0, NULL, 0));
  return 0;
}
