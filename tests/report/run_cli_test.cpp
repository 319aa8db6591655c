// `ricardo run` end to end: the main job (no arguments), formats, --out, --quiet, sensitivity.
#include <cstdlib>
#include <fstream>

#include "gtest/gtest.h"
#include "json_schema.hpp"
#include "nlohmann/json.hpp"
#include "ricardo/report.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

TEST(RunCli, MainJobPrintsTheCompactTable) {
  REQUIRE_DEFAULT_SCENARIO();
  const CommandResult r = RunCli("run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // no progress line when stderr is not a terminal
  EXPECT_EQ(r.out.rfind("Scenario: us-tariffs-2025-11 — ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Baseline: world"), std::string::npos);
  const std::string countries = r.out.substr(r.out.find("Outcomes by country"));
  for (const char* region : {"USA", "CAN", "MEX", "ROW"})
    EXPECT_NE(countries.find("\n" + std::string(region) + " "), std::string::npos) << region;
  EXPECT_NE(r.out.find("Trade among USA, CAN and MEX"), std::string::npos);
  EXPECT_NE(r.out.find("Largest changes in gross output"), std::string::npos);
  EXPECT_NE(r.out.find("\nSolver: converged"), std::string::npos);
}

TEST(RunCli, MarkdownAndJson) {
  REQUIRE_DEFAULT_SCENARIO();
  const CommandResult md = RunCli("run --format md");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("| Region | Welfare % |"), std::string::npos) << md.out;
  const CommandResult json = RunCli("run --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  std::ifstream schema_file(ProjectDirectory() / "docs/schema/run-result.v1.schema.json");
  const JsonSchemaValidator validator(nlohmann::json::parse(schema_file));
  const auto errors = validator.Validate(nlohmann::json::parse(json.out));
  EXPECT_TRUE(errors.empty()) << errors.front();
}

TEST(RunCli, QuietOutWritesTheReport) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto out = MakeTempDirectory("out");
  const CommandResult r = RunCli("run --quiet --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  for (const char* f : {"run.json", "country_changes.csv", "trade.csv", "effective_tariffs.csv"})
    EXPECT_TRUE(std::filesystem::is_regular_file(out / f)) << f;
  std::string reason;
  if (ChartRendererAvailable({}, &reason)) {
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(std::filesystem::is_regular_file(out / "report.html"));
    EXPECT_TRUE(std::filesystem::is_regular_file(out / "charts/welfare_real_wage.svg"));
  }
}

TEST(RunCli, WithoutNodeTheHtmlIsSkippedWithAReason) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto out = MakeTempDirectory("out");
  setenv("RICARDO_NODE", "/nonexistent/node", 1);  // inherited by the child process
  const CommandResult r = RunCli("run --quiet --out " + out.string());
  unsetenv("RICARDO_NODE");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "ricardo: warning: Node.js ('/nonexistent/node') was not found, so the HTML report and "
            "its SVG charts were skipped; install it with scripts/install-deps.sh (Debian package "
            "nodejs) or set RICARDO_NODE to its path\n");
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "run.json"));
  EXPECT_FALSE(std::filesystem::exists(out / "report.html"));
  EXPECT_FALSE(std::filesystem::exists(out / "charts"));
}

TEST(RunCli, ThetaScaleReportsRanges) {
  REQUIRE_DEFAULT_SCENARIO();
  const CommandResult r = RunCli("run --theta-scale 0.5,1,2 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "ricardo.sensitivity");
  ASSERT_EQ(j["runs"].size(), 3u);
  EXPECT_EQ(j["variants"][0]["label"], "theta x0.5");
  for (const auto& range : j["ranges"]) {
    if (range["min_pct"].is_null()) continue;
    EXPECT_LE(range["min_pct"].get<double>(), range["max_pct"].get<double>());
  }
  const CommandResult table = RunCli("run --theta-scale 0.5,2");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("theta x0.5  theta x2"), std::string::npos) << table.out;
}

TEST(RunCli, BadSensitivityArguments) {
  REQUIRE_DEFAULT_SCENARIO();
  const CommandResult r = RunCli("run --theta-scale 0,1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "ricardo: invalid argument: --theta-scale: item 1 '0' is not a positive number (give "
            "positive factors separated by commas, e.g. --theta-scale 0.5,1,2)\n");
  const CommandResult missing = RunCli("run --elasticities /nonexistent/e.csv");
  EXPECT_EQ(missing.exit_code, 5) << missing.err;
}

}  // namespace
}  // namespace ricardo::testing
