/* The IEEE binary128 type and a 128-bit unsigned integer under one name each, for the shims
 * that compute with them (strfromf128.c, strtof128.c).  Include it only where
 * __SIZEOF_INT128__ is defined (64-bit targets). */
#ifndef GLIBCPIN_FLOAT128_H
#define GLIBCPIN_FLOAT128_H

typedef unsigned __int128 u128;

/* binary128 by a name both gcc and clang know on each architecture. */
#if defined(__x86_64__) || defined(__i386__)
typedef __float128 float128;
#else
typedef _Float128 float128;
#endif

#endif
