/* strerrorname_np and strerrordesc_np for every number from -1 to 200. */
#include "shim_test.h"
#include <string.h>

int main(void)
{
  for (int number = -1; number <= 200; number++) {
    const char *name = strerrorname_np(number), *description = strerrordesc_np(number);
    printf("%d: %s / %s\n", number, name ? name : "NULL", description ? description : "NULL");
  }
  return 0;
}
