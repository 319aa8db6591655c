// Solver options, invalid inputs and non-convergence reporting.
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
    EXPECT_NEAR(s1.equilibrium.wage_change[n], s2.equilibrium.wage_change[n], 1e-12);
  }
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
