#include <stdio.h>
int plugin_answer(const char *path);
int main(void) { printf("plugin says %d\n", plugin_answer("/")); return 0; }
