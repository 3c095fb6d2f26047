#include "greet.h"

std::string greeting(const std::string &who) { return "hello, " + who; }
