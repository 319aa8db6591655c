// Invariants every solve must satisfy, on small random baselines with input-output links,
// tariffs and trade imbalances.
#include <cmath>

#include "gtest/gtest.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/outcomes.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

Baseline CalibratedRandom(std::size_t N, std::size_t J, unsigned seed,
                          DeficitTreatment deficits = DeficitTreatment::kKeep) {
  CalibrationOptions options;
  options.deficits = deficits;
  options.solver.tolerance = 1e-13;
  return CalibrateBaseYear(testing::MakeRandomBaseline(N, J, seed), options).baseline;
}

// A tariff war: every region raises tariffs on every foreign partner by 25 points in half the
// sectors, and one pair gets a 10% trade-cost cut.
Shock TariffWar(const Baseline& b) {
  Shock shock = Shock::None(b);
  const std::size_t N = b.region_count(), J = b.sector_count();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; j += 2) {
        if (i != n) shock.tariff_rates(n, i, j) += 0.25;
      }
  for (std::size_t j = 0; j < J; ++j) shock.trade_cost_ratio(0, 1, j) = 0.9;
  return shock;
}

double MaxAbsDiff(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::abs(a[k] - b[k]));
  return worst;
}

TEST(SolverInvariants, ZeroShockOnACalibratedBaselineChangesNothing) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Baseline b = CalibratedRandom(5, 4, seed);
    const Solution s = Solve(b, Shock::None(b));
    ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
    for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
    for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
    const Array3 pi = ExpenditureShares(b);
    EXPECT_LE(MaxAbsDiff(s.equilibrium.trade_shares.values(), pi.values()), 1e-10);
  }
}

TEST(SolverInvariants, CheckerResidualsBelowToleranceForEverySolve) {
  for (unsigned seed : {4u, 5u}) {
    const Baseline b = CalibratedRandom(6, 3, seed);
    for (Algorithm algorithm : {Algorithm::kAccelerated, Algorithm::kReference}) {
      SolverOptions options;
      options.algorithm = algorithm;
      options.reference_tolerance = 1e-12;  // money units of this small baseline
      options.reference_price_tolerance = 1e-12;
      const Solution s = Solve(b, TariffWar(b), options);
      ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
      EXPECT_TRUE(s.summary.check.Pass(kCheckerTolerance)) << s.summary.check.ToString();
      // The checker agrees independently with what Solve() stored.
      const EquilibriumResiduals again = CheckEquilibrium(b, TariffWar(b), s.equilibrium);
      EXPECT_EQ(again.Max(), s.summary.check.Max());
    }
  }
}

TEST(SolverInvariants, BothAlgorithmsReachTheSameEquilibrium) {
  const Baseline b = CalibratedRandom(5, 4, 7);
  SolverOptions reference;
  reference.algorithm = Algorithm::kReference;
  reference.reference_tolerance = 1e-9;  // Σ|residual| in money units (values ~1e2 here)
  reference.reference_price_tolerance = 1e-13;
  const Solution a = Solve(b, TariffWar(b));
  const Solution r = Solve(b, TariffWar(b), reference);
  ASSERT_TRUE(a.summary.IsConverged());
  ASSERT_TRUE(r.summary.IsConverged());
  EXPECT_LE(MaxAbsDiff(a.equilibrium.wage_ratio, r.equilibrium.wage_ratio), 1e-9);
  EXPECT_LE(MaxAbsDiff(a.equilibrium.price_ratio.values(), r.equilibrium.price_ratio.values()),
            1e-9);
  EXPECT_LT(a.summary.outer_iterations, r.summary.outer_iterations);
}

TEST(SolverInvariants, ScalingEveryMoneyValueChangesNoOutcome) {
  const Baseline b = CalibratedRandom(5, 4, 8);
  const Baseline scaled = ScaleMoney(b, 1000.0);
  const Shock shock = TariffWar(b);
  const Solution s1 = Solve(b, shock);
  const Solution s2 = Solve(scaled, shock);
  ASSERT_TRUE(s1.summary.IsConverged());
  ASSERT_TRUE(s2.summary.IsConverged());
  const Outcomes o1 = ComputeOutcomes(b, shock, s1.equilibrium);
  const Outcomes o2 = ComputeOutcomes(scaled, shock, s2.equilibrium);
  for (std::size_t n = 0; n < b.region_count(); ++n) {
    const CountryOutcome& a = o1.countries[n];
    const CountryOutcome& c = o2.countries[n];
    EXPECT_NEAR(a.wage_change, c.wage_change, 1e-9);
    EXPECT_NEAR(a.real_wage_change, c.real_wage_change, 1e-9);
    EXPECT_NEAR(a.welfare_exact, c.welfare_exact, 1e-9);
    EXPECT_NEAR(a.welfare_tot, c.welfare_tot, 1e-9);
    EXPECT_NEAR(a.welfare_vot, c.welfare_vot, 1e-9);
    EXPECT_NEAR(a.welfare_trade_cost, c.welfare_trade_cost, 1e-9);
    EXPECT_NEAR(a.average_tariff_new, c.average_tariff_new, 1e-9);
    EXPECT_NEAR(c.imports_new / a.imports_new, 1000.0, 1e-9 * 1000.0);
    EXPECT_NEAR(c.tariff_revenue_new / a.tariff_revenue_new, 1000.0, 1e-9 * 1000.0);
  }
  EXPECT_LE(MaxAbsDiff(s1.equilibrium.price_ratio.values(), s2.equilibrium.price_ratio.values()),
            1e-9);
}

TEST(SolverInvariants, WalrasLawAndNumeraireHold) {
  const Baseline b = CalibratedRandom(4, 5, 9);
  const Solution s = Solve(b, TariffWar(b));
  ASSERT_TRUE(s.summary.IsConverged());
  EXPECT_LE(s.summary.check.walras, 1e-12);
  EXPECT_LE(s.summary.check.numeraire, 1e-12);
  EXPECT_LE(s.summary.check.share_sums, 1e-12);
}

TEST(SolverInvariants, EliminatingDeficitsGivesBalancedTrade) {
  const Baseline data = testing::MakeRandomBaseline(4, 3, 10);
  const std::vector<double> before = TradeSurplus(data);
  ASSERT_GT(*std::max_element(before.begin(), before.end()), 0.1);  // imbalances exist
  const Baseline balanced = CalibratedRandom(4, 3, 10, DeficitTreatment::kEliminate);
  for (double s : TradeSurplus(balanced)) EXPECT_NEAR(s, 0.0, 1e-9);
  const Baseline kept = CalibratedRandom(4, 3, 10, DeficitTreatment::kKeep);
  const std::vector<double> after = TradeSurplus(kept);
  for (std::size_t n = 0; n < after.size(); ++n) EXPECT_NEAR(after[n], before[n], 1e-9);
}

TEST(SolverInvariants, TradeCostOnlyShockReportsItsWelfareTerm) {
  const Baseline b = CalibratedRandom(3, 2, 11);
  Shock shock = Shock::None(b);
  for (std::size_t j = 0; j < 2; ++j) {
    shock.trade_cost_ratio(1, 2, j) = 0.9;
    shock.trade_cost_ratio(2, 1, j) = 0.9;
  }
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged());
  EXPECT_TRUE(s.summary.check.Pass(kCheckerTolerance));
  const Outcomes o = ComputeOutcomes(b, shock, s.equilibrium);
  EXPECT_GT(o.countries[1].welfare_trade_cost, 0.0);  // cheaper imports raise welfare
  EXPECT_GT(o.countries[1].welfare_exact, 0.0);
  EXPECT_EQ(o.countries[0].welfare_trade_cost, 0.0);
}

TEST(SolverInvariants, HigherOwnTariffsRaiseTariffRevenue) {
  const Baseline b = CalibratedRandom(4, 3, 12);
  Shock shock = Shock::None(b);
  for (std::size_t i = 1; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j) shock.tariff_rates(0, i, j) += 0.1;
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged());
  const Outcomes o = ComputeOutcomes(b, shock, s.equilibrium);
  EXPECT_GT(o.countries[0].tariff_revenue_new, o.countries[0].tariff_revenue_base);
  EXPECT_LT(o.countries[0].imports_new, o.countries[0].imports_base);
  // The row sums of the bilateral decomposition are the country totals.
  double tot = 0.0, vot = 0.0;
  for (std::size_t i = 0; i < 4; ++i) {
    tot += o.bilateral_tot(0, i);
    vot += o.bilateral_vot(0, i);
  }
  EXPECT_NEAR(tot, o.countries[0].welfare_tot, 1e-15);
  EXPECT_NEAR(vot, o.countries[0].welfare_vot, 1e-15);
}

}  // namespace
}  // namespace ricardo
