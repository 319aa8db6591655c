// End-to-end runs of `ricardo data ...`.
#include "nlohmann/json.hpp"
#include "package_fixture.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

TEST(DataCli, ListShowsTheBuiltInBaselines) {
  const auto result = testing::RunCli("data list");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("north-america    USA, Canada, Mexico", 0), 0u) << result.out;
}

TEST(DataCli, CheckAValidPackage) {
  const auto dir = testing::MakeTempDirectory("tiny");
  testing::WriteTinyPackage(dir);
  const auto result = testing::RunCli("data check " + dir.string());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, dir.string() + ": ok (0 warning(s))\n");
}

TEST(DataCli, ImportCp2015WritesTheCalibratedBaseYear) {
  const auto dir = testing::MakeTempDirectory("cp2015");
  const auto result = testing::RunCli("data import cp2015 --out " + (dir / "noS").string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote " + (dir / "noS").string() + " (31 regions x 40 sectors)\n");
  const Baseline b = ReadPackage(dir / "noS");
  EXPECT_EQ(b.manifest.name, "cp2015-1993-noS");
  for (double s : TradeSurplus(b)) EXPECT_NEAR(s, 0.0, 1e-6);
  // The same base year as the library's, exactly.
  const cp2015::BaseYear year =
      cp2015::BuildBaseYear(cp2015::ReadRaw(cp2015::ShippedDataDirectory()));
  EXPECT_EQ(b.trade_flows, year.without_deficits.trade_flows);
  EXPECT_EQ(b.final_demand_share, year.without_deficits.final_demand_share);
  EXPECT_EQ(b.input_shares, year.without_deficits.input_shares);
  // Importing it again refuses to replace it without --force: an output that cannot be written
  // (exit 73), not a usage error.
  const auto again = testing::RunCli("data import cp2015 --out " + (dir / "noS").string());
  EXPECT_EQ(again.exit_code, 73);
  EXPECT_EQ(again.err, "ricardo: output error: " + (dir / "noS").string() +
                           ": already exists (pass --force to replace it)\n");
}

TEST(DataCli, ImportWiod2013) {
  REQUIRE_SHARED_DATA(wiod_source, "wiod2013");
  const auto dir = testing::MakeTempDirectory("wiod");
  const auto result = testing::RunCli("data import wiod2013 --year 2011 --source " +
                                      wiod_source.string() + " --out " + (dir / "w").string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "wrote " + (dir / "w").string() + " (41 regions x 35 sectors)\n");
  EXPECT_NE(result.err.find("note: calibrated"), std::string::npos);
  const auto show =
      testing::RunCli("data show " + (dir / "w").string() + " --json --regions USA,CHN");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const auto json = nlohmann::json::parse(show.out);
  EXPECT_EQ(json["regions"].size(), 41u);
  EXPECT_EQ(json["goods_trade"].size(), 2u);
}

TEST(DataCli, UsageErrors) {
  EXPECT_EQ(testing::RunCli("data import wiod2013 --year 1990 --out /tmp/x").exit_code, 2);
  EXPECT_EQ(testing::RunCli("data show").exit_code, 2);
  const auto bad = testing::RunCli("data show north-america --regions USA,CNA");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "ricardo: invalid argument: unknown region 'CNA' (did you mean 'CAN'?)\n");
}

}  // namespace
}  // namespace ricardo
