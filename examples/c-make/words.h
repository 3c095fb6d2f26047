#ifndef WORDS_H
#define WORDS_H
#include <stddef.h>

/* Number of whitespace-separated words in text[0..len). */
size_t count_words(const char *text, size_t len);

#endif
