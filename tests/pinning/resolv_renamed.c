/* res_query & co.: glibc >= 2.34 exports them from libc by these names; older glibc exported
 * only __res_query... from libresolv (its <resolv.h> renamed the calls with macros). The call
 * must reach the resolver on every target; without a nameserver it just fails (-1). */
#include <resolv.h>
#include <stdio.h>

int main(void) {
  unsigned char answer[512];
  int n = res_query("localhost.invalid", 1 /* C_IN */, 1 /* T_A */, answer, sizeof answer);
  int m = res_mkquery(0 /* QUERY */, "example.invalid", 1, 1, NULL, 0, NULL, answer, sizeof answer);
  printf("res_query: %s\nres_mkquery: %s\n", n >= -1 ? "called" : "?", m > 0 ? "ok" : "FAILED");
  return 0;
}
