// Solver options, invalid inputs and non-convergence reporting.
#include <memory>

#include "gtest/gtest.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/error.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

TEST(SolverOptions, DefaultsAreValid) {
  std::string error;
  EXPECT_TRUE(SolverOptions{}.IsValid(&error)) << error;
}

TEST(SolverOptions, InvalidFieldsAreNamedWithTheirBound) {
  struct Case {
    void (*set)(SolverOptions&);
    const char* message;
  };
  const Case cases[] = {
      {[](SolverOptions& o) { o.tolerance = 0.0; }, "tolerance must be > 0, got 0"},
      {[](SolverOptions& o) { o.max_outer_iterations = 0; },
       "max_outer_iterations must be >= 1, got 0"},
      {[](SolverOptions& o) { o.wage_step = -1.0; }, "wage_step must be in (0, 10], got -1"},
      {[](SolverOptions& o) { o.anderson_memory = 99; },
       "anderson_memory must be in [0, 50], got 99"},
      {[](SolverOptions& o) { o.threads = 0; }, "threads must be in [1, 256], got 0"},
      {[](SolverOptions& o) { o.max_time_in_seconds = -2.0; },
       "max_time_in_seconds must be > 0, got -2"},
  };
  for (const Case& c : cases) {
    SolverOptions options;
    c.set(options);
    std::string error;
    EXPECT_FALSE(options.IsValid(&error));
    EXPECT_EQ(error, c.message);
  }
}

TEST(SolverOptions, SolveRejectsInvalidOptionsWithAnArgumentError) {
  const Baseline b = testing::MakeRandomBaseline(3, 2, 1);
  SolverOptions options;
  options.tolerance = -1.0;
  try {
    Solve(b, Shock::None(b), options);
    FAIL() << "expected ArgumentError";
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(), "invalid solver options: tolerance must be > 0, got -1");
  }
}

TEST(SolverOptions, NonConvergenceIsReportedNotThrown) {
  const Baseline b = testing::MakeRandomBaseline(4, 3, 2);
  Shock shock = Shock::None(b);
  shock.tariff_rates(0, 1, 0) = 0.5;
  SolverOptions options;
  options.max_outer_iterations = 2;
  const Solution s = Solve(b, shock, options);
  EXPECT_EQ(s.summary.termination, TerminationType::kIterationLimit);
  EXPECT_EQ(s.summary.message, "no convergence within 2 outer iterations");
  EXPECT_EQ(s.summary.outer_iterations, 2);
  EXPECT_FALSE(s.summary.IsConverged());
  EXPECT_NE(s.summary.BriefReport().find("iteration limit"), std::string::npos);
}

TEST(SolverOptions, ProgressCallbackSeesEveryOuterIteration) {
  const Baseline b = testing::MakeRandomBaseline(4, 3, 3);
  int calls = 0;
  SolverOptions options;
  options.progress = [&calls](const SolverProgress& p) { calls = p.outer_iteration; };
  const Solution s = Solve(b, Shock::None(b), options);
  EXPECT_EQ(calls, s.summary.outer_iterations);
}

TEST(SolverOptions, ThreadsGiveTheSameEquilibrium) {
  const Baseline b = testing::MakeRandomBaseline(6, 4, 4);
  Shock shock = Shock::None(b);
  shock.tariff_rates(1, 2, 1) = 0.4;
  SolverOptions two;
  two.threads = 2;
  const Solution s1 = Solve(b, shock);
  const Solution s2 = Solve(b, shock, two);
  ASSERT_TRUE(s1.summary.IsConverged());
  ASSERT_TRUE(s2.summary.IsConverged());
  for (std::size_t n = 0; n < 6; ++n) {
    EXPECT_NEAR(s1.equilibrium.wage_ratio[n], s2.equilibrium.wage_ratio[n], 1e-12);
  }
}

// A start near the answer (the solution of a nearby shock) saves iterations and reaches the
// cold start's equilibrium to within the tolerance; the summary says it was a warm start.
TEST(SolverOptions, StartFromANearbySolutionSavesIterationsAndReachesTheSameEquilibrium) {
  const Baseline b = testing::MakeRandomBaseline(5, 4, 6);
  Shock near = Shock::None(b);
  near.tariff_rates(1, 2, 1) = 0.40;
  near.tariff_rates(0, 3, 2) = 0.25;
  Shock edited = near;
  edited.tariff_rates(1, 2, 1) = 0.35;
  const Solution from = Solve(b, near);
  ASSERT_TRUE(from.summary.IsConverged());
  SolverOptions warm;
  warm.start = std::make_shared<const Equilibrium>(from.equilibrium);
  const Solution cold = Solve(b, edited);
  const Solution warmed = Solve(b, edited, warm);
  ASSERT_TRUE(cold.summary.IsConverged());
  ASSERT_TRUE(warmed.summary.IsConverged()) << warmed.summary.FullReport();
  EXPECT_FALSE(cold.summary.warm_start);
  EXPECT_TRUE(warmed.summary.warm_start);
  EXPECT_NE(warmed.summary.BriefReport().find("(accelerated, warm start)"), std::string::npos);
  EXPECT_LT(warmed.summary.outer_iterations, cold.summary.outer_iterations);
  EXPECT_LT(warmed.summary.price_iterations, cold.summary.price_iterations);
  for (std::size_t n = 0; n < 5; ++n) {
    EXPECT_NEAR(warmed.equilibrium.wage_ratio[n], cold.equilibrium.wage_ratio[n], 1e-10);
  }
  for (std::size_t k = 0; k < cold.equilibrium.price_ratio.size(); ++k) {
    EXPECT_NEAR(warmed.equilibrium.price_ratio.values()[k],
                cold.equilibrium.price_ratio.values()[k], 1e-10);
  }
  // Started at the answer itself, the iteration only confirms it.
  SolverOptions at_answer;
  at_answer.start = std::make_shared<const Equilibrium>(cold.equilibrium);
  const Solution confirmed = Solve(b, edited, at_answer);
  ASSERT_TRUE(confirmed.summary.IsConverged());
  EXPECT_LE(confirmed.summary.outer_iterations, 3);
}

TEST(SolverOptions, StartsThatDoNotFitAreRejectedWithAnArgumentError) {
  const Baseline b = testing::MakeRandomBaseline(3, 2, 1);
  const Solution solved = Solve(b, Shock::None(b));
  auto message = [&](const Equilibrium& start, Algorithm algorithm = Algorithm::kAccelerated) {
    SolverOptions options;
    options.algorithm = algorithm;
    options.start = std::make_shared<const Equilibrium>(start);
    try {
      Solve(b, Shock::None(b), options);
    } catch (const ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  Equilibrium small = solved.equilibrium;
  small.wage_ratio.pop_back();
  EXPECT_EQ(message(small),
            "the start equilibrium does not fit the baseline's 3 regions and 2 "
            "sectors (start from a solution on the same baseline)");
  Equilibrium negative = solved.equilibrium;
  negative.price_ratio(1, 0) = -1.0;
  EXPECT_EQ(message(negative),
            "the start equilibrium holds a wage or price change that is not > 0, or an "
            "expenditure that is negative or not finite (start from a converged solution)");
  Equilibrium off_numeraire = solved.equilibrium;
  for (double& w : off_numeraire.wage_ratio) w *= 2.0;
  EXPECT_EQ(message(off_numeraire),
            "the start equilibrium's wages change world value added by a factor 2; the "
            "numéraire keeps it at 1 (start from a solution on the same baseline)");
  EXPECT_EQ(message(solved.equilibrium, Algorithm::kReference),
            "a start equilibrium is only used by the accelerated algorithm (drop "
            "SolverOptions::start or use Algorithm::kAccelerated)");
}

TEST(ShockValidation, MismatchedDimensionsAndBadValuesAreRejected) {
  const Baseline b = testing::MakeRandomBaseline(3, 2, 5);
  Shock wrong = Shock::None(b);
  wrong.tariff_rates = Array3(2, 2, 2);
  try {
    Solve(b, wrong);
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(),
                 "shock field 'tariff_rates' has dimensions 2x2x2, the baseline needs 3x3x2 "
                 "(importer x exporter x sector) (build the shock from this baseline, e.g. with "
                 "Shock::None)");
  }
  Shock negative = Shock::None(b);
  negative.tariff_rates(0, 1, 1) = -0.1;
  try {
    Solve(b, negative);
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(),
                 "counterfactual tariff R0<-R1 in sector s1 is -0.1 (must be a finite fraction "
                 ">= 0)");
  }
  Shock unbalanced = Shock::None(b);
  unbalanced.surplus = std::vector<double>{1.0, 0.0, 0.0};
  try {
    Solve(b, unbalanced);
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(),
                 "counterfactual surpluses sum to 1, not zero; no equilibrium exists (world "
                 "exports equal world imports) (make the surpluses sum to zero)");
  }
}

TEST(BaselineValidation, NonPositiveThetaIsRejected) {
  Baseline b = testing::MakeRandomBaseline(3, 2, 6);
  b.sectors[1].theta = 0.0;
  try {
    Solve(b, Shock::None(b));
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(), "sector 's1' has trade elasticity theta = 0 (must be > 0)");
  }
}

}  // namespace
}  // namespace ricardo
