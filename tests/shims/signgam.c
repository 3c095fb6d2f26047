/* lgamma's sign: signgam (and, with READ_RESERVED_NAME, libm 2.23's second name for it,
 * __signgam) after lgamma, lgammaf, lgammal and gamma on negative non-integers, poles, both
 * zeros, huge and tiny arguments, infinities and NaN.  Before glibc 2.23 only signgam exists;
 * glibc-pin's forced header makes __signgam name it (src/shims/README.md), so the pinned build
 * must print what the host's libm does.  Values to 10 digits (lgammaf's to 5): the sign is
 * what is compared here, and libm's lgammaf of a negative argument differs in the 7th digit
 * between 2.17, 2.36 and 2.43.  At the poles (negative integers) sid's libm (2.43) sets the
 * sign of lgamma, lgammaf and gamma to -1 where 2.17-2.36 say +1 (lgammal still +1), so on sid
 * the reference is the plain build on sid. */
#include "shim_test.h"
#include <math.h>

#ifdef READ_RESERVED_NAME
extern int __signgam;
#define SIGN_READ() (__signgam)
#define SIGN_NAME "__signgam"
#else
#define SIGN_READ() (signgam)
#define SIGN_NAME "signgam"
#endif

static void show(const char *what, double in, double out)
{
  int sign = SIGN_READ();
  printf("%s(%g) = %.*g, %s = %d, signgam = %d\n", what, in, strcmp(what, "lgammaf") ? 10 : 5,
         out, SIGN_NAME, sign, signgam);
}

int main(void)
{
  static const double inputs[] = {-0.5, -1.5, -2.5, -3.25, -1.0, -2.0, 0.0, -0.0, 0.5, 1.0,
                                  2.0, 3.5, 171.5, 1e10, 1e306, -1e10 - 0.5, 1e-300,
                                  -1e-300, INFINITY, -INFINITY, NAN};
  for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    volatile double x = inputs[i];
    signgam = 7;  /* each call must set it */
    show("lgamma", x, lgamma(x));
    signgam = 7;
    show("lgammaf", x, lgammaf((float)x));
    signgam = 7;
    show("lgammal", x, (double)lgammal(x));
    signgam = 7;
    show("gamma", x, gamma(x));
  }
  /* A write through the other name is seen by lgamma's readers too: one object. */
  signgam = 0;
  lgamma(-0.5);
  printf("after lgamma(-0.5): %s = %d\n", SIGN_NAME, SIGN_READ());
  return 0;
}
