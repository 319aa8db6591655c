#include "report/chart_limits.hpp"

#include <algorithm>
#include <numeric>

#include "fmt/format.h"

namespace ricardo::detail {

std::vector<std::size_t> LargestInOrder(const std::vector<std::size_t>& candidates,
                                        const std::vector<double>& size, std::size_t cap) {
  if (candidates.size() <= cap) return candidates;
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  // NaN sizes sort last: a missing size never pushes a real one out.
  const auto key = [&](std::size_t k) { return size[k] == size[k] ? size[k] : -1e300; };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  order.resize(cap);
  std::sort(order.begin(), order.end());
  std::vector<std::size_t> out;
  for (std::size_t k : order) out.push_back(candidates[k]);
  return out;
}

std::vector<std::size_t> ChartRegions(const RunResult& r) {
  std::vector<std::size_t> all(r.baseline.region_count());
  std::iota(all.begin(), all.end(), 0);
  std::vector<double> income;
  for (const auto& c : r.outcomes.countries) income.push_back(c.income_base);
  return LargestInOrder(all, income, kChartRegionsMax);
}

std::vector<std::size_t> ChartSectors(const RunResult& r, const std::vector<std::size_t>& among) {
  std::vector<double> output;
  for (std::size_t j : among) {
    double sum = 0.0;
    for (std::size_t n = 0; n < r.baseline.region_count(); ++n)
      sum += r.outcomes.gross_output_base(n, j);
    output.push_back(sum);
  }
  return LargestInOrder(among, output, kChartSectorsMax);
}

std::string LimitNote(std::size_t shown, std::size_t total, const std::string& items,
                      const std::string& by, const std::string& where_all) {
  if (shown >= total) return "";
  return fmt::format(
      "Shows the {} largest of {} {} by {}, so that the chart stays readable; "
      "every one is in {}.",
      shown, total, items, by, where_all);
}

}  // namespace ricardo::detail
