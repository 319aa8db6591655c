// The effective tariff (GoodsDuties): additional duties on goods at base and at new weights.
#include <cmath>

#include "ricardo/outcomes.hpp"

namespace ricardo {

double CountryOutcome::TariffRevenueChangeOverWindow() const {
  return kBudgetWindowYears * TariffRevenueChange();
}

GoodsDuties ComputeGoodsDuties(const Baseline& baseline, const std::vector<bool>& goods,
                               const Array3& tariff_rates_new, const Array3& flows_new,
                               std::size_t importer, const std::vector<std::size_t>& exporters) {
  const std::size_t n = importer, J = baseline.sector_count();
  // Σ over the pairs' goods of flow and of rate × flow, for base and new weights.
  double m_base = 0.0, m_new = 0.0;
  double added_base = 0.0, added_new = 0.0, applied_base = 0.0, applied_new = 0.0;
  for (std::size_t i : exporters) {
    if (i == n) continue;  // domestic purchases pay no tariff
    for (std::size_t j = 0; j < J; ++j) {
      const double t = baseline.tariff_rates(n, i, j), t_new = tariff_rates_new(n, i, j);
      // A tariffed service is rare but, when a scenario does it, its duties are duties too.
      if (!goods[j] && t_new == t) continue;
      const double flow = baseline.trade_flows(n, i, j), flow_new = flows_new(n, i, j);
      m_base += flow;
      m_new += flow_new;
      added_base += (t_new - t) * flow;
      added_new += (t_new - t) * flow_new;
      applied_base += t * flow;
      applied_new += t_new * flow_new;
    }
  }
  GoodsDuties out;
  out.goods_imports_base = m_base;
  out.goods_imports_new = m_new;
  if (m_base > 0.0) {
    out.added_at_base_weights = added_base / m_base;
    out.applied_base = applied_base / m_base;
  }
  if (m_new > 0.0) {
    out.added_after_shifts = added_new / m_new;
    out.applied_new = applied_new / m_new;
  }
  return out;
}

}  // namespace ricardo
