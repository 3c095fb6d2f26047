/* Shared by the c23 differential programs: each runs its inputs either through the shims
 * glibc-pin linked in ("shim") or through the same functions of the runtime's own glibc, found
 * with dlsym ("real"); differential.sh compares the two outputs. */
#ifndef SHIM_OR_REAL_H
#define SHIM_OR_REAL_H

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int real; /* 1: glibc's own functions; 0: the shims */

/* The function `name` of the chosen side: the shim itself, or glibc's by dlsym. */
#define FN(name) ((__typeof__(&name))(real ? dlsym(RTLD_DEFAULT, #name) : (void *)&name))

/* Sets `real` from the program's one argument, shim or real. Returns 0, or the exit status 2
 * after a usage message. */
static int choose_shim_or_real(int argc, char **argv)
{
  if (argc != 2 || (strcmp(argv[1], "shim") && strcmp(argv[1], "real"))) {
    fprintf(stderr, "usage: %s shim|real\n", argv[0]);
    return 2;
  }
  real = strcmp(argv[1], "real") == 0;
  return 0;
}

#endif
