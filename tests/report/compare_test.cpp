// ricardo compare's library side: parallel solves, the side-by-side table, JSON and report.
#include "ricardo/compare.hpp"

#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"

namespace ricardo::testing {
namespace {

std::vector<RunRequest> WithAndWithoutRetaliation() {
  const Baseline& b = SmallNorthAmerica();
  RunMetadata with, without;
  with.scenario_name = "with-retaliation";
  without.scenario_name = "no-retaliation";
  return {{"with-retaliation", b, TariffShock(b, true), with},
          {"no-retaliation", b, TariffShock(b, false), without}};
}

TEST(Compare, ResultsDoNotDependOnTheThreadCount) {
  const Comparison one = CompareRuns(WithAndWithoutRetaliation(), {}, 1);
  const Comparison two = CompareRuns(WithAndWithoutRetaliation(), {}, 2);
  ASSERT_EQ(one.runs.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(one.runs[k].label, two.runs[k].label);
    EXPECT_TRUE(one.runs[k].result.solution.summary.IsConverged());
    EXPECT_EQ(one.runs[k].result.solution.equilibrium.wage_ratio,
              two.runs[k].result.solution.equilibrium.wage_ratio);
  }
  // The same as solving each alone.
  const RunResult alone = SmallRun(true);
  EXPECT_NEAR(one.runs[0].result.outcomes.countries[1].welfare_exact,
              alone.outcomes.countries[1].welfare_exact, 1e-12);
}

TEST(Compare, TableShowsEveryRegionAndTheDifferences) {
  const Comparison c = CompareRuns(WithAndWithoutRetaliation());
  TableOptions options;
  options.show_solver = false;
  const std::string text = FormatComparisonTable(c, options);
  EXPECT_NE(text.find("A = with-retaliation"), std::string::npos) << text;
  EXPECT_NE(text.find("B = no-retaliation"), std::string::npos) << text;
  EXPECT_NE(text.find("B − A (pp)"), std::string::npos) << text;
  for (const char* region : {"USA", "CAN", "MEX", "ROW"})
    EXPECT_NE(text.find("\n" + std::string(region) + " "), std::string::npos) << region;
  // The welfare difference printed for Canada is B − A computed from the runs.
  const double diff = 100.0 * (c.runs[1].result.outcomes.countries[1].welfare_exact -
                               c.runs[0].result.outcomes.countries[1].welfare_exact);
  const std::string block = text.substr(text.find("Welfare"));
  const std::string can_line = block.substr(
      block.find("\nCAN"), block.find('\n', block.find("\nCAN") + 1) - block.find("\nCAN"));
  char expected[32];
  std::snprintf(expected, sizeof expected, "%+.2f", diff);
  EXPECT_NE(can_line.find(expected), std::string::npos) << can_line << " vs " << expected;
}

TEST(Compare, JsonHasDifferencesAndEveryRun) {
  const Comparison c = CompareRuns(WithAndWithoutRetaliation());
  const nlohmann::json j = ComparisonToJson(c);
  EXPECT_EQ(j["schema"], "ricardo.comparison");
  EXPECT_EQ(j["schema_version"], 1);
  ASSERT_EQ(j["runs"].size(), 2u);
  EXPECT_EQ(j["runs"][1]["schema"], "ricardo.run-result");
  const double diff = j["differences"]["no-retaliation"]["CAN"]["welfare_pp"];
  EXPECT_NEAR(diff,
              100.0 * (c.runs[1].result.outcomes.countries[1].welfare_exact -
                       c.runs[0].result.outcomes.countries[1].welfare_exact),
              1e-12);
}

TEST(Compare, RejectsDuplicateLabelsAndNoRuns) {
  auto requests = WithAndWithoutRetaliation();
  requests[1].label = requests[0].label;
  try {
    CompareRuns(requests);
    FAIL() << "expected ArgumentError";
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(
        e.what(),
        "two runs have the same label 'with-retaliation' (give every scenario a distinct name)");
  }
  EXPECT_THROW(CompareRuns({}), ArgumentError);
}

TEST(Compare, ReportHasOneHtmlWithAllRuns) {
  std::string reason;
  if (!ChartRendererAvailable({}, &reason)) GTEST_SKIP() << reason;
  const Comparison c = CompareRuns(WithAndWithoutRetaliation());
  const auto dir = MakeTempDirectory("compare");
  const ReportFiles files = WriteComparisonReport(c, dir);
  ASSERT_FALSE(files.html.empty()) << files.html_skipped_reason;
  EXPECT_EQ(files.charts.size(), 4u);
  std::ifstream in(dir / "country_changes.csv");
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(csv.find("with-retaliation,CAN,welfare_exact,"), std::string::npos);
  EXPECT_NE(csv.find("no-retaliation,CAN,welfare_exact,"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "comparison.json"));
}

}  // namespace
}  // namespace ricardo::testing
