/* sigdescr_np and sigabbrev_np for every number from -1 to NSIG. */
#include "shim_test.h"
#include <signal.h>
#include <string.h>

int main(void)
{
  for (int sig = -1; sig <= NSIG; sig++) {
    const char *description = sigdescr_np(sig), *abbreviation = sigabbrev_np(sig);
    printf("%d: %s / %s\n", sig, description ? description : "NULL", abbreviation ? abbreviation : "NULL");
  }
  return 0;
}
