/* The C23 scanf family on an old glibc, shared by isoc23_scanf.c (char) and
 * isoc23_wscanf.c (wchar_t); the includer defines the SC_* macros.
 *
 * glibc 2.38's __isoc23_*scanf differ from the __isoc99_*scanf every target has in
 * two ways only: %b reads a binary integer (optionally prefixed 0b/0B), and %i
 * also accepts a 0b/0B prefix.  So:
 *  - a format with neither %b nor %i goes to the target's __isoc99_ function as is;
 *  - otherwise the format is run directive by directive: %b and %i (and %n, which
 *    must count what we consumed) are read here, with glibc 2.38's algorithm; every
 *    other piece of the format (its literal text and one conversion) goes to the
 *    target's __isoc99_ function with "%n" appended, which says how much it read.
 * Limits (see README.md): %i/%b with the ' or I flag go to the target as is (no 0b;
 * no %b on a target < 2.38); glibc 2.39's %wN length modifiers are not known.
 * The parts below, in the order they need each other: the input, the format, the C23
 * integer conversions, the whole call. */
#include "c23_scanf_input.h"
#include "c23_scanf_format.h"
#include "c23_scanf_integer.h"
#include "c23_scanf_run.h"
