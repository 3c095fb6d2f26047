/* signgam.c reading lgamma's sign as __signgam (libm >= 2.23's name; glibc-pin's forced header
 * makes it name signgam on older targets). */
#define READ_RESERVED_NAME 1
#include "signgam.c"
