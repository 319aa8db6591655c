// Independent recomputation of every equilibrium condition. Deliberately written from the
// equations, without the solver's kernels or precomputed data, so that a bug in one does not
// hide in the other.
#include "ricardo/checker.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "fmt/format.h"
#include "ricardo/solver.hpp"

namespace ricardo {

double EquilibriumResiduals::Max() const {
  return std::max(
      {cost, price, trade_shares, share_sums, expenditure, trade_balance, walras, numeraire});
}

std::string EquilibriumResiduals::ToString() const {
  return fmt::format(
      "cost={:.1e} price={:.1e} shares={:.1e} share_sums={:.1e} expenditure={:.1e} "
      "trade_balance={:.1e} walras={:.1e} labour_market={:.1e} numeraire={:.1e}{}",
      cost, price, trade_shares, share_sums, expenditure, trade_balance, walras, labour_market,
      numeraire, non_finite ? " NON-FINITE" : "");
}

EquilibriumResiduals CheckEquilibrium(const Baseline& b, const Shock& shock, const Equilibrium& e) {
  EquilibriumResiduals r;
  const std::size_t N = b.region_count(), J = b.sector_count();
  auto track = [&r](double& slot, double value) {
    if (!std::isfinite(value)) {
      r.non_finite = true;
      return;
    }
    slot = std::max(slot, value);
  };
  if (e.wage_ratio.size() != N || e.price_ratio.rows() != N || e.price_ratio.cols() != J ||
      e.cost_ratio.rows() != N || e.trade_shares.dim0() != N || e.expenditure.rows() != N) {
    r.non_finite = true;
    return r;
  }

  // Base-year quantities, straight from the flows.
  std::vector<double> expenditure_base(N * J, 0.0), output_base(N * J, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        const double flow = b.trade_flows(n, i, j);
        expenditure_base[n * J + j] += flow * (1.0 + b.tariff_rates(n, i, j));
        output_base[i * J + j] += flow;
      }
  std::vector<double> va(N, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t j = 0; j < J; ++j) va[n] += b.value_added_share(n, j) * output_base[n * J + j];
  const std::vector<double> surplus = CounterfactualSurplus(b, shock);

  // (1) input-bundle costs.
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t j = 0; j < J; ++j) {
      const double beta = b.value_added_share(n, j);
      double expected = beta * std::log(e.wage_ratio[n]);
      for (std::size_t k = 0; k < J; ++k)
        expected += (1.0 - beta) * b.input_shares(n, k, j) * std::log(e.price_ratio(n, k));
      track(r.cost, std::abs(std::log(e.cost_ratio(n, j)) - expected));
    }

  // (2) price indices and (3) trade shares.
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t j = 0; j < J; ++j) {
      const double theta = b.sectors[j].theta;
      const double x = expenditure_base[n * J + j];
      std::vector<double> terms(N, 0.0);
      double total = 0.0, share_sum = 0.0;
      for (std::size_t i = 0; i < N; ++i) {
        const double pi = x > 0.0 ? b.trade_flows(n, i, j) * (1.0 + b.tariff_rates(n, i, j)) / x
                                  : (i == n ? 1.0 : 0.0);
        const double kappa_hat =
            (1.0 + shock.tariff_rates(n, i, j)) / (1.0 + b.tariff_rates(n, i, j));
        const double delivered = kappa_hat * shock.trade_cost_ratio(n, i, j) * e.cost_ratio(i, j);
        terms[i] = pi > 0.0 ? pi * std::pow(delivered, -theta) : 0.0;
        total += terms[i];
        share_sum += e.trade_shares(n, i, j);
      }
      if (total > 0.0) {
        track(r.price, std::abs(std::log(e.price_ratio(n, j)) + std::log(total) / theta));
        for (std::size_t i = 0; i < N; ++i)
          track(r.trade_shares, std::abs(e.trade_shares(n, i, j) - terms[i] / total));
      }
      track(r.share_sums, std::abs(share_sum - 1.0));
    }

  // Counterfactual sales, purchases and income.
  std::vector<double> output_new(N * J, 0.0), purchases_new(N, 0.0), revenue_new(N, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        const double t = shock.tariff_rates(n, i, j);
        const double flow = e.trade_shares(n, i, j) * e.expenditure(n, j) / (1.0 + t);
        output_new[i * J + j] += flow;
        purchases_new[n] += flow;
        revenue_new[n] += t * flow;
      }
  std::vector<double> income_new(N);
  for (std::size_t n = 0; n < N; ++n)
    income_new[n] = e.wage_ratio[n] * va[n] + revenue_new[n] - surplus[n];

  // (4) expenditure identity.
  for (std::size_t n = 0; n < N; ++n) {
    double total = 0.0;
    for (std::size_t j = 0; j < J; ++j) total += std::abs(e.expenditure(n, j));
    for (std::size_t j = 0; j < J; ++j) {
      double expected = b.final_demand_share(n, j) * income_new[n];
      for (std::size_t k = 0; k < J; ++k)
        expected +=
            (1.0 - b.value_added_share(n, k)) * b.input_shares(n, j, k) * output_new[n * J + k];
      track(r.expenditure, std::abs(e.expenditure(n, j) - expected) / std::max(total, 1e-300));
    }
  }

  // (5) trade balance, Walras' law, labour market, numéraire.
  double walras = 0.0, world_va = 0.0, world_va_new = 0.0;
  for (std::size_t n = 0; n < N; ++n) {
    double sales = 0.0, value_added_new = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      sales += output_new[n * J + j];
      value_added_new += b.value_added_share(n, j) * output_new[n * J + j];
    }
    const double balance = sales - purchases_new[n] - surplus[n];
    walras += balance;
    track(r.trade_balance, std::abs(balance) / va[n]);
    track(r.labour_market, std::abs(value_added_new - e.wage_ratio[n] * va[n]) / va[n]);
    world_va += va[n];
    world_va_new += e.wage_ratio[n] * va[n];
  }
  track(r.walras, std::abs(walras) / world_va);
  track(r.numeraire, std::abs(world_va_new - world_va) / world_va);
  return r;
}

}  // namespace ricardo
