// `ricardo compare` end to end on the built-in north-america baseline with a test scenario.
#include <fstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

std::string Scenario() {
  return (ProjectDirectory() / "tests/report/data/us-metals.toml").string();
}

bool HaveNorthAmerica() {
  return std::filesystem::is_regular_file(ProjectDirectory() /
                                          "data/baselines/north-america/manifest.toml");
}

TEST(CompareCli, WithAndWithoutRetaliationShowsEveryRegion) {
  if (!HaveNorthAmerica()) GTEST_SKIP() << "built-in north-america baseline not present";
  const auto out = MakeTempDirectory("out");
  const CommandResult r =
      RunCli("compare " + Scenario() + " --without-tag retaliation --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("A = test-us-metals — "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("B = test-us-metals-without-retaliation — "), std::string::npos) << r.out;
  const std::string welfare = r.out.substr(r.out.find("Welfare, % change"));
  for (const char* region : {"USA", "CAN", "MEX", "ROW"})
    EXPECT_NE(welfare.find("\n" + std::string(region) + " "), std::string::npos) << region;
  EXPECT_NE(r.out.find("B − A (pp)"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "comparison.json"));
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "country_changes.csv"));
}

TEST(CompareCli, JsonIsOneDocumentWithBothRuns) {
  if (!HaveNorthAmerica()) GTEST_SKIP() << "built-in north-america baseline not present";
  const CommandResult r =
      RunCli("compare " + Scenario() + " --without-tag retaliation --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "ricardo.comparison");
  ASSERT_EQ(j["runs"].size(), 2u);
  // Canada's retaliation is a tariff on its own imports: without it, its imports fall less.
  const double can_imports_with = j["runs"][0]["countries"]["CAN"]["imports_pct"];
  const double can_imports_without = j["runs"][1]["countries"]["CAN"]["imports_pct"];
  EXPECT_GT(can_imports_without, can_imports_with);
  EXPECT_EQ(j["differences"]["test-us-metals-without-retaliation"].size(), 4u);
}

TEST(CompareCli, UsageErrors) {
  const CommandResult one = RunCli("compare " + Scenario());
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(one.err,
            "ricardo: invalid argument: compare needs at least two runs, got 1 (give two or more "
            "scenarios, or one with --without-tag TAG)\n");
  const CommandResult tag = RunCli("compare " + Scenario() + " --without-tag nosuchtag");
  EXPECT_EQ(tag.exit_code, 2);
  EXPECT_EQ(tag.err,
            "ricardo: invalid argument: --without-tag: no measure of scenario 'test-us-metals' is "
            "tagged 'nosuchtag' (see the scenario's `tags` lists)\n");
  const CommandResult format = RunCli("compare " + Scenario() + " " + Scenario() + " --format xml");
  EXPECT_EQ(format.exit_code, 2);
  const CommandResult missing = RunCli("compare no-such-scenario.toml " + Scenario());
  EXPECT_EQ(missing.exit_code, 5) << missing.err;
}

}  // namespace
}  // namespace ricardo::testing
