// Percentile bands and the headline outcomes of one draw.
#include <algorithm>
#include <cmath>

#include "ricardo/outcomes.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

// Type 7 of Hyndman and Fan (1996): h = (n − 1)p, between the order statistics around h.
double Quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const std::size_t below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

double Pct(double base, double now) {
  return base > 0.0 ? 100.0 * (now / base - 1.0) : NAN;
}

}  // namespace

Band BandOf(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return {NAN, NAN, NAN};
  std::sort(values.begin(), values.end());
  return {Quantile(values, 0.05), Quantile(values, 0.50), Quantile(values, 0.95)};
}

DrawOutcomes ComputeDrawOutcomes(const Baseline& baseline, const Shock& shock,
                                 const Solution& solution) {
  DrawOutcomes out;
  out.converged = solution.summary.IsConverged();
  const std::size_t N = baseline.region_count();
  out.bilateral_trade_pct.assign(N * N, NAN);
  if (!out.converged) {
    out.welfare_pct.assign(N, NAN);
    out.real_wage_pct = out.exports_pct = out.imports_pct = out.welfare_pct;
    return out;
  }
  // The run's own definitions (ComputeOutcomes), so a band is around the very number the run
  // prints.
  const Outcomes o = ComputeOutcomes(baseline, shock, solution.equilibrium);
  for (const CountryOutcome& c : o.countries) {
    out.welfare_pct.push_back(100.0 * c.welfare_exact);
    out.real_wage_pct.push_back(100.0 * c.real_wage_change);
    out.exports_pct.push_back(Pct(c.exports_base, c.exports_new));
    out.imports_pct.push_back(Pct(c.imports_base, c.imports_new));
  }
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      if (i != n)
        out.bilateral_trade_pct[n * N + i] =
            Pct(o.BilateralImportsBase(n, i), o.BilateralImportsNew(n, i));
  return out;
}

}  // namespace ricardo
