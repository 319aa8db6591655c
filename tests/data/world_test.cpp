// The built-in world baseline: twelve regions, the 2024 US goods trade it was rescaled to,
// pre-2025 tariffs, and a calibrated equilibrium.
#include <algorithm>

#include "builtin_fixture.hpp"
#include "data/us_trade_2024.hpp"
#include "nlohmann/json.hpp"
#include "ricardo/baseline_summary.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {
namespace {

using testing::CensusUsd;
using testing::FlowUsd;

const Baseline& World() {
  return testing::ShippedBaseline("world");
}

const std::vector<std::string> kRegions = {"USA", "CAN", "MEX", "CHN", "EU27", "GBR",
                                           "JPN", "KOR", "IND", "TWN", "BRA",  "ROW"};

TEST(World, IsBuiltInAndValid) {
  const auto names = BuiltinBaselineNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "world"), names.end());
  const Baseline& b = World();
  ASSERT_EQ(b.region_count(), 12u);
  for (std::size_t n = 0; n < kRegions.size(); ++n) EXPECT_EQ(b.regions[n].code, kRegions[n]);
  ASSERT_EQ(b.sector_count(), 35u);
  EXPECT_EQ(b.manifest.year, 2024);
  EXPECT_EQ(b.manifest.MoneyUnitLabel(), "US$ million");
  // Same sectors, θ and ISIC tags as north-america.
  EXPECT_EQ(b.sectors, testing::ShippedBaseline("north-america").sectors);
  const ValidationReport report = CheckPackage(ResolveBaseline("world"));
  EXPECT_TRUE(report.ok()) << report.errors.front().ToString();
  const std::string provenance = testing::ReadText(ResolveBaseline("world") / "PROVENANCE.md");
  EXPECT_NE(provenance.find("Section 301 tariffs on China and China's retaliation are not"),
            std::string::npos);
  EXPECT_NE(provenance.find("Croatia"), std::string::npos);
}

TEST(World, DataCheckPasses) {
  for (const char* name : {"world", "north-america"}) {
    const auto result = testing::RunCli(std::string("data check ") + name);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.rfind(std::string(name) + ": ok (", 0), 0u) << result.out;
  }
}

TEST(World, ShowJsonListsTheTwelveRegionsAndEveryPair) {
  const auto json = testing::ShowJsonOf("world", 132);
  ASSERT_EQ(json["regions"].size(), 12u);
  for (std::size_t n = 0; n < kRegions.size(); ++n)
    EXPECT_EQ(json["regions"][n]["code"], kRegions[n]);
  const auto list = testing::RunCli("data list");
  EXPECT_NE(list.out.find("world            The main US partners"), std::string::npos) << list.out;
}

// US goods imports from CHN, MEX, CAN and EU27 against the 2024 Census totals. Canada's goods
// sectors hold 0.6% less than the total: its electricity (HS 2716) is in utilities.
TEST(World, UsImportsMatchThe2024CensusTotals) {
  REQUIRE_SHARED_WORLD_DATA(world);
  for (const char* p : {"CHN", "MEX", "CAN", "EU27"}) {
    const double census = CensusUsd(world, p, "imports");
    EXPECT_NEAR(FlowUsd(World(), "USA", p) / census, 1.0, 0.02) << p;
    EXPECT_NEAR((FlowUsd(World(), "USA", p) + FlowUsd(World(), "USA", p, "utilities")) / census,
                1.0, 1e-6)
        << p;
  }
  // All partners together: the US world total (goods, and the electricity of the partners with
  // GTAP sector data; the utilities trade of KOR, TWN, IND and BRA stays WIOD's).
  double total = 0.0;
  for (const auto& p : kRegions) {
    if (p == "USA") continue;
    total += FlowUsd(World(), "USA", p);
    if (p != "KOR" && p != "TWN" && p != "IND" && p != "BRA")
      total += FlowUsd(World(), "USA", p, "utilities");
  }
  EXPECT_NEAR(total / CensusUsd(world, "WORLD", "imports"), 1.0, 1e-6);
}

// Partners without a full-year Census figure: the totals they were scaled to (estimated from
// Census January–November, or Yale-matched values, see PROVENANCE.md), and those estimates
// within reach of the data they come from.
TEST(World, OtherPartnersMatchTheTotalsTheyWereScaledTo) {
  REQUIRE_SHARED_WORLD_DATA(world);
  const data_internal::UsTrade2024 trade = data_internal::ReadUsTrade2024(world);
  for (const char* p : {"GBR", "JPN", "KOR", "IND", "TWN", "BRA"}) {
    const bool by_sector = std::string(p) == "GBR" || std::string(p) == "JPN";
    const double baseline =
        FlowUsd(World(), "USA", p) + (by_sector ? FlowUsd(World(), "USA", p, "utilities") : 0.0);
    EXPECT_NEAR(baseline / trade.imports.at(p).value_usd, 1.0, 1e-6) << p;
  }
  for (const char* p : {"JPN", "KOR", "IND", "TWN"}) {
    const double jan_nov = CensusUsd(world, p, "imports", "2024 Jan-Nov");
    EXPECT_NEAR(trade.imports.at(p).value_usd / (jan_nov * 12.0 / 11.0), 1.0, 0.01) << p;
  }
  // The exports the baseline was scaled to: Census annual figures, or imports + balance.
  EXPECT_NEAR(FlowUsd(World(), "CHN", "USA") / CensusUsd(world, "CHN", "exports"), 1.0, 1e-6);
  EXPECT_NEAR(FlowUsd(World(), "EU27", "USA") /
                  (CensusUsd(world, "EU27", "imports") + CensusUsd(world, "EU27", "balance")),
              1.0, 1e-6);
}

TEST(World, PreTariffWarRates) {
  const Baseline& b = World();
  const auto r = [&](const char* importer, const char* exporter, const char* sector) {
    return b.tariff_rates(*b.FindRegion(importer), *b.FindRegion(exporter), *b.FindSector(sector));
  };
  for (const char* n : {"USA", "CAN", "MEX"})
    for (const char* i : {"USA", "CAN", "MEX"}) {
      if (std::string(n) != i) {
        EXPECT_EQ(r(n, i, "transport_equipment"), 0.0) << n << i;
      }
    }
  EXPECT_EQ(r("EU27", "GBR", "food"), 0.0);
  EXPECT_EQ(r("GBR", "EU27", "transport_equipment"), 0.0);
  EXPECT_GT(r("USA", "CHN", "textiles"), 0.05);  // MFN, without the Section 301 tariffs
  EXPECT_LT(r("USA", "CHN", "textiles"), 0.25);
  EXPECT_EQ(r("USA", "CHN", "finance"), 0.0);
  EXPECT_GT(r("CHN", "USA", "transport_equipment"), 0.05);
}

TEST(World, AZeroShockChangesNothing) {
  testing::ExpectZeroShockChangesNothing(World());
}

// Trade diversion shows: a US tariff on China alone raises US imports from the other partners.
TEST(World, AUsTariffOnChinaDivertsImports) {
  const Baseline& b = World();
  const std::vector<bool> goods = GoodsSectors(b);
  const std::size_t usa = 0, chn = *b.FindRegion("CHN");
  Shock shock = Shock::None(b);
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (goods[j]) shock.tariff_rates(usa, chn, j) += 0.5;
  }
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  EXPECT_TRUE(s.summary.check.Pass(kCheckerTolerance)) << s.summary.check.ToString();
  const std::size_t electrical = *b.FindSector("electrical");
  const Array3 pi = ExpenditureShares(b);
  EXPECT_LT(s.equilibrium.trade_shares(usa, chn, electrical), 0.5 * pi(usa, chn, electrical));
  for (const char* partner : {"MEX", "TWN", "KOR", "ROW"}) {
    const std::size_t i = *b.FindRegion(partner);
    EXPECT_GT(s.equilibrium.trade_shares(usa, i, electrical), pi(usa, i, electrical)) << partner;
  }
}

}  // namespace
}  // namespace ricardo
