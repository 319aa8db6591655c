#include "ricardo/shock.hpp"

#include <cmath>
#include <numeric>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo {

Shock Shock::None(const Baseline& baseline) {
  Shock shock;
  shock.tariff_rates = baseline.tariff_rates;
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  shock.trade_cost_ratio = Array3(N, N, J, 1.0);
  return shock;
}

std::vector<double> CounterfactualSurplus(const Baseline& baseline, const Shock& shock) {
  return shock.surplus ? *shock.surplus : TradeSurplus(baseline);
}

void ValidateShock(const Baseline& baseline, const Shock& shock) {
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  auto check_dims = [&](const Array3& a, const char* name) {
    if (a.dim0() != N || a.dim1() != N || a.dim2() != J) {
      throw ArgumentError(fmt::format("shock field '{}' has dimensions {}x{}x{}, the baseline "
                                      "needs {}x{}x{} (importer x exporter x sector)",
                                      name, a.dim0(), a.dim1(), a.dim2(), N, N, J),
                          "build the shock from this baseline, e.g. with Shock::None");
    }
  };
  check_dims(shock.tariff_rates, "tariff_rates");
  check_dims(shock.trade_cost_ratio, "trade_cost_ratio");
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = 0; j < J; ++j) {
        const double t = shock.tariff_rates(n, i, j);
        if (!std::isfinite(t) || t < 0.0) {
          throw ArgumentError(fmt::format(
              "counterfactual tariff {}<-{} in sector {} is {} (must "
              "be a finite fraction >= 0)",
              baseline.regions[n].code, baseline.regions[i].code, baseline.sectors[j].code, t));
        }
        const double d = shock.trade_cost_ratio(n, i, j);
        if (!std::isfinite(d) || d <= 0.0) {
          throw ArgumentError(fmt::format(
              "trade-cost change {}<-{} in sector {} is {} (must be "
              "a finite factor > 0; 1 means unchanged)",
              baseline.regions[n].code, baseline.regions[i].code, baseline.sectors[j].code, d));
        }
      }
    }
  }
  if (shock.surplus) {
    if (shock.surplus->size() != N) {
      throw ArgumentError(fmt::format("shock surplus has {} entries, the baseline has {} regions",
                                      shock.surplus->size(), N));
    }
    double sum = 0.0, scale = 0.0;
    for (double s : *shock.surplus) {
      if (!std::isfinite(s)) throw ArgumentError("shock surplus holds a non-finite value");
      sum += s;
      scale += std::abs(s);
    }
    const std::vector<double> va = ValueAdded(baseline);
    const double world_va = std::accumulate(va.begin(), va.end(), 0.0);
    if (std::abs(sum) > 1e-9 * std::max(world_va, scale)) {
      throw ArgumentError(fmt::format("counterfactual surpluses sum to {:.6g}, not zero; no "
                                      "equilibrium exists (world exports equal world imports)",
                                      sum),
                          "make the surpluses sum to zero");
    }
  }
}

}  // namespace ricardo
