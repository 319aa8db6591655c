// The built-in north-america baseline: the 2024 goods trade among USA, CAN and MEX, pre-2025
// tariffs and a calibrated equilibrium (its sector shares: builtin_shares_test.cpp; its rebuild:
// builtin_rebuild_test.cpp).
#include <cmath>

#include "builtin_fixture.hpp"
#include "nlohmann/json.hpp"
#include "ricardo/baseline_summary.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {
namespace {

using testing::CensusUsd;
using testing::FlowUsd;

const Baseline& NorthAmerica() {
  return testing::ShippedBaseline("north-america");
}

TEST(NorthAmerica, IsBuiltInAndValid) {
  const auto names = BuiltinBaselineNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "north-america"), names.end());
  const Baseline& b = NorthAmerica();
  ASSERT_EQ(b.region_count(), 4u);
  ASSERT_EQ(b.sector_count(), 35u);
  EXPECT_EQ(b.regions[0].code, "USA");
  EXPECT_EQ(b.regions[3].code, "ROW");
  EXPECT_EQ(b.manifest.year, 2024);
  EXPECT_EQ(b.manifest.MoneyUnitLabel(), "US$ million");
  EXPECT_TRUE(std::filesystem::exists(ResolveBaseline("north-america") / "PROVENANCE.md"));
  const ValidationReport report = CheckPackage(ResolveBaseline("north-america"));
  EXPECT_TRUE(report.ok()) << report.errors.front().ToString();
}

// The six flows among the three: Census for the four US flows, Statistics Canada for
// Canada–Mexico. Canada's electricity (HS 2716, 0.6% of US imports from it) is in utilities,
// outside the goods sectors.
TEST(NorthAmerica, GoodsTradeMatchesThe2024Totals) {
  REQUIRE_SHARED_WORLD_DATA(world);
  const Baseline& b = NorthAmerica();
  const std::vector<bool> goods = GoodsSectors(b);
  EXPECT_EQ(std::count(goods.begin(), goods.end(), true), 16);
  const std::pair<const char*, const char*> census[] = {
      {"CAN", "exports"}, {"MEX", "exports"}, {"CAN", "imports"}, {"MEX", "imports"}};
  for (const auto& [partner, flow] : census) {
    const bool imports = std::string(flow) == "imports";
    const std::string importer = imports ? "USA" : partner, exporter = imports ? partner : "USA";
    const double goods_usd = FlowUsd(b, importer, exporter);
    const double all_usd =
        goods_usd + (imports ? FlowUsd(b, importer, exporter, "utilities") : 0.0);
    const double target = CensusUsd(world, partner, flow);
    EXPECT_NEAR(all_usd / target, 1.0, 1e-6) << partner << " " << flow;
    EXPECT_NEAR(goods_usd / target, 1.0, 0.02) << partner << " " << flow;
  }
  EXPECT_NEAR(FlowUsd(b, "CAN", "MEX") / 34.3e9, 1.0, 1e-6);
  EXPECT_NEAR(FlowUsd(b, "MEX", "CAN") / 6.3e9, 1.0, 1e-6);
  // ROW takes the rest of the US world totals.
  EXPECT_NEAR((FlowUsd(b, "USA", "ROW") + FlowUsd(b, "USA", "ROW", "utilities")) /
                  (CensusUsd(world, "WORLD", "imports") - CensusUsd(world, "CAN", "imports") -
                   CensusUsd(world, "MEX", "imports")),
              1.0, 1e-6);
  EXPECT_NEAR(FlowUsd(b, "ROW", "USA") /
                  (CensusUsd(world, "WORLD", "exports") - CensusUsd(world, "CAN", "exports") -
                   CensusUsd(world, "MEX", "exports")),
              1.0, 1e-6);
}

TEST(NorthAmerica, PreTariffWarRatesAreZeroAmongTheThree) {
  const Baseline& b = NorthAmerica();
  for (std::size_t n = 0; n < 3; ++n)
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < b.sector_count(); ++j) EXPECT_EQ(b.tariff_rates(n, i, j), 0.0);
  // MFN/applied rates on the rest of the world's goods, none on services.
  const std::size_t usa = 0, row = 3;
  EXPECT_GT(b.tariff_rates(usa, row, *b.FindSector("textiles")), 0.05);
  EXPECT_EQ(b.tariff_rates(usa, row, *b.FindSector("finance")), 0.0);
  const BaselineSummary s = SummarizeBaseline(b);
  EXPECT_GT(s.regions[usa].goods_tariff_trade_weighted, 0.005);
  EXPECT_LT(s.regions[usa].goods_tariff_trade_weighted, 0.05);
}

TEST(NorthAmerica, AZeroShockChangesNothing) {
  testing::ExpectZeroShockChangesNothing(NorthAmerica());
}

TEST(NorthAmerica, TwentyFivePercentUsTariffOnCanadianGoodsSolves) {
  const Baseline& b = NorthAmerica();
  const std::vector<bool> goods = GoodsSectors(b);
  Shock shock = Shock::None(b);
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (goods[j]) shock.tariff_rates(0, 1, j) = 0.25;
  }
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  EXPECT_TRUE(s.summary.check.Pass(kCheckerTolerance)) << s.summary.check.ToString();
  EXPECT_LT(s.equilibrium.wage_ratio[1], s.equilibrium.wage_ratio[0]);  // Canada loses
}

TEST(NorthAmerica, ShowJsonListsEveryPair) {
  const auto json = testing::ShowJsonOf("north-america", 12);
  EXPECT_EQ(json["goods_trade_regions"], nlohmann::json({"USA", "CAN", "MEX", "ROW"}));
}

TEST(NorthAmerica, ShowText) {
  const auto result = testing::RunCli("data show north-america");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("north-america — USA, Canada, Mexico and the rest of the world"),
            std::string::npos);
  EXPECT_NE(result.out.find("  USA  → CAN       348.5   tariff 0.00%"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("  MEX  → USA       505.9   tariff 0.00%"), std::string::npos);
  EXPECT_NE(result.out.find("  CAN  → MEX         6.3   tariff 0.00%"), std::string::npos);
}

TEST(Baselines, UnknownNameSuggestsTheClosest) {
  try {
    LoadBaseline("north-amerika");
    ADD_FAILURE();
  } catch (const NotFoundError& e) {
    EXPECT_EQ(std::string(e.what()),
              "north-amerika: unknown baseline 'north-amerika' (did you mean 'north-america'?) "
              "(built-in baselines: north-america, world; or give a package directory)");
  }
  const auto result = testing::RunCli("data show no-such-baseline");
  EXPECT_EQ(result.exit_code, 5);
  EXPECT_EQ(result.err,
            "ricardo: not found: no-such-baseline: unknown baseline "
            "'no-such-baseline' (built-in baselines: north-america, world; or give "
            "a package directory)\n");
}

}  // namespace
}  // namespace ricardo
