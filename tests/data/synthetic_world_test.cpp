// The synthetic worlds of the scale curve (ricardo/synthetic_world.hpp) are honest base years:
// they pass every check of a baseline package, a zero shock leaves them as they are, and the
// scale curve's shock solves with the independent checker's residuals below tolerance.
#include "ricardo/synthetic_world.hpp"

#include <cmath>
#include <string>

#include "gtest/gtest.h"
#include "ricardo/error.hpp"
#include "ricardo/solver.hpp"
#include "ricardo/validate.hpp"

namespace ricardo {
namespace {

struct Size {
  std::size_t regions, sectors;
  std::uint32_t seed;
};
// Small enough for ctest (all three in well under a second), varied enough to have several
// non-tradable sectors and regions of very different sizes.
const Size kSizes[] = {{2, 1, 1}, {5, 8, 2}, {24, 12, 3}};

Baseline World(const Size& size) {
  SyntheticWorldOptions options;
  options.regions = size.regions;
  options.sectors = size.sectors;
  options.seed = size.seed;
  return MakeSyntheticWorld(options);
}

std::string Name(const Size& s) {
  return std::to_string(s.regions) + " x " + std::to_string(s.sectors);
}

TEST(SyntheticWorld, PassesThePackageChecksWithoutWarnings) {
  for (const Size& size : kSizes) {
    const Baseline b = World(size);
    const ValidationReport report = ValidateBaseline(b);
    EXPECT_TRUE(report.errors.empty()) << Name(size) << ": " << report.errors.front().ToString();
    EXPECT_TRUE(report.warnings.empty())
        << Name(size) << ": " << report.warnings.front().ToString();
    ASSERT_EQ(b.region_count(), size.regions);
    ASSERT_EQ(b.sector_count(), size.sectors);
  }
}

TEST(SyntheticWorld, LastQuarterOfSectorsIsNotTradedAndThetaIsInRange) {
  const Baseline b = World({5, 8, 2});
  for (std::size_t j = 0; j < 8; ++j) {
    EXPECT_EQ(b.sectors[j].tradable, j < 6) << b.sectors[j].code;
    EXPECT_GE(b.sectors[j].theta, 2.0);
    EXPECT_LE(b.sectors[j].theta, 15.0);
    for (std::size_t n = 0; n < 5; ++n)
      for (std::size_t i = 0; i < 5; ++i) {
        if (i == n || b.sectors[j].tradable) continue;
        EXPECT_EQ(b.trade_flows(n, i, j), 0.0);
        EXPECT_EQ(b.tariff_rates(n, i, j), 0.0);
      }
  }
  // One sector is always tradable, whatever the fraction.
  EXPECT_TRUE(World({2, 1, 1}).sectors[0].tradable);
}

TEST(SyntheticWorld, ZeroShockChangesNothing) {
  for (const Size& size : kSizes) {
    const Baseline b = World(size);
    const Solution s = Solve(b, Shock::None(b));
    ASSERT_TRUE(s.summary.IsConverged()) << Name(size) << ": " << s.summary.FullReport();
    for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-9) << Name(size);
    for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-9) << Name(size);
  }
}

TEST(SyntheticWorld, TariffRiseSolvesAndPassesTheChecker) {
  for (const Size& size : kSizes) {
    const Baseline b = World(size);
    const Shock shock = MakeTariffRiseShock(b, 0, 0.10);
    const Solution s = Solve(b, shock);
    ASSERT_TRUE(s.summary.IsConverged()) << Name(size) << ": " << s.summary.FullReport();
    EXPECT_LT(s.summary.check.Max(), 1e-8) << Name(size) << ": " << s.summary.check.ToString();
    EXPECT_FALSE(s.summary.check.non_finite);
  }
}

TEST(SyntheticWorld, TariffRiseShockTouchesOnlyTheImportersTradableForeignRates) {
  const Baseline b = World({5, 8, 2});
  const Shock shock = MakeTariffRiseShock(b, 2, 0.10);
  for (std::size_t n = 0; n < 5; ++n)
    for (std::size_t i = 0; i < 5; ++i)
      for (std::size_t j = 0; j < 8; ++j) {
        const bool raised = n == 2 && i != 2 && b.sectors[j].tradable;
        EXPECT_DOUBLE_EQ(shock.tariff_rates(n, i, j), b.tariff_rates(n, i, j) + (raised ? 0.1 : 0))
            << n << " " << i << " " << j;
      }
  EXPECT_THROW(MakeTariffRiseShock(b, 5, 0.1), ArgumentError);
  EXPECT_THROW(MakeTariffRiseShock(b, 0, -0.1), ArgumentError);
}

TEST(SyntheticWorld, SameSeedSameWorldOtherSeedOtherWorld) {
  EXPECT_EQ(World({5, 8, 2}), World({5, 8, 2}));
  EXPECT_NE(World({5, 8, 2}).trade_flows, World({5, 8, 3}).trade_flows);
}

TEST(SyntheticWorld, InvalidOptionsNameTheField) {
  SyntheticWorldOptions options;
  options.regions = 1;
  try {
    MakeSyntheticWorld(options);
    FAIL() << "expected ArgumentError";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(e.problem(), "invalid synthetic world options: regions must be >= 2, got 1");
  }
  options.regions = 3;
  options.theta_max = 1.0;
  std::string error;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "theta_max must be >= theta_min (2), got 1");
}

}  // namespace
}  // namespace ricardo
