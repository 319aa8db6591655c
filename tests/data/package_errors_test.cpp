// Malformed baseline packages: each kind of problem fails with its own exact, located message
// (file:line:column: what (how to fix)), and none crashes.
#include "package_fixture.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ExpectReadError;
using testing::ReplaceInFile;
using testing::WriteText;

class PackageErrors : public testing::TinyPackageTest {};

TEST_F(PackageErrors, TheTinyPackageIsValid) {
  std::vector<PackageIssue> warnings;
  const Baseline b = ReadPackage(dir_, &warnings);
  EXPECT_EQ(b.region_count(), 2u);
  EXPECT_EQ(b.sector_count(), 2u);
  EXPECT_EQ(b.sectors[0].name, "Goods, all");
  EXPECT_EQ(b.sectors[1].theta, 8.22);  // non-tradable without theta: the authors' value
  EXPECT_EQ(b.trade_flows(0, 1, 0), 20.0);
  EXPECT_EQ(b.tariff_rates(0, 1, 0), 0.1);
  EXPECT_EQ(b.input_shares(1, 1, 0), 0.4);
  EXPECT_EQ(b.final_demand_share(1, 0), 0.45);
  EXPECT_TRUE(warnings.empty()) << warnings.front().ToString();
}

TEST_F(PackageErrors, MissingDirectory) {
  ExpectReadError(dir_ / "nope", ErrorKind::kNotFound,
                  (dir_ / "nope").string() +
                      ": no such package directory (give a package directory or a built-in "
                      "baseline name; 'ricardo data list' shows them)");
}

TEST_F(PackageErrors, MissingManifest) {
  std::filesystem::remove(dir_ / "manifest.toml");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml: missing manifest: the directory is not a baseline package (a "
                  "package needs manifest.toml with format, name, year, currency and "
                  "money_unit; see docs/baseline-format.md)");
}

TEST_F(PackageErrors, ManifestSyntax) {
  ReplaceInFile(dir_ / "manifest.toml", "year = 2024", "year = = 2024");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:5:8: invalid TOML: Error while parsing value: could not "
                  "determine value type (fix the syntax: strings in double quotes, one key = "
                  "value per line)");
}

TEST_F(PackageErrors, UnknownManifestKey) {
  ReplaceInFile(dir_ / "manifest.toml", "year = 2024", "yeer = 2024");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:5:1: unknown key 'yeer' (did you mean 'year'?)");
}

TEST_F(PackageErrors, MissingManifestKey) {
  ReplaceInFile(dir_ / "manifest.toml", "money_unit = 1e6\n", "");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml: missing required key 'money_unit' (a manifest needs format, "
                  "format_version, name, year, currency and money_unit)");
}

TEST_F(PackageErrors, ManifestUnitMismatch) {
  ReplaceInFile(dir_ / "manifest.toml", "unit = \"US$ million\"", "unit = \"US$ billion\"");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:8:8: unit mismatch: unit 'US$ billion' disagrees with currency "
                  "'USD' and money_unit 1000000, which mean 'US$ million' (make them agree; "
                  "money_unit is one money unit in currency units)");
}

// The manifest's value rules, in the file and (below, ValidateBaseline) in memory.
TEST_F(PackageErrors, ManifestValuesOutOfRange) {
  ReplaceInFile(dir_ / "manifest.toml", "year = 2024", "year = 24");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:5:8: year 24 is not a four-digit year (write the base year of "
                  "the data, e.g. year = 2024)");
  ReplaceInFile(dir_ / "manifest.toml", "year = 24", "year = 2024");
  ReplaceInFile(dir_ / "manifest.toml", "currency = \"USD\"", "currency = \"usd\"");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:6:12: currency 'usd' is not an ISO 4217 code (write three "
                  "upper-case letters, e.g. currency = \"USD\")");
  ReplaceInFile(dir_ / "manifest.toml", "currency = \"usd\"", "currency = \"USD\"");
  ReplaceInFile(dir_ / "manifest.toml", "money_unit = 1e6", "money_unit = -1");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:7:14: money_unit -1 must be a positive number (write the size "
                  "of one money unit in currency units, e.g. 1e6)");
}

TEST_F(PackageErrors, UnsupportedFormatVersion) {
  ReplaceInFile(dir_ / "manifest.toml", "format_version = 1", "format_version = 7");
  ExpectReadError(dir_, ErrorKind::kData,
                  "manifest.toml:2:18: format_version 7 is not supported; this ricardo reads "
                  "version 1 (convert the package or use a matching ricardo)");
}

TEST_F(PackageErrors, MissingTable) {
  std::filesystem::remove(dir_ / "tariffs.csv");
  ExpectReadError(dir_, ErrorKind::kData,
                  "tariffs.csv: missing table (every package needs regions.csv, sectors.csv, "
                  "trade_flows.csv, tariffs.csv, value_added.csv and input_output.csv; see "
                  "docs/baseline-format.md)");
}

TEST_F(PackageErrors, UnknownColumn) {
  ReplaceInFile(dir_ / "trade_flows.csv", "sector,value", "sector,vaule");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:1:4: unknown column 'vaule' (did you mean 'value'?)");
}

TEST_F(PackageErrors, MissingColumn) {
  ReplaceInFile(dir_ / "regions.csv", "code,name", "name");
  ExpectReadError(dir_, ErrorKind::kData,
                  "regions.csv:1: missing column 'code' (the columns are code, [name])");
}

TEST_F(PackageErrors, WrongNumberOfFields) {
  ReplaceInFile(dir_ / "sectors.csv", "services,Services,false,,40-99",
                "services,Services, trade,false,,40-99");
  ExpectReadError(dir_, ErrorKind::kData,
                  "sectors.csv:3: expected 5 fields, found 6 (every row needs one value per "
                  "header column; quote text that contains commas)");
}

TEST_F(PackageErrors, UnterminatedQuote) {
  ReplaceInFile(dir_ / "sectors.csv", "\"Goods, all\"", "\"Goods, all");
  ExpectReadError(dir_, ErrorKind::kData,
                  "sectors.csv:2:2: quoted field is not closed before the end of the file (add "
                  "the closing '\"'; a quote inside a field is written '\"\"')");
}

TEST_F(PackageErrors, NonNumericCell) {
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,AAA,goods,10", "BBB,AAA,goods,1O");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:4:4: value '1O' in column 'value' is not a number (expected a "
                  "decimal number such as 1234.5 or 1.2e+09)");
}

TEST_F(PackageErrors, NonFiniteCell) {
  ReplaceInFile(dir_ / "tariffs.csv", "0.05", "nan");
  ExpectReadError(dir_, ErrorKind::kData,
                  "tariffs.csv:3:4: value 'nan' in column 'rate' is not finite (replace it with "
                  "a finite number)");
}

TEST_F(PackageErrors, NegativeFlow) {
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,BBB,goods,20", "AAA,BBB,goods,-20");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:3:4: negative trade flow -20 (AAA from BBB, sector goods) "
                  "(flows are purchases valued at the exporter's price, >= 0)");
}

TEST_F(PackageErrors, DuplicateRegionCode) {
  ReplaceInFile(dir_ / "regions.csv", "BBB,Beta", "AAA,Beta");
  ExpectReadError(dir_, ErrorKind::kData,
                  "regions.csv:3:1: duplicate region code 'AAA', first on line 2 (every region "
                  "needs its own code)");
}

TEST_F(PackageErrors, UnknownRegionInARow) {
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,AAA,goods,10", "BBB,AAB,goods,10");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:4:2: unknown region 'AAB' (did you mean 'AAA'?)");
}

TEST_F(PackageErrors, UnknownSectorInARow) {
  ReplaceInFile(dir_ / "input_output.csv", "BBB,goods,services,0.2", "BBB,goods,servces,0.2");
  ExpectReadError(dir_, ErrorKind::kData,
                  "input_output.csv:8:3: unknown sector 'servces' (did you mean 'services'?)");
}

TEST_F(PackageErrors, UnknownCodeWithoutSuggestion) {
  ReplaceInFile(dir_ / "tariffs.csv", "AAA,BBB,goods,0.1", "AAA,BBB,steel,0.1");
  ExpectReadError(dir_, ErrorKind::kData,
                  "tariffs.csv:2:3: unknown sector 'steel' (sectors are listed in sectors.csv)");
}

TEST_F(PackageErrors, DuplicateRow) {
  ReplaceInFile(dir_ / "trade_flows.csv", "BBB,BBB,services,120", "AAA,BBB,goods,20");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:7: duplicate row: the same key is on line 3 (list each "
                  "combination once)");
}

TEST_F(PackageErrors, InputSharesDoNotSumToOne) {
  ReplaceInFile(dir_ / "input_output.csv", "BBB,services,goods,0.4", "BBB,services,goods,0.3");
  ExpectReadError(dir_, ErrorKind::kData,
                  "input_output.csv:6:4: input shares of BBB/goods sum to 0.9, not 1 (the shares "
                  "of all input sectors used by one sector must sum to one, or all be zero when "
                  "it buys no inputs)");
}

TEST_F(PackageErrors, FinalDemandSharesDoNotSumToOne) {
  ReplaceInFile(dir_ / "final_demand.csv", "BBB,goods,0.45", "BBB,goods,0.55");
  ExpectReadError(dir_, ErrorKind::kData,
                  "final_demand.csv:4:3: final-demand shares of region 'BBB' sum to 1.1, not 1 "
                  "(the shares of all sectors in a region's final demand must sum to one)");
}

TEST_F(PackageErrors, OutputBelowExports) {
  WriteText(dir_ / "value_added.csv",
            "region,sector,share,gross_output\n"
            "AAA,goods,0.4,90\n"
            "AAA,services,0.6,100\n"
            "BBB,goods,0.5,15\n"
            "BBB,services,0.7,120\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:4:4: gross output 15 of BBB/goods is below its exports 20 "
                  "(output must cover exports; raise it (domestic sales are output minus exports) "
                  "or correct the flows)");
}

TEST_F(PackageErrors, GrossOutputDisagreesWithFlows) {
  WriteText(dir_ / "value_added.csv",
            "region,sector,share,gross_output\n"
            "AAA,goods,0.4,95\n"
            "AAA,services,0.6,100\n"
            "BBB,goods,0.5,110\n"
            "BBB,services,0.7,120\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:2:4: gross output 95 of AAA/goods differs from the total of "
                  "its sales in trade_flows.csv (90) (gross output is the sum of the region's "
                  "sales to every region, itself included)");
}

TEST_F(PackageErrors, TradableSectorWithoutTheta) {
  ReplaceInFile(dir_ / "sectors.csv", "true,4,", "true,,");
  ExpectReadError(dir_, ErrorKind::kData,
                  "sectors.csv:2:4: tradable sector 'goods' has no trade elasticity theta (give "
                  "theta > 0, e.g. from Caliendo and Parro 2015, or mark the sector tradable = "
                  "false)");
}

TEST_F(PackageErrors, NonPositiveTheta) {
  ReplaceInFile(dir_ / "sectors.csv", "true,4,", "true,-4,");
  ExpectReadError(dir_, ErrorKind::kData,
                  "sectors.csv:2:4: tradable sector 'goods' has trade elasticity theta = -4, "
                  "which must be > 0 (give theta > 0, e.g. from Caliendo and Parro 2015)");
}

TEST_F(PackageErrors, MoneyTableInAnotherUnit) {
  // Value added written in US$ thousand while the flows are in US$ million.
  WriteText(dir_ / "value_added.csv",
            "region,sector,value\n"
            "AAA,goods,36000\n"
            "AAA,services,60000\n"
            "BBB,goods,55000\n"
            "BBB,services,84000\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:1:3: unit mismatch: column 'value' adds up to 559.524 times "
                  "the gross output in trade_flows.csv, and value added cannot exceed output or "
                  "be a tiny fraction of it; the tables use different money units (write every "
                  "money column in the manifest's unit, US$ million)");
}

TEST_F(PackageErrors, SharesAndMoneyInDifferentUnits) {
  // Both the share and the value are given; the value is in US$ billion.
  WriteText(dir_ / "value_added.csv",
            "region,sector,share,value\n"
            "AAA,goods,0.4,0.036\n"
            "AAA,services,0.6,0.06\n"
            "BBB,goods,0.5,0.055\n"
            "BBB,services,0.7,0.084\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:1:4: unit mismatch: column 'value' is 1/1000 times what "
                  "trade_flows.csv implies; the tables use different money units (write every "
                  "money column in the manifest's unit, US$ million)");
}

TEST_F(PackageErrors, ValueDisagreesWithShare) {
  WriteText(dir_ / "value_added.csv",
            "region,sector,share,value\n"
            "AAA,goods,0.4,36\n"
            "AAA,services,0.6,60\n"
            "BBB,goods,0.5,50\n"
            "BBB,services,0.7,84\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:4:4: value added 50 of BBB/goods disagrees with share x gross "
                  "output (0.5 x 110 = 55) (give the share or the value, or make them agree)");
}

TEST_F(PackageErrors, TariffWrittenAsPercent) {
  ReplaceInFile(dir_ / "tariffs.csv", "AAA,BBB,goods,0.1", "AAA,BBB,goods,25");
  ExpectReadError(dir_, ErrorKind::kData,
                  "tariffs.csv:2:4: tariff rate 25 is above 10 (AAA from BBB, sector goods); it "
                  "looks like a percentage (tariff rates are fractions: write 0.25 for 25%)");
}

TEST_F(PackageErrors, ForeignTradeInANonTradableSector) {
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,AAA,services,100", "AAA,BBB,services,100");
  ExpectReadError(dir_, ErrorKind::kData,
                  "trade_flows.csv:6:4: sector 'services' is not tradable but has a flow of 100 "
                  "(AAA from BBB, sector services) (mark the sector tradable = true in "
                  "sectors.csv, or remove the flow)");
}

TEST_F(PackageErrors, TradableFlagIsNotABoolean) {
  ReplaceInFile(dir_ / "sectors.csv", "goods,\"Goods, all\",true", "goods,\"Goods, all\",yes");
  ExpectReadError(dir_, ErrorKind::kData,
                  "sectors.csv:2:3: tradable must be true or false, not 'yes' (write true for a "
                  "sector traded across borders, false otherwise)");
}

TEST_F(PackageErrors, ValueAddedShareAboveOne) {
  ReplaceInFile(dir_ / "value_added.csv", "BBB,services,0.7", "BBB,services,1.7");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv:5:3: value-added share 1.7 of BBB/services is outside [0, 1] "
                  "(value added is a share of gross output: value added / gross output)");
}

TEST_F(PackageErrors, MissingRegionSectorRow) {
  ReplaceInFile(dir_ / "value_added.csv", "AAA,services,0.6\n", "");
  ExpectReadError(dir_, ErrorKind::kData,
                  "value_added.csv: no row for region 'AAA', sector 'services' (list every "
                  "region-sector pair, one per row)");
}

TEST_F(PackageErrors, RegionWithoutValueAdded) {
  WriteText(dir_ / "value_added.csv",
            "region,sector,share\nAAA,goods,0\nAAA,services,0\nBBB,goods,0.5\nBBB,services,0.7\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "regions.csv:2: region 'AAA' has no value added (0) (the model needs every "
                  "region to produce: give it output and value added)");
}

TEST_F(PackageErrors, SurplusDisagreesWithFlows) {
  WriteText(dir_ / "surplus.csv", "region,value\nAAA,-10\nBBB,12\n");
  ExpectReadError(dir_, ErrorKind::kData,
                  "surplus.csv:3:2: trade surplus 12 of region 'BBB' differs from exports - "
                  "imports in trade_flows.csv (10) (the surplus follows from the flows; correct "
                  "it or leave surplus.csv out)");
}

TEST_F(PackageErrors, CheckPackageListsEveryConsistencyError) {
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,BBB,goods,20", "AAA,BBB,goods,-20");
  ReplaceInFile(dir_ / "final_demand.csv", "BBB,goods,0.45", "BBB,goods,0.55");
  const ValidationReport report = CheckPackage(dir_);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].where.ToString(), "trade_flows.csv:3:4");
  EXPECT_EQ(report.errors[1].where.ToString(), "final_demand.csv:4:3");
}

TEST_F(PackageErrors, CheckCommandPrintsTheLocatedErrorAndExitsWithTheDataCode) {
  ReplaceInFile(dir_ / "trade_flows.csv", "AAA,BBB,goods,20", "AAA,BBB,goods,-20");
  const auto result = testing::RunCli("data check " + dir_.string());
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("error: trade_flows.csv:3:4: negative trade flow -20 (AAA from BBB, "
                            "sector goods)"),
            std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace ricardo
