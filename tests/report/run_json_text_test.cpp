// The run-result text writer (src/report/run_json_text.cpp) against nlohmann's dump() of the
// same document parsed back (RunResultToJson): the same bytes, so that the compact text the
// server sends and the indented files written from the tree agree. For every shipped scenario on
// world, with and without the bilateral-sector table, and for results holding what a
// hand-written writer gets wrong (nulls, NaN, -0, escapes, non-ASCII, codes out of order,
// repeated codes).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "report_fixture.hpp"
#include "ricardo/package.hpp"
#include "ricardo/report.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::testing {
namespace {

void ExpectSameText(const RunResult& result, const std::string& what) {
  for (bool bilateral_sector : {false, true}) {
    RunJsonOptions options;
    options.include_bilateral_sector = bilateral_sector;
    const std::string expected = RunResultToJson(result, options).dump();
    const std::string written = RunResultToJsonText(result, options);
    if (written == expected) continue;
    const auto at = std::mismatch(written.begin(), written.end(), expected.begin(), expected.end());
    const std::size_t k = static_cast<std::size_t>(at.first - written.begin());
    const std::size_t from = k < 80 ? 0 : k - 80;
    ADD_FAILURE() << what << (bilateral_sector ? " (with bilateral_sector)" : "")
                  << ": first difference at byte " << k
                  << "\n written: " << written.substr(from, 160)
                  << "\nexpected: " << expected.substr(from, 160);
  }
}

TEST(RunJsonText, ShippedScenariosOnWorldParseBackToTheSameBytes) {
  const Baseline baseline = LoadBaseline("world");
  int solved = 0;
  for (const std::string& name : ShippedScenarioNames()) {
    const Scenario scenario = LoadScenario(ShippedScenarioDirectory() / (name + ".toml"));
    if (scenario.baseline != "world") continue;
    const CompiledScenario compiled = CompileScenario(scenario, baseline, {});
    const RunResult result = RunCompiled(compiled);
    ExpectSameText(result, name);
    ++solved;
  }
  EXPECT_GE(solved, 5);
}

TEST(RunJsonText, AwkwardValuesParseBackToTheSameBytes) {
  RunResult result = SmallRun(true);
  ExpectSameText(result, "small run");

  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  result.metadata.scenario_description =
      "quotes \" backslash \\ tab \t newline \n bell \x07 del \x7f";
  result.metadata.notes = {"tariff → 25%", "Côte d'Ivoire", ""};
  result.metadata.sources = {};
  result.metadata.scenario_date = "";
  result.baseline.regions[1].name = "Canada \"CA\"";
  result.baseline.sectors[0].theta = -0.0;
  result.baseline.manifest.money_unit = 1e-7;
  result.outcomes.countries[0].welfare_exact = nan;
  result.outcomes.countries[0].exports_base = 0.0;
  result.outcomes.countries[1].imports_new = inf;
  result.outcomes.countries[2].income_base = 1e21;
  result.outcomes.countries[2].income_new = 123456789012345678.0;
  result.outcomes.countries[3].value_added_base = 1e-5;
  result.outcomes.gross_output_base(1, 2) = 0.0;
  result.outcomes.price_change(0, 0) = -0.0;
  result.solution.summary.message = "stopped: time limit (20 s) — not converged";
  result.solution.summary.check.walras = nan;
  ExpectSameText(result, "awkward values");

  // Country entries are an object keyed by code: written sorted, a repeated code once (the last).
  result.outcomes.countries[0].code = "ZZZ";
  result.outcomes.countries[3].code = "AAA";
  ExpectSameText(result, "codes out of order");
  result.outcomes.countries[2].code = "CAN";
  ExpectSameText(result, "repeated code");
}

}  // namespace
}  // namespace ricardo::testing
