// The built-in north-america baseline: the 2024 goods trade among USA, CAN and MEX, pre-2025
// tariffs, a calibrated equilibrium, and a reproducible build from the shared data.
#include <cmath>

#include "nlohmann/json.hpp"
#include "package_fixture.hpp"
#include "ricardo/baseline_summary.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

const Baseline& NorthAmerica() {
  static const Baseline b = LoadBaseline("north-america");
  return b;
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

TEST(NorthAmerica, GoodsTradeMatchesThe2024Totals) {
  const Baseline& b = NorthAmerica();
  const std::vector<bool> goods = GoodsSectors(b);
  EXPECT_EQ(std::count(goods.begin(), goods.end(), true), 16);
  for (const auto& target : NorthAmericaGoodsTrade2024()) {
    const std::size_t n = *b.FindRegion(target.importer), i = *b.FindRegion(target.exporter);
    double usd = 0.0;
    for (std::size_t j = 0; j < b.sector_count(); ++j) {
      if (goods[j]) usd += b.trade_flows(n, i, j) * b.manifest.money_unit;
    }
    EXPECT_NEAR(usd / target.value_usd, 1.0, 1e-6) << target.exporter << "->" << target.importer;
  }
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
  const Baseline& b = NorthAmerica();
  const Solution s = Solve(b, Shock::None(b));
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  for (double w : s.equilibrium.wage_change) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_change.values()) EXPECT_NEAR(p, 1.0, 1e-10);
  const Array3 pi = ExpenditureShares(b);
  for (std::size_t k = 0; k < pi.size(); ++k) {
    EXPECT_NEAR(s.equilibrium.trade_shares.values()[k], pi.values()[k], 1e-10);
  }
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
  EXPECT_LT(s.equilibrium.wage_change[1], s.equilibrium.wage_change[0]);  // Canada loses
}

TEST(NorthAmerica, TheBuildIsReproducible) {
  const auto shared = testing::SharedDataDirectory();
  if (!shared) GTEST_SKIP() << "../shared/data is not available";
  NorthAmericaOptions options;
  options.wiod_directory = *shared / "wiod2013";
  const NorthAmericaBuild build = BuildNorthAmerica(options);
  EXPECT_LE(build.max_target_error, 1e-9);
  EXPECT_TRUE(build.calibration.IsConverged());
  // Written and read back, it is the shipped package exactly.
  const auto dir = testing::MakeTempDirectory("rebuilt");
  WritePackage(build.baseline, dir, {.overwrite = true,
                                     .provenance_markdown = build.provenance_markdown});
  EXPECT_TRUE(ReadPackage(dir) == NorthAmerica())
      << "data/baselines/north-america is out of date: run scripts/build-north-america.sh";
  EXPECT_EQ(testing::ReadText(dir / "PROVENANCE.md"),
            testing::ReadText(ResolveBaseline("north-america") / "PROVENANCE.md"));
}

TEST(NorthAmerica, ShowJsonReportsTheSixGoodsFlows) {
  const auto result = testing::RunCli("data show north-america --json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["name"], "north-america");
  ASSERT_EQ(json["goods_trade"].size(), 6u);
  for (const auto& target : NorthAmericaGoodsTrade2024()) {
    bool found = false;
    for (const auto& flow : json["goods_trade"]) {
      if (flow["exporter"] == target.exporter && flow["importer"] == target.importer) {
        found = true;
        EXPECT_NEAR(flow["value_usd"].get<double>() / target.value_usd, 1.0, 0.01);
      }
    }
    EXPECT_TRUE(found) << target.exporter << "->" << target.importer;
  }
}

TEST(NorthAmerica, ShowText) {
  const auto result = testing::RunCli("data show north-america");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("north-america — USA, Canada, Mexico and the rest of the world"),
            std::string::npos);
  EXPECT_NE(result.out.find("  USA  → CAN       349.4   tariff 0.00%"), std::string::npos)
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
              "(built-in baselines: north-america; or give a package directory)");
  }
  const auto result = testing::RunCli("data show no-such-baseline");
  EXPECT_EQ(result.exit_code, 5);
  EXPECT_EQ(result.err, "ricardo: not found: no-such-baseline: unknown baseline "
                        "'no-such-baseline' (built-in baselines: north-america; or give a "
                        "package directory)\n");
}

}  // namespace
}  // namespace ricardo
