// Sweep specs (docs/sweep.md): points in grid and list order, and every malformed spec refused
// at its line and column with the exact message a user sees.
#include <string>

#include "gtest/gtest.h"
#include "ricardo/error.hpp"
#include "ricardo/sweep.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

SweepSpec Parse(const std::string& text) {
  return ParseSweepSpec(text, "spec.toml", testing::ProjectDirectory() / "docs" / "examples");
}

// The message of the error parsing `text` throws (and that it is of kind `kind`).
std::string ErrorOf(const std::string& text, ErrorKind kind = ErrorKind::kScenario) {
  try {
    Parse(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected an error";
  return {};
}

const std::string kHead = "scenario = \"us-tariffs-2025-11\"\n";

TEST(SweepSpec, GridPointsRunScenarioDateShareDrawThenRatesLastFastest) {
  REQUIRE_DEFAULT_SCENARIO();
  const SweepSpec spec = Parse(kHead +
                               "[axes]\n"
                               "dates = [2025-04-10, 2025-11-01]\n"
                               "usmca_share = [0.5, 0.9]\n"
                               "rates = { \"s232-steel\" = [0.25, 0.5, 0.75], "
                               "\"s232-aluminum\" = { from = 0.1, to = 0.3, step = 0.1 } }\n");
  ASSERT_EQ(spec.PointCount(), 2u * 2u * 3u * 3u);
  ASSERT_EQ(spec.compiles.size(), 4u);
  EXPECT_EQ(spec.rate_measures, (std::vector<std::string>{"s232-steel", "s232-aluminum"}));
  // The range is from + k·step with the last value exactly `to`.
  EXPECT_EQ(spec.rate_axes[1].rates, (std::vector<double>{0.1, 0.1 + 0.1, 0.3}));
  const SweepPoint p0 = spec.Point(0);
  EXPECT_EQ(p0.compile, 0u);
  EXPECT_EQ(*p0.rates[0], 0.25);
  EXPECT_EQ(*p0.rates[1], 0.1);
  const SweepPoint p1 = spec.Point(1);  // the last rate axis moves first
  EXPECT_EQ(*p1.rates[0], 0.25);
  EXPECT_EQ(*p1.rates[1], 0.1 + 0.1);
  const SweepPoint p9 = spec.Point(9);  // then the compile: date 0, share 0.9
  EXPECT_EQ(p9.compile, 1u);
  EXPECT_EQ(*spec.compiles[1].usmca_share, 0.9);
  EXPECT_EQ(spec.compiles[1].date->ToString(), "2025-04-10");
  EXPECT_EQ(spec.compiles[2].date->ToString(), "2025-11-01");
  EXPECT_FALSE(p0.theta_draw.has_value());
}

TEST(SweepSpec, ThetaDrawsAreAnAxisBetweenCompilesAndRates) {
  REQUIRE_DEFAULT_SCENARIO();
  const SweepSpec spec = Parse(kHead +
                               "[axes]\n"
                               "theta_draws = { count = 3, seed = 7 }\n"
                               "rates = { \"s232-steel\" = [0.25, 0.5] }\n");
  ASSERT_EQ(spec.PointCount(), 6u);
  EXPECT_EQ(spec.theta_seed, 7u);
  EXPECT_EQ(*spec.Point(0).theta_draw, 0u);
  EXPECT_EQ(*spec.Point(1).theta_draw, 0u);
  EXPECT_EQ(*spec.Point(2).theta_draw, 1u);
  EXPECT_EQ(*spec.Point(5).theta_draw, 2u);
}

TEST(SweepSpec, ListModeKeepsThePointsInOrder) {
  REQUIRE_DEFAULT_SCENARIO();
  const SweepSpec spec = Parse(kHead +
                               "theta_seed = 3\n"
                               "[[points]]\n"
                               "rates = { \"s232-steel\" = 0.5 }\n"
                               "[[points]]\n"
                               "date = 2025-08-01\n"
                               "usmca_share = 0.7\n"
                               "theta_draw = 4\n"
                               "rates = { \"s232-aluminum\" = 0.1 }\n");
  ASSERT_EQ(spec.PointCount(), 2u);
  EXPECT_EQ(spec.rate_measures, (std::vector<std::string>{"s232-steel", "s232-aluminum"}));
  EXPECT_EQ(*spec.Point(0).rates[0], 0.5);
  EXPECT_FALSE(spec.Point(0).rates[1].has_value());
  EXPECT_EQ(*spec.Point(1).rates[1], 0.1);
  EXPECT_EQ(*spec.Point(1).theta_draw, 4u);
  EXPECT_EQ(spec.compiles.size(), 2u);
  EXPECT_EQ(spec.theta_seed, 3u);
}

TEST(SweepSpec, TheDocumentedExampleParses) {
  REQUIRE_DEFAULT_SCENARIO();
  const SweepSpec spec =
      LoadSweepSpec(testing::ProjectDirectory() / "docs" / "examples" / "tariff-sweep.toml");
  EXPECT_EQ(spec.PointCount(), 12u);
  EXPECT_EQ(spec.baseline, "world");
}

TEST(SweepSpec, ErrorsSayWhereWhatAndHowToFix) {
  REQUIRE_DEFAULT_SCENARIO();
  EXPECT_EQ(ErrorOf(kHead + "baselin = \"world\"\n[axes]\ndates = [2025-11-01]\n"),
            "spec.toml:2:1: unknown key 'baselin' in the sweep spec (did you mean 'baseline'?)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nrate = { \"s232-steel\" = [0.25] }\n"),
            "spec.toml:3:1: unknown key 'rate' in [axes] (did you mean 'rates'?)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nrates = { \"s232-steal\" = [0.25] }\n"),
            "spec.toml:3:11: unknown measure 's232-steal' in scenario us-tariffs-2025-11 (did you "
            "mean 's232-steel'?)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nrates = { \"s232-steel\" = [0.25, 25] }\n"),
            "spec.toml:3:33: rate 25 of 's232-steel' is outside 0 … 5 (rates are fractions: write "
            "0.25 for 25%)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nrates = { \"s232-steel\" = { from = 0.1, to = 0.5, step = "
                            "0.15 } }\n"),
            "spec.toml:3:26: the range of 's232-steel' from 0.1 by 0.15 does not reach 0.5 "
            "(2.666666666666667 steps) (choose a step that divides to − from, or list the rates)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ndates = [\"2025-11-01\"]\n"),
            "spec.toml:3:10: dates[0] must be a date, not a string (write 2025-11-01 without "
            "quotes)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ndates = [2025-11-01, 2025-11-01]\n"),
            "spec.toml:3:22: date 2025-11-01 is listed twice (list each date once)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ndates = []\n"),
            "spec.toml:3:9: 'dates' is empty (give at least one value, e.g. dates = [2025-06-01, "
            "2025-11-01], or leave the key out)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nusmca_share = 0.5\n"),
            "spec.toml:3:15: 'usmca_share' must be an array, not a number (write usmca_share = "
            "[0.5, 0.9])");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\nusmca_share = [1.5]\n"),
            "spec.toml:3:16: USMCA share 1.5 is outside 0 … 1 (shares are fractions of trade: "
            "write 0.9 for 90%)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ntheta_draws = { count = 0 }\n"),
            "spec.toml:3:25: theta_draws count is 0, must be 1 … 10000000 (give the number of "
            "elasticity draws, e.g. count = 100)");
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ndates = [2025-11-01]\n[[points]]\n"),
            "spec.toml:4:1: the spec has both [axes] and [[points]] (a sweep is either a grid "
            "([axes]) or a list of points ([[points]]); keep one)");
  EXPECT_EQ(ErrorOf(kHead),
            "spec.toml:1:1: the spec has neither [axes] nor [[points]] (add [axes] with the values "
            "to sweep, e.g. dates = [2025-06-01, 2025-11-01]; docs/sweep.md has an example)");
  EXPECT_EQ(ErrorOf(kHead + "[[points]]\nscenario = \"us-tariffs-2025-3\"\n"),
            "spec.toml:3:12: scenario 'us-tariffs-2025-3' is not one of the spec's scenarios (did "
            "you mean 'us-tariffs-2025-11'?)");
  EXPECT_EQ(ErrorOf("scenario = \"no-such-scenario\"\n[axes]\ndates = [2025-11-01]\n",
                    ErrorKind::kNotFound)
                .substr(0, 58),
            "spec.toml:1:12: scenario 'no-such-scenario' not found (shi");
}

TEST(SweepSpec, TooManyPointsIsALimit) {
  REQUIRE_DEFAULT_SCENARIO();
  EXPECT_EQ(ErrorOf(kHead + "[axes]\ndates = [2025-04-10, 2025-08-01, 2025-11-01]\n"
                            "rates = { \"s232-steel\" = { from = 0, to = 5, step = 0.000001 } }\n",
                    ErrorKind::kLimit),
            "spec.toml:2:1: the grid has 15000003 points, more than the 10000000 a sweep may have "
            "(sweep fewer values, or split the study into several specs (docs/sweep.md, Limits))");
}

}  // namespace
}  // namespace ricardo
