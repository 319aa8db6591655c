// The one-sector model without intermediate inputs (the Armington / structural-gravity special
// case) against results worked out by hand.
#include <cmath>

#include "gtest/gtest.h"
#include "ricardo/outcomes.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {
namespace {

// Two countries, one sector, value-added share 1 (no intermediates), final demand all on it.
// domestic[n] = n's purchases from itself, imports[n] = n's purchases from the other (net of
// tariffs), tariff[n] = n's tariff on the other.
Baseline TwoCountries(double theta, const double domestic[2], const double imports[2],
                      const double tariff[2]) {
  Baseline b = MakeEmptyBaseline({{"A", "A"}, {"B", "B"}}, {{"goods", "Goods", true, theta, ""}});
  for (std::size_t n = 0; n < 2; ++n) {
    b.trade_flows(n, n, 0) = domestic[n];
    b.trade_flows(n, 1 - n, 0) = imports[n];
    b.tariff_rates(n, 1 - n, 0) = tariff[n];
    b.value_added_share(n, 0) = 1.0;
    b.input_shares(n, 0, 0) = 1.0;  // irrelevant: the intermediate share is 1 − 1 = 0
    b.final_demand_share(n, 0) = 1.0;
  }
  return b;
}

TEST(Armington, SymmetricTariffChangeMatchesTheClosedForm) {
  const double theta = 5.0, D = 80.0, M = 20.0, t = 0.10, t_new = 0.30, d_hat = 0.95;
  const double domestic[2] = {D, D}, imports[2] = {M, M}, tariff[2] = {t, t};
  const Baseline b = TwoCountries(theta, domestic, imports, tariff);
  Shock shock = Shock::None(b);
  for (std::size_t n = 0; n < 2; ++n) {
    shock.tariff_rates(n, 1 - n, 0) = t_new;
    shock.trade_cost_ratio(n, 1 - n, 0) = d_hat;
  }
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();

  // By symmetry ŵ = 1 and ĉ = ŵ (no inputs). Then, by hand:
  const double X = D + (1.0 + t) * M;  // expenditure, gross of tariffs
  const double pi_home = D / X, pi_foreign = (1.0 + t) * M / X;
  const double kappa_hat = (1.0 + t_new) / (1.0 + t);
  const double P_hat =
      std::pow(pi_home + pi_foreign * std::pow(kappa_hat * d_hat, -theta), -1.0 / theta);
  const double pi_foreign_new = pi_foreign * std::pow(kappa_hat * d_hat / P_hat, -theta);
  const double VA = D + M;                                                   // sales = value added
  const double X_new = VA / (1.0 - t_new / (1.0 + t_new) * pi_foreign_new);  // X′ = VA + R′
  const double I = VA + t * M;
  const double welfare = (X_new / I) / P_hat - 1.0;

  for (std::size_t n = 0; n < 2; ++n) {
    EXPECT_NEAR(s.equilibrium.wage_ratio[n], 1.0, 1e-12);
    EXPECT_NEAR(s.equilibrium.price_ratio(n, 0), P_hat, 1e-12);
    EXPECT_NEAR(s.equilibrium.trade_shares(n, 1 - n, 0), pi_foreign_new, 1e-12);
    EXPECT_NEAR(s.equilibrium.expenditure(n, 0), X_new, 1e-10);
  }
  const Outcomes o = ComputeOutcomes(b, shock, s.equilibrium);
  EXPECT_NEAR(o.countries[0].welfare_exact, welfare, 1e-12);
  EXPECT_NEAR(o.countries[0].real_wage_change, 1.0 / P_hat - 1.0, 1e-12);
}

// Excess demand for A's goods as a function of A's relative wage ω = ŵ_A / ŵ_B, for a trade-cost
// change on A's imports only, balanced trade and no tariffs, written from the model's equations.
double ExcessDemandForA(double omega, double theta, const double domestic[2],
                        const double imports[2], double d_hat) {
  const double Y[2] = {domestic[0] + imports[1], domestic[1] + imports[0]};  // sales
  const double X[2] = {domestic[0] + imports[0], domestic[1] + imports[1]};
  const double w[2] = {omega, 1.0};
  // A buys from B at cost ŵ_B d̂; B buys from A at cost ŵ_A.
  const double a_home = domestic[0] / X[0] * std::pow(w[0], -theta);
  const double a_from_b = imports[0] / X[0] * std::pow(w[1] * d_hat, -theta);
  const double b_home = domestic[1] / X[1] * std::pow(w[1], -theta);
  const double b_from_a = imports[1] / X[1] * std::pow(w[0], -theta);
  const double A_share_in_A = a_home / (a_home + a_from_b);
  const double A_share_in_B = b_from_a / (b_home + b_from_a);
  const double demand = A_share_in_A * w[0] * Y[0] + A_share_in_B * w[1] * Y[1];
  return demand - w[0] * Y[0];
}

TEST(Armington, AsymmetricTradeCostShockMatchesAHandSolvedWage) {
  const double theta = 4.0, d_hat = 0.8;
  const double domestic[2] = {70.0, 150.0}, imports[2] = {30.0, 30.0}, tariff[2] = {0.0, 0.0};
  const Baseline b = TwoCountries(theta, domestic, imports, tariff);
  Shock shock = Shock::None(b);
  shock.trade_cost_ratio(0, 1, 0) = d_hat;
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();

  // Bisection on the relative wage, then the numéraire Σ VA ŵ = Σ VA fixes the level.
  double lo = 0.5, hi = 2.0;
  for (int k = 0; k < 200; ++k) {
    const double mid = 0.5 * (lo + hi);
    (ExcessDemandForA(mid, theta, domestic, imports, d_hat) > 0.0 ? lo : hi) = mid;
  }
  const double omega = 0.5 * (lo + hi);
  const double VA[2] = {domestic[0] + imports[1], domestic[1] + imports[0]};
  const double w_B = (VA[0] + VA[1]) / (VA[0] * omega + VA[1]);
  EXPECT_NEAR(s.equilibrium.wage_ratio[0], omega * w_B, 1e-10);
  EXPECT_NEAR(s.equilibrium.wage_ratio[1], w_B, 1e-10);

  // Without tariffs and intermediates, real wages follow the ACR formula ŵ/P̂ = π̂_nn^(−1/θ).
  const Outcomes o = ComputeOutcomes(b, shock, s.equilibrium);
  const Array3 pi = ExpenditureShares(b);
  for (std::size_t n = 0; n < 2; ++n) {
    const double pi_hat = s.equilibrium.trade_shares(n, n, 0) / pi(n, n, 0);
    EXPECT_NEAR(o.countries[n].real_wage_change + 1.0, std::pow(pi_hat, -1.0 / theta), 1e-10);
  }
  EXPECT_GT(o.countries[0].welfare_exact, 0.0);
}

}  // namespace
}  // namespace ricardo
