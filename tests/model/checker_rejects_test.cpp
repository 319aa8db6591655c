// The checker must fail what is not an equilibrium: each equilibrium condition, broken on
// purpose in an otherwise exact solution, shows up in its own residual and fails Pass().
// (A checker that passed everything would let every other test of the solver pass too.)
#include <cmath>
#include <limits>

#include "gtest/gtest.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

struct Solved {
  Baseline baseline;
  Shock shock;
  Equilibrium equilibrium;
};

Solved SolveATariffWar() {
  CalibrationOptions calibration;
  calibration.solver.tolerance = 1e-13;
  Baseline b = CalibrateBaseYear(testing::MakeRandomBaseline(5, 4, 21), calibration).baseline;
  Shock shock = Shock::None(b);
  for (std::size_t n = 0; n < b.region_count(); ++n)
    for (std::size_t i = 0; i < b.region_count(); ++i)
      for (std::size_t j = 0; j < b.sector_count(); j += 2) {
        if (i != n) shock.tariff_rates(n, i, j) += 0.3;
      }
  SolverOptions options;
  options.tolerance = 1e-13;
  Solution s = Solve(b, shock, options);
  EXPECT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  return {std::move(b), std::move(shock), std::move(s.equilibrium)};
}

class CheckerRejects : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { solved_ = new Solved(SolveATariffWar()); }
  static void TearDownTestSuite() {
    delete solved_;
    solved_ = nullptr;
  }
  EquilibriumResiduals Check(const Equilibrium& e) const {
    return CheckEquilibrium(solved_->baseline, solved_->shock, e);
  }
  static Solved* solved_;
};
Solved* CheckerRejects::solved_ = nullptr;

TEST_F(CheckerRejects, NothingWhenTheSolutionIsExact) {
  const EquilibriumResiduals r = Check(solved_->equilibrium);
  EXPECT_TRUE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, AWageMovedByOnePercent) {
  Equilibrium e = solved_->equilibrium;
  e.wage_ratio[2] *= 1.01;
  const EquilibriumResiduals r = Check(e);
  EXPECT_GT(r.cost, 1e-3) << r.ToString();  // ln 1.01 × the labour share
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, APriceIndexMovedByOnePercent) {
  Equilibrium e = solved_->equilibrium;
  e.price_ratio(1, 2) *= 1.01;
  const EquilibriumResiduals r = Check(e);
  EXPECT_GT(r.price, 5e-3) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, TradeSharesThatDoNotSumToOne) {
  Equilibrium e = solved_->equilibrium;
  e.trade_shares(3, 0, 1) += 0.01;
  const EquilibriumResiduals r = Check(e);
  EXPECT_NEAR(r.share_sums, 0.01, 1e-9) << r.ToString();
  EXPECT_GE(r.trade_shares, 0.01 - 1e-9) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, SharesMovedBetweenExportersThatStillSumToOne) {
  // The sums hold; only the gravity condition (shares against costs and prices) catches it.
  Equilibrium e = solved_->equilibrium;
  e.trade_shares(3, 0, 1) += 0.01;
  e.trade_shares(3, 3, 1) -= 0.01;
  const EquilibriumResiduals r = Check(e);
  EXPECT_LT(r.share_sums, 1e-12) << r.ToString();
  EXPECT_NEAR(r.trade_shares, 0.01, 1e-6) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, ExpenditureMovedByOnePercent) {
  Equilibrium e = solved_->equilibrium;
  e.expenditure(0, 0) *= 1.01;
  const EquilibriumResiduals r = Check(e);
  EXPECT_GT(r.expenditure, 1e-5) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, ANonFiniteValueAnywhere) {
  Equilibrium e = solved_->equilibrium;
  e.cost_ratio(4, 3) = std::numeric_limits<double>::quiet_NaN();
  const EquilibriumResiduals r = Check(e);
  EXPECT_TRUE(r.non_finite) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

TEST_F(CheckerRejects, AllWagesScaledTogetherBreaksTheNumeraire) {
  // Scaling every wage, price and expenditure by the same factor keeps relative conditions;
  // the numéraire (world value added unchanged) is what pins the level.
  Equilibrium e = solved_->equilibrium;
  for (double& w : e.wage_ratio) w *= 1.02;
  const EquilibriumResiduals r = Check(e);
  EXPECT_NEAR(r.numeraire, 0.02, 1e-6) << r.ToString();
  EXPECT_FALSE(r.Pass(kCheckerTolerance)) << r.ToString();
}

}  // namespace
}  // namespace ricardo
