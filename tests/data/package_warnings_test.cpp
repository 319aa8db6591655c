// Legal but suspicious data: warnings with a location, never errors.
#include "package_fixture.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ReplaceInFile;
using testing::WriteText;

std::vector<std::string> Warnings(const std::filesystem::path& dir) {
  std::vector<PackageIssue> warnings;
  ReadPackage(dir, &warnings);
  std::vector<std::string> out;
  for (const auto& w : warnings) out.push_back(w.ToString());
  return out;
}

class PackageWarnings : public testing::TinyPackageTest {};

TEST_F(PackageWarnings, ZeroDomesticSales) {
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,BBB,goods,90\n", "");
  EXPECT_EQ(Warnings(dir_),
            std::vector<std::string>{
                "trade_flows.csv: BBB/goods sells nothing at home (all of its output 20 is "
                "exported) (legal, but check that the domestic-sales row (importer = exporter) is "
                "there)"});
}

TEST_F(PackageWarnings, TinySector) {
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,BBB,services,120", "BBB,BBB,services,1e12");
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,BBB,goods,90", "BBB,BBB,goods,1e-9");
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,BBB,goods,20", "AAA,BBB,goods,1e-9");
  EXPECT_EQ(Warnings(dir_),
            std::vector<std::string>{"value_added.csv:4:3: BBB/goods is tiny: output 2e-09 is "
                                     "2e-21 of the region's (check the units of its flows)"});
}

TEST_F(PackageWarnings, SectorWithoutInputsButValueAddedBelowOne) {
  ReplaceInFile(dir_ / "input_output.csv", "AAA,goods,services,0.3\n", "");
  ReplaceInFile(dir_ / "input_output.csv", "AAA,services,services,0.7\n", "");
  EXPECT_EQ(
      Warnings(dir_),
      std::vector<std::string>{"input_output.csv: AAA/services buys no intermediate inputs but its "
                               "value-added share is 0.6 < 1 (the labour market then clears only "
                               "approximately; set the share to 1 or give its inputs)"});
}

TEST_F(PackageWarnings, SlightlyNegativeInputShareIsKept) {
  ReplaceInFile(dir_ / "input_output.csv", "BBB,goods,goods,0.6", "BBB,goods,goods,1.0005");
  ReplaceInFile(dir_ / "input_output.csv", "BBB,services,goods,0.4", "BBB,services,goods,-0.0005");
  EXPECT_EQ(Warnings(dir_), std::vector<std::string>{
                                "input_output.csv:7:4: input share -0.0005 of services in "
                                "BBB/goods is slightly negative (kept) (check the source table)"});
}

TEST_F(PackageWarnings, SectorWithoutOutputAndUnknownFiles) {
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,AAA,services,100\n", "");
  WriteText(dir_ / "tarifs.csv", "importer,exporter,sector,rate\n");
  WriteText(dir_ / "README.md", "not part of the format, not warned about\n");
  EXPECT_EQ(Warnings(dir_),
            (std::vector<std::string>{
                "tarifs.csv: file is not part of the package format and is ignored (did you mean "
                "'tariffs.csv'?)",
                "value_added.csv:3:3: AAA/services has no output (legal: the region buys the "
                "sector's goods from others only)"}));
}

TEST_F(PackageWarnings, InternalTariffsOfAnAggregatedRegion) {
  WriteText(dir_ / "tariffs.csv", "importer,exporter,sector,rate\nAAA,AAA,goods,0.02\n");
  EXPECT_EQ(Warnings(dir_), std::vector<std::string>{
                                "regions.csv:2: region 'AAA' charges tariffs on its own "
                                "purchases from itself (revenue 1.6) (expected only for a region "
                                "aggregated from several countries)"});
}

TEST_F(PackageWarnings, FinalDemandFromTheIdentityWhenTheFileIsAbsent) {
  std::filesystem::remove(dir_ / "final_demand.csv");
  const Baseline b = ReadPackage(dir_);
  for (std::size_t n = 0; n < 2; ++n) {
    EXPECT_NEAR(b.final_demand_share(n, 0) + b.final_demand_share(n, 1), 1.0, 1e-15);
  }
}

TEST(ValidateBaseline, LocatesProblemsByFieldInMemory) {
  Baseline b = testing::MakeRandomBaseline(3, 2, 3);
  b.trade_flows(2, 0, 1) = -1.0;
  b.input_shares(1, 0, 1) = 0.9;
  b.sectors[0].theta = 0.0;
  const ValidationReport report = ValidateBaseline(b);
  ASSERT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.errors[0].ToString(),
            "sectors[s0].theta: tradable sector 's0' has trade elasticity theta = 0, which must "
            "be > 0 (give theta > 0, e.g. from Caliendo and Parro 2015)");
  EXPECT_EQ(report.errors[1].ToString(),
            "trade_flows[R2, R0, s1]: negative trade flow -1 (R2 from R0, sector s1) (flows are "
            "purchases valued at the exporter's price, >= 0)");
  EXPECT_EQ(report.errors[2].where.ToString(), "input_shares[R1, *, s1]");
  EXPECT_THROW(ThrowIfInvalid(report), DataError);
}

TEST(ValidateBaseline, ManifestOfABaselineBuiltInMemory) {
  Baseline b = testing::MakeRandomBaseline(2, 2, 3);
  b.manifest.year = 0;
  b.manifest.currency = "usd";
  b.manifest.money_unit = 0.0;
  const ValidationReport report = ValidateBaseline(b);
  ASSERT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.errors[0].ToString(),
            "manifest.year: year 0 is not a four-digit year (set the base year of the data)");
  EXPECT_EQ(report.errors[1].ToString(),
            "manifest.currency: currency 'usd' is not an ISO 4217 code (use three upper-case "
            "letters, e.g. USD)");
  EXPECT_EQ(report.errors[2].ToString(),
            "manifest.money_unit: money_unit 0 must be a positive number (one money unit in "
            "currency units, e.g. 1e6)");
}

TEST(ValidateBaseline, ManyErrorsOfOneKindAreCounted) {
  Baseline b = testing::MakeRandomBaseline(6, 5, 3);
  for (double& v : b.trade_flows.values()) v = -v;
  const ValidationReport report = ValidateBaseline(b);
  ASSERT_EQ(report.errors.size(), 21u);
  EXPECT_EQ(report.errors.back().ToString(), "... and 160 more: negative flow");
}

}  // namespace
}  // namespace ricardo
