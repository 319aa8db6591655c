// Aggregation keeps every accounting identity, and its maps fail with located messages.
#include "ricardo/aggregate.hpp"

#include <numeric>

#include "package_fixture.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::WriteText;

Baseline Calibrated(std::size_t N, std::size_t J, unsigned seed) {
  CalibrationOptions options;
  options.solver.tolerance = 1e-13;
  return CalibrateBaseYear(testing::MakeRandomBaseline(N, J, seed), options).baseline;
}

GroupMap Map(std::vector<std::size_t> group_of, std::vector<std::string> codes) {
  GroupMap m;
  for (auto& c : codes) m.groups.push_back({c, ""});
  m.group_of = std::move(group_of);
  return m;
}

double Sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(Aggregate, KeepsEveryAccountingIdentity) {
  const Baseline b = Calibrated(6, 5, 11);
  AggregationOptions options;
  options.regions = Map({0, 1, 1, 2, 2, 2}, {"A", "BC", "DEF"});
  options.sectors = Map({0, 0, 1, 2, 1}, {"x", "y", "z"});
  const Baseline a = Aggregate(b, options);
  ASSERT_EQ(a.region_count(), 3u);
  ASSERT_EQ(a.sector_count(), 3u);
  const auto& rg = options.regions->group_of;
  const auto& sg = options.sectors->group_of;
  auto group_sum = [&](const std::vector<double>& per_region, std::size_t g) {
    double s = 0.0;
    for (std::size_t n = 0; n < rg.size(); ++n) s += rg[n] == g ? per_region[n] : 0.0;
    return s;
  };
  const auto va = ValueAdded(b), va_a = ValueAdded(a);
  const auto income = NationalIncome(b), income_a = NationalIncome(a);
  const auto surplus = TradeSurplus(b), surplus_a = TradeSurplus(a);
  const auto revenue = TariffRevenue(b), revenue_a = TariffRevenue(a);
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_NEAR(va_a[g], group_sum(va, g), 1e-12 * Sum(va));
    EXPECT_NEAR(income_a[g], group_sum(income, g), 1e-12 * Sum(va));
    EXPECT_NEAR(surplus_a[g], group_sum(surplus, g), 1e-12 * Sum(va));
    EXPECT_NEAR(revenue_a[g], group_sum(revenue, g), 1e-12 * Sum(va));
  }
  const Array2 go = GrossOutput(b), go_a = GrossOutput(a);
  const Array2 x = Expenditure(b), x_a = Expenditure(a);
  for (std::size_t g = 0; g < 3; ++g)
    for (std::size_t s = 0; s < 3; ++s) {
      double go_sum = 0.0, x_sum = 0.0;
      for (std::size_t n = 0; n < 6; ++n)
        for (std::size_t j = 0; j < 5; ++j) {
          if (rg[n] == g && sg[j] == s) {
            go_sum += go(n, j);
            x_sum += x(n, j);
          }
        }
      EXPECT_NEAR(go_a(g, s), go_sum, 1e-12 * go_sum);
      EXPECT_NEAR(x_a(g, s), x_sum, 1e-12 * x_sum);
    }
  EXPECT_TRUE(ValidateBaseline(a).ok());
}

TEST(Aggregate, AnAggregatedEquilibriumIsAnEquilibrium) {
  // The expenditure identity and trade balances survive aggregation, so a zero shock on the
  // aggregate of a calibrated baseline changes nothing.
  const Baseline b = Calibrated(5, 4, 12);
  AggregationOptions options;
  options.regions = Map({0, 0, 1, 2, 2}, {"A", "B", "C"});
  options.sectors = Map({0, 1, 1, 0}, {"x", "y"});
  const Baseline a = Aggregate(b, options);
  const Solution s = Solve(a, Shock::None(a));
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
}

TEST(Aggregate, TheIdentityMapChangesNothing) {
  const Baseline b = Calibrated(4, 3, 13);
  const Baseline a = Aggregate(b, {});
  EXPECT_EQ(a.regions, b.regions);
  EXPECT_EQ(a.sectors, b.sectors);
  EXPECT_EQ(a.trade_flows, b.trade_flows);
  for (std::size_t k = 0; k < b.value_added_share.size(); ++k) {
    EXPECT_NEAR(a.value_added_share.values()[k], b.value_added_share.values()[k], 1e-14);
    EXPECT_NEAR(a.final_demand_share.values()[k], b.final_demand_share.values()[k], 1e-14);
  }
  for (std::size_t k = 0; k < b.tariff_rates.size(); ++k) {
    EXPECT_NEAR(a.tariff_rates.values()[k], b.tariff_rates.values()[k], 1e-15);
  }
}

TEST(Aggregate, ThetaIsTheWorldTradeWeightedMean) {
  Baseline b = Calibrated(3, 3, 14);
  b.sectors[0].isic_rev3 = "15-16";
  b.sectors[1].isic_rev3 = "17";
  AggregationOptions options;
  options.sectors = Map({0, 0, 1}, {"ab", "c"});
  const Baseline a = Aggregate(b, options);
  double trade0 = 0.0, trade1 = 0.0;
  for (std::size_t n = 0; n < 3; ++n)
    for (std::size_t i = 0; i < 3; ++i) {
      if (i == n) continue;
      trade0 += b.trade_flows(n, i, 0);
      trade1 += b.trade_flows(n, i, 1);
    }
  EXPECT_NEAR(a.sectors[0].theta,
              (trade0 * b.sectors[0].theta + trade1 * b.sectors[1].theta) / (trade0 + trade1),
              1e-13);
  EXPECT_EQ(a.sectors[1].theta, b.sectors[2].theta);
  EXPECT_EQ(a.sectors[0].isic_rev3, "15-17");
  EXPECT_EQ(a.sectors[0].name, "ab");
  EXPECT_EQ(a.sectors[1].name, b.sectors[2].name);
}

TEST(Aggregate, MapFilesWithAWildcardRow) {
  const auto dir = testing::MakeTempDirectory("maps");
  WriteText(dir / "regions.csv",
            "code,group,group_name\nR0,R0,\nR2,NA,North\n*,ROW,Rest of the world\n");
  const GroupMap m = ReadGroupMap(dir / "regions.csv", {"R0", "R1", "R2", "R3"}, "region");
  ASSERT_EQ(m.groups.size(), 3u);
  EXPECT_EQ(m.groups[1].name, "North");
  EXPECT_EQ(m.group_of, (std::vector<std::size_t>{0, 2, 1, 2}));
}

void ExpectMapError(const std::string& text, const std::string& message) {
  const auto dir = testing::MakeTempDirectory("map-errors");
  WriteText(dir / "map.csv", text);
  try {
    ReadGroupMap(dir / "map.csv", {"USA", "CAN", "MEX"}, "region");
    ADD_FAILURE() << "accepted: " << text;
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Aggregate, MapFileErrorsAreLocated) {
  ExpectMapError("code,group\nUSA,NA\nCNA,NA\nMEX,NA\n",
                 "map.csv:3:1: unknown region 'CNA' (did you mean 'CAN'?)");
  ExpectMapError("code,group\nUSA,NA\nCAN,NA\nUSA,X\nMEX,NA\n",
                 "map.csv:4:1: region 'USA' is mapped twice (first on line 2) (map every code "
                 "to one group)");
  ExpectMapError("code,group\nUSA,NA\nCAN,NA\n",
                 "map.csv: region 'MEX' is not mapped (add a row for it, or a row '*,GROUP' for "
                 "everything not listed)");
  ExpectMapError("code,grop\nUSA,NA\n",
                 "map.csv:1:2: unknown column 'grop' (did you mean 'group'?)");
  ExpectMapError("code,group\nUSA,\n",
                 "map.csv:2:2: empty group for region 'USA' (name the group the code belongs to)");
}

TEST(Aggregate, CommandWritesAValidAggregatedPackage) {
  const auto dir = testing::MakeTempDirectory("cli");
  WriteText(dir / "regions.csv", "code,group\nUSA,NAM\nCAN,NAM\nMEX,MEX\nROW,ROW\n");
  WriteText(dir / "sectors.csv", "code,group,group_name\n*,all,Everything\n");
  const auto result = testing::RunCli(
      "data aggregate north-america --regions " + (dir / "regions.csv").string() + " --sectors " +
      (dir / "sectors.csv").string() + " --name nam-1 --out " + (dir / "out").string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote " + (dir / "out").string() + " (3 regions x 1 sectors)\n");
  const Baseline a = ReadPackage(dir / "out");
  const Baseline b = LoadBaseline("north-america");
  EXPECT_EQ(a.manifest.name, "nam-1");
  EXPECT_EQ(a.sectors[0].name, "Everything");
  const auto va = ValueAdded(b), va_a = ValueAdded(a);
  EXPECT_NEAR(va_a[0], va[0] + va[1], 1e-9 * va[0]);
  const Solution s = Solve(a, Shock::None(a));
  ASSERT_TRUE(s.summary.IsConverged());
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
}

}  // namespace
}  // namespace ricardo
