// Sector shares of US imports in both built-in baselines against the 2024 US imports by GTAP
// sector and partner group, mapped to the 35 industries by the shipped concordance. The brief's
// criterion is 2 percentage points per sector; the build meets its targets exactly, so the
// tests also hold the shares to 1e-6.
#include "builtin_fixture.hpp"

namespace ricardo {
namespace {

using testing::FlowUsd;

// The sector shares of a baseline's US imports from `exporters` (summed), over the sectors of
// `expected` (the goods sectors and utilities), against `expected` (fractions): within the
// brief's 2 percentage points, and within `tight` (what the construction guarantees).
void ExpectSharesMatch(const std::string& baseline, const std::vector<std::string>& exporters,
                       const std::map<std::string, double>& expected, double tight = 1e-6) {
  const Baseline& b = testing::ShippedBaseline(baseline);
  std::map<std::string, double> usd;
  double total = 0.0;
  for (const auto& [sector, share] : expected) {
    for (const auto& p : exporters) usd[sector] += FlowUsd(b, "USA", p, sector);
    total += usd[sector];
  }
  for (const auto& [sector, share] : expected) {
    const double got = usd[sector] / total;
    EXPECT_NEAR(got, share, 0.02) << baseline << " USA<-" << exporters.front() << " " << sector;
    EXPECT_NEAR(got, share, tight) << baseline << " USA<-" << exporters.front() << " " << sector;
  }
  // Every goods sector is in the comparison.
  const std::vector<bool> goods = GoodsSectors(b);
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (goods[j]) {
      EXPECT_EQ(expected.count(b.sectors[j].code), 1u) << b.sectors[j].code;
    }
  }
}

TEST(BuiltinShares, CanadaAndMexicoInBothBaselines) {
  REQUIRE_SHARED_WORLD_DATA(world);
  for (const char* baseline : {"world", "north-america"}) {
    ExpectSharesMatch(baseline, {"CAN"}, testing::GtapGroupShares(world, "canada"));
    ExpectSharesMatch(baseline, {"MEX"}, testing::GtapGroupShares(world, "mexico"));
  }
}

TEST(BuiltinShares, MiningFromMexicoIsSmallAsIn2024) {
  // The pair-by-pair rescaling of 2011 gave Mexico's mining ~20% of its US sales; 2024 customs
  // data say ~2%.
  REQUIRE_SHARED_WORLD_DATA(world);
  const double mining = testing::GtapGroupShares(world, "mexico").at("mining");
  EXPECT_LT(mining, 0.04);
  for (const char* baseline : {"world", "north-america"}) {
    const Baseline& b = testing::ShippedBaseline(baseline);
    EXPECT_LT(FlowUsd(b, "USA", "MEX", "mining") / FlowUsd(b, "USA", "MEX"), 0.04) << baseline;
  }
}

TEST(BuiltinShares, WorldPartnersWithGtapGroups) {
  REQUIRE_SHARED_WORLD_DATA(world);
  for (const auto& [region, group] : std::vector<std::pair<std::string, std::string>>{
           {"CHN", "china"}, {"EU27", "eu"}, {"GBR", "uk"}, {"JPN", "japan"}}) {
    ExpectSharesMatch("world", {region}, testing::GtapGroupShares(world, group));
  }
}

// ROW takes what the groups row and ftrow leave after KOR, TWN, IND and BRA: together the five
// have the groups' sector shares, up to the drift of the four's mix in calibration (their
// totals are targets, their mix is not) and their utilities trade (WIOD's): 0.1 points.
TEST(BuiltinShares, WorldRestOfTheGroupsTogether) {
  REQUIRE_SHARED_WORLD_DATA(world);
  const auto row = testing::GtapGroupShares(world, "row");
  const auto ftrow = testing::GtapGroupShares(world, "ftrow");
  const auto t = data_internal::ReadCsvFile(
      world / "trade" / "us_imports_2024_by_gtap_and_partner_group_usd.csv", "gtap");
  double row_usd = 0.0, ftrow_usd = 0.0;
  for (const auto& r : t.records) {
    row_usd += std::stod(r.fields[7]);    // columns: gtap_code, china, canada, mexico, uk,
    ftrow_usd += std::stod(r.fields[8]);  // japan, eu, row, ftrow
  }
  ASSERT_EQ(t.header[7], "row");
  ASSERT_EQ(t.header[8], "ftrow");
  std::map<std::string, double> combined;
  for (const auto& [sector, share] : row) {
    combined[sector] = (share * row_usd + ftrow.at(sector) * ftrow_usd) / (row_usd + ftrow_usd);
  }
  ExpectSharesMatch("world", {"ROW", "KOR", "TWN", "IND", "BRA"}, combined, 2e-3);
  // The north-america ROW: every group but canada and mexico.
  std::map<std::string, double> others;
  double others_usd = 0.0;
  for (const char* group : {"china", "uk", "japan", "eu", "row", "ftrow"}) {
    std::size_t column = 0;
    while (t.header[column] != group) ++column;
    double usd = 0.0;
    for (const auto& r : t.records) usd += std::stod(r.fields[column]);
    for (const auto& [sector, share] : testing::GtapGroupShares(world, group))
      others[sector] += share * usd;
    others_usd += usd;
  }
  for (auto& [sector, v] : others) v /= others_usd;
  ExpectSharesMatch("north-america", {"ROW"}, others);
}

}  // namespace
}  // namespace ricardo
