#pragma once
#include <vector>

// Mean of the values; throws std::invalid_argument when there are none.
double mean(const std::vector<double> &values);
