#include "model/model_data.hpp"

#include <cmath>
#include <numeric>

namespace ricardo::detail {

ModelData Prepare(const Baseline& b, const Shock& shock, int threads) {
  ModelData m;
  m.N = b.region_count();
  m.J = b.sector_count();
  m.threads = threads;
  const std::size_t N = m.N, J = m.J;
  m.theta.resize(J);
  for (std::size_t j = 0; j < J; ++j) m.theta[j] = b.sectors[j].theta;
  m.va_share = b.value_added_share;
  m.final_share = b.final_demand_share;
  m.input_coef_by_user = Array3(N, J, J);
  m.input_coef_by_input = Array3(N, J, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t k = 0; k < J; ++k) {
      for (std::size_t j = 0; j < J; ++j) {
        const double coef = (1.0 - b.value_added_share(n, j)) * b.input_shares(n, k, j);
        m.input_coef_by_user(n, j, k) = coef;
        m.input_coef_by_input(n, k, j) = coef;
      }
    }
  }
  const Array3 pi = ExpenditureShares(b);
  m.weighted_shares = Array3(N, N, J);
  m.inv_tariff_factor_new = Array3(N, N, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = 0; j < J; ++j) {
        const double kappa_ratio =
            (1.0 + shock.tariff_rates(n, i, j)) / (1.0 + b.tariff_rates(n, i, j));
        const double delivered = kappa_ratio * shock.trade_cost_ratio(n, i, j);
        const double share = pi(n, i, j);
        m.weighted_shares(n, i, j) = share > 0.0 ? share * std::pow(delivered, -m.theta[j]) : 0.0;
        m.inv_tariff_factor_new(n, i, j) = 1.0 / (1.0 + shock.tariff_rates(n, i, j));
      }
    }
  }
  m.value_added = ValueAdded(b);
  m.world_value_added = std::accumulate(m.value_added.begin(), m.value_added.end(), 0.0);
  m.surplus_new = CounterfactualSurplus(b, shock);
  m.expenditure_base = Expenditure(b);
  return m;
}

}  // namespace ricardo::detail
