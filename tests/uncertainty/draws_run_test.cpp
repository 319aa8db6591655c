// Draws of the default scenario: the USMCA interpolation is exact, the bands are ordered, and
// the answer does not depend on the number of threads or the order of the draws.
#include <gtest/gtest.h>

#include <cmath>

#include "nlohmann/json.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/uncertainty.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

struct Compiled {
  Scenario scenario;
  CompileOptions options;
  CompiledScenario compiled;
};

const Compiled& Default() {
  static const Compiled c = [] {
    Compiled out;
    out.scenario = LoadScenario(ResolveScenarioPath("us-tariffs-2025-11"));
    out.options.product_trace = false;
    out.compiled = CompileScenario(out.scenario, LoadBaseline(out.scenario.baseline), out.options);
    return out;
  }();
  return c;
}

// Each product's charge is affine in its USMCA-claimed share, so the tariffs compiled with every
// share at ½ are the midpoint of those at 0 and at 1: what DrawTariffs's interpolation assumes.
TEST(UsmcaDraws, TariffsAreAffineInTheClaimedShare) {
  REQUIRE_DEFAULT_SCENARIO();
  const Compiled& c = Default();
  auto at = [&](double share) {
    CompileOptions o = c.options;
    o.usmca_share_override = share;
    return CompileScenario(c.scenario, c.compiled.baseline, o).shock.tariff_rates;
  };
  const Array3 none = at(0.0), half = at(0.5), full = at(1.0), quarter = at(0.25);
  double largest_gap = 0.0, largest_move = 0.0;
  for (std::size_t k = 0; k < half.size(); ++k) {
    largest_gap = std::max(
        largest_gap, std::fabs(half.values()[k] - 0.5 * (none.values()[k] + full.values()[k])));
    largest_gap = std::max(largest_gap, std::fabs(quarter.values()[k] - (0.75 * none.values()[k] +
                                                                         0.25 * full.values()[k])));
    largest_move = std::max(largest_move, std::fabs(full.values()[k] - none.values()[k]));
  }
  EXPECT_LT(largest_gap, 1e-12);
  EXPECT_GT(largest_move, 0.05);  // the share matters: full claims lower tariffs a lot
}

TEST(UsmcaDraws, RangesAroundTheObservedShares) {
  REQUIRE_DEFAULT_SCENARIO();
  const Compiled& c = Default();
  DrawSettings settings;
  settings.draws = 10;
  const UncertaintyInputs inputs = PrepareUncertainty(c.scenario, c.compiled, c.options, settings);
  ASSERT_EQ(inputs.usmca.size(), 2u);
  for (const UsmcaRange& r : inputs.usmca) {
    EXPECT_LE(r.low, r.share) << r.partner;
    EXPECT_GE(r.high, r.share) << r.partner;
    EXPECT_GT(r.share, 0.3) << r.partner;
    EXPECT_EQ(r.months.size(), 7u);  // 2025-08 to 2026-02
  }
  // A draw at the compile's share leaves the tariffs as compiled; the drawn tariffs stay within
  // the no-claims and full-claims bounds.
  for (std::uint64_t k = 0; k < 20; ++k) {
    const Array3 t = DrawTariffs(c.compiled.shock.tariff_rates, c.compiled.baseline, inputs, 1, k);
    const UsmcaRange& r = inputs.usmca[0];
    for (std::size_t v = 0; v < t.size(); ++v) {
      const double lo = std::min(r.tariffs_none.values()[v], r.tariffs_full.values()[v]);
      const double hi = std::max(r.tariffs_none.values()[v], r.tariffs_full.values()[v]);
      ASSERT_GE(t.values()[v], lo - 1e-15);
      ASSERT_LE(t.values()[v], hi + 1e-15);
    }
  }
}

TEST(Draws, SameOnOneAndTwoThreadsAndBandsOrdered) {
  REQUIRE_DEFAULT_SCENARIO();
  const Compiled& c = Default();
  const Solution point = Solve(c.compiled.baseline, c.compiled.shock);
  ASSERT_TRUE(point.summary.IsConverged());
  DrawSettings settings;
  settings.draws = 12;
  settings.seed = 7;
  const UncertaintyInputs inputs = PrepareUncertainty(c.scenario, c.compiled, c.options, settings);
  settings.threads = 1;
  const DrawResult one = RunDraws(c.compiled.baseline, c.compiled.shock, point, inputs, settings);
  settings.threads = 2;
  const DrawResult two = RunDraws(c.compiled.baseline, c.compiled.shock, point, inputs, settings);
  ASSERT_EQ(one.draws.size(), 12u);
  EXPECT_EQ(one.non_converged, 0u);
  for (std::size_t k = 0; k < one.draws.size(); ++k) {
    EXPECT_EQ(one.draws[k].welfare_pct, two.draws[k].welfare_pct) << k;
    EXPECT_EQ(one.draws[k].bilateral_trade_pct.size(), two.draws[k].bilateral_trade_pct.size());
  }
  for (const auto& bands : one.country_bands) {
    for (const auto& [indicator, b] : bands) {
      EXPECT_LE(b.p05, b.p50) << indicator;
      EXPECT_LE(b.p50, b.p95) << indicator;
    }
  }
  // Draw 5 alone is draw 5 of the run: nothing depends on the order of solving.
  const auto start = std::make_shared<const Equilibrium>(point.equilibrium);
  const DrawOutcomes alone =
      SolveDraw(c.compiled.baseline, c.compiled.shock, start, inputs, settings, 5);
  EXPECT_EQ(alone.welfare_pct, one.draws[5].welfare_pct);
  EXPECT_EQ(alone.bilateral_trade_pct.size(), one.draws[5].bilateral_trade_pct.size());
}

// The bands move with the draws: θ draws alone leave the USMCA shares as compiled, and the
// welfare of the US varies across draws.
TEST(Draws, DrawsVaryTheOutcome) {
  REQUIRE_DEFAULT_SCENARIO();
  const Compiled& c = Default();
  const Solution point = Solve(c.compiled.baseline, c.compiled.shock);
  DrawSettings settings;
  settings.draws = 8;
  settings.usmca = false;
  const UncertaintyInputs inputs = PrepareUncertainty(c.scenario, c.compiled, c.options, settings);
  EXPECT_TRUE(inputs.usmca.empty());
  const DrawResult r = RunDraws(c.compiled.baseline, c.compiled.shock, point, inputs, settings);
  const Band& us = r.country_bands[*c.compiled.baseline.FindRegion("USA")].at("welfare_pct");
  EXPECT_LT(us.p05, us.p95);
}

TEST(Draws, NothingToDrawIsAnError) {
  REQUIRE_DEFAULT_SCENARIO();
  Compiled c = Default();
  for (Sector& s : c.compiled.baseline.sectors) s.theta_se = 0.0;
  DrawSettings settings;
  settings.draws = 3;
  settings.usmca = false;
  try {
    PrepareUncertainty(c.scenario, c.compiled, c.options, settings);
    FAIL() << "expected an ArgumentError";
  } catch (const ArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find("nothing to draw"), std::string::npos) << e.what();
  }
}

nlohmann::json RunJson(const std::string& args) {
  const testing::CommandResult r =
      testing::RunCli("run --format json --no-elasticity-flags " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(DrawsCli, BandsInRunJsonSameOnOneAndTwoThreads) {
  REQUIRE_DEFAULT_SCENARIO();
  const nlohmann::json one = RunJson("--draws 16 --seed 3 --threads 1");
  const nlohmann::json two = RunJson("--draws 16 --seed 3 --threads 2");
  ASSERT_TRUE(one.contains("uncertainty"));
  EXPECT_EQ(one["uncertainty"]["draws"], 16);
  EXPECT_EQ(one["uncertainty"]["seed"], 3);
  EXPECT_NE(one["uncertainty"]["sentence"].get<std::string>().find("not a forecast interval"),
            std::string::npos);
  for (const auto& [code, country] : one["countries"].items()) {
    for (const char* indicator : {"welfare_pct", "real_wage_pct", "exports_pct", "imports_pct"}) {
      const auto& b = country["bands"][indicator];
      EXPECT_LE(b["p05"].get<double>(), b["p50"].get<double>()) << code << indicator;
      EXPECT_LE(b["p50"].get<double>(), b["p95"].get<double>()) << code << indicator;
    }
    EXPECT_EQ(country["bands"], two["countries"][code]["bands"]) << code;
  }
  EXPECT_EQ(one["bilateral"], two["bilateral"]);
  ASSERT_TRUE(one["bilateral"][0].contains("bands"));
  // Without --draws there are no bands.
  const nlohmann::json plain = RunJson("");
  EXPECT_FALSE(plain.contains("uncertainty"));
  EXPECT_FALSE(plain["countries"]["USA"].contains("bands"));
}

TEST(DrawsCli, BadOptionsSayWhatToDo) {
  REQUIRE_DEFAULT_SCENARIO();
  auto err = [](const std::string& args) {
    const testing::CommandResult r = testing::RunCli("run --quiet " + args);
    EXPECT_NE(r.exit_code, 0) << args;
    return r.err;
  };
  EXPECT_EQ(err("--draws 5 --draw thetas"),
            "ricardo: invalid argument: --draw 'thetas': unknown item 'thetas' (write theta, "
            "usmca or theta,usmca)\n");
  EXPECT_NE(err("--draws 5 --theta-scale 0.5,1").find("--draws cannot be combined"),
            std::string::npos);
  EXPECT_EQ(err("--draws 5 --seed -1"),
            "ricardo: invalid argument: --seed '-1' is not a whole number from 0 to "
            "18446744073709551615 (give e.g. --seed 1)\n");
  EXPECT_NE(err("--draws 5 --seed 18446744073709551616").find("is not a whole number"),
            std::string::npos);
  EXPECT_NE(err("--draws 5 --seed 1e3").find("is not a whole number"), std::string::npos);
  EXPECT_NE(err("--draws 0").find("--draws"), std::string::npos);
  EXPECT_NE(err("--draws 100001").find("--draws"), std::string::npos);
}

}  // namespace
}  // namespace ricardo
