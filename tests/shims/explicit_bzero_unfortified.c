/* explicit_bzero.c built without _FORTIFY_SOURCE: the calls go to explicit_bzero itself. */
#include "explicit_bzero.c"
