#include "stats.h"

#include <numeric>
#include <stdexcept>

double mean(const std::vector<double> &values) {
  if (values.empty())
    throw std::invalid_argument("mean of nothing");
  return std::accumulate(values.begin(), values.end(), 0.0) / values.size();
}
