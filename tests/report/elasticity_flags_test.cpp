// The decision on high trade elasticities (docs/model.md, "Sectors with a high trade
// elasticity"), pinned: default runs keep CP2015's θ and flag every tradable sector whose θ is
// above 20 — petroleum, θ = 64.85 — with its largest changes under that θ and from a second solve
// with θ = 4 (Simonovska and Waugh 2014), in the run result, the terminal table, run.json and the
// HTML report. The flag disappears when θ is not above the threshold, and its second numbers are
// exactly those of a run with that elasticity override.
#include <cmath>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "json_schema.hpp"
#include "nlohmann/json.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

// The shipped scenario whose petroleum swing issue 10 quotes: trade costs between Canada and
// Mexico 10% lower.
constexpr const char* kPartnership = "canada-mexico-partnership";

Scenario Shipped(const std::string& name) {
  return LoadScenario(ResolveScenarioPath(name));
}

CompiledScenario Compile(const Scenario& scenario) {
  CompileOptions options;
  options.product_trace = false;
  return CompileScenario(scenario, LoadBaseline(scenario.baseline), options);
}

// The scenario with one more elasticity override.
Scenario WithTheta(Scenario scenario, const std::string& sector, double theta) {
  ElasticityOverride e;
  e.sector = sector;
  e.theta = theta;
  scenario.elasticities.push_back(e);
  return scenario;
}

nlohmann::json LoadSchema() {
  std::ifstream in(ProjectDirectory() / "docs" / "schema" / "run-result.v1.schema.json");
  return nlohmann::json::parse(in);
}

std::string Joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

std::string ReadAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One partnership run shared by the tests that only read it.
const RunResult& PartnershipRun() {
  static const RunResult run = RunCompiled(Compile(Shipped(kPartnership)));
  return run;
}

const std::string kTableTitle = "Sectors with a high trade elasticity (θ above 20)";

TEST(ElasticityFlags, PetroleumIsFlaggedWithBothNumbers) {
  const RunResult& run = PartnershipRun();
  ASSERT_TRUE(run.solution.summary.IsConverged()) << run.solution.summary.FullReport();
  const Baseline& b = run.baseline;
  ASSERT_EQ(run.elasticity_flags.size(), 1u);
  const ElasticityFlag& f = run.elasticity_flags[0];
  EXPECT_EQ(b.sectors[f.sector].code, "petroleum");
  EXPECT_EQ(f.theta, 64.85);  // CP2015's estimate, unchanged by default
  EXPECT_EQ(b.sectors[f.sector].theta, 64.85);
  EXPECT_EQ(f.theta_threshold, 20.0);
  EXPECT_EQ(f.alternative_theta, 4.0);
  EXPECT_EQ(f.alternative_source, "Simonovska and Waugh 2014");
  EXPECT_TRUE(f.alternative_converged()) << f.alternative_message;

  // Output of the region that moves most, the pair whose petroleum imports move most, that pair
  // over all sectors, and the run's largest bilateral change (Mexico's imports from Canada).
  ASSERT_EQ(f.changes.size(), 4u);
  EXPECT_EQ(f.changes[0].measure, FlaggedMeasure::kGrossOutput);
  EXPECT_EQ(b.regions[f.changes[0].region].code, "MEX");
  EXPECT_EQ(f.changes[1].measure, FlaggedMeasure::kSectorImports);
  EXPECT_EQ(f.changes[2].measure, FlaggedMeasure::kPairImports);
  EXPECT_EQ(f.changes[2].region, f.changes[1].region);
  EXPECT_EQ(f.changes[2].partner, f.changes[1].partner);
  EXPECT_EQ(f.changes[3].measure, FlaggedMeasure::kPairImports);
  EXPECT_EQ(b.regions[f.changes[3].region].code, "MEX");
  EXPECT_EQ(b.regions[f.changes[3].partner].code, "CAN");

  const Outcomes& o = run.outcomes;
  const std::size_t j = f.sector;
  EXPECT_EQ(f.changes[0].value_new, o.gross_output_new(f.changes[0].region, j));
  EXPECT_EQ(f.changes[1].value_new, o.flows_new(f.changes[1].region, f.changes[1].partner, j));
  EXPECT_EQ(f.changes[3].value_new,
            o.BilateralImportsNew(f.changes[3].region, f.changes[3].partner));
  for (const FlaggedChange& c : f.changes) {
    SCOPED_TRACE(ToString(c.measure));
    EXPECT_TRUE(std::isfinite(c.change()));
    EXPECT_TRUE(std::isfinite(c.change_alternative()));
    // The swing is the θ's: with θ = 4 every flagged change is smaller.
    EXPECT_LT(std::abs(c.change_alternative()), std::abs(c.change()));
  }
  // The quoted numbers: Mexican petroleum output up by half under θ = 64.85, nearly unchanged
  // under θ = 4; Mexico's imports from Canada up several-fold, then about doubled.
  EXPECT_GT(f.changes[0].change(), 0.4);
  EXPECT_LT(std::abs(f.changes[0].change_alternative()), 0.05);
  EXPECT_GT(f.changes[3].change(), 5.0);
  EXPECT_LT(f.changes[3].change_alternative(), 2.0);
}

// Every shipped scenario keeps CP2015's petroleum θ, so every one flags petroleum.
TEST(ElasticityFlags, EveryShippedScenarioFlagsPetroleum) {
  for (const std::string& name : ShippedScenarioNames()) {
    SCOPED_TRACE(name);
    const RunResult run = RunCompiled(Compile(Shipped(name)));
    ASSERT_EQ(run.elasticity_flags.size(), 1u);
    EXPECT_EQ(run.baseline.sectors[run.elasticity_flags[0].sector].code, "petroleum");
    EXPECT_TRUE(run.elasticity_flags[0].alternative_converged());
    EXPECT_GE(run.elasticity_flags[0].changes.size(), 3u);
  }
}

// The terminal table: a warning line at the top and the table with both columns.
TEST(ElasticityFlags, TerminalTableShowsTheWarningAndBothColumns) {
  const RunResult& run = PartnershipRun();
  const ElasticityFlag& f = run.elasticity_flags[0];
  const std::string text = FormatRunTable(run);
  const std::size_t warning = text.find(
      "High trade elasticity: Coke, refined petroleum and nuclear fuel (θ = 64.85) is above 20, so "
      "small price changes move its "
      "trade and output a lot.");
  const std::size_t countries = text.find("Outcomes by country");
  const std::size_t table = text.find(kTableTitle);
  ASSERT_NE(warning, std::string::npos) << text;
  ASSERT_NE(table, std::string::npos) << text;
  EXPECT_LT(warning, countries);
  EXPECT_GT(table, countries);
  const std::string rest = text.substr(table);
  EXPECT_NE(rest.find("θ = 4: after"), std::string::npos) << rest;
  // Both percent changes of the output row, as printed.
  const std::string row = rest.substr(
      rest.find("Coke, refined petroleum and nuclear fuel  64.85  gross output of MEX"), 200);
  char expected[64];
  std::snprintf(expected, sizeof expected, "%+.2f", 100.0 * f.changes[0].change());
  EXPECT_NE(row.find(expected), std::string::npos) << row;
  std::snprintf(expected, sizeof expected, "%+.2f", 100.0 * f.changes[0].change_alternative());
  EXPECT_NE(row.find(expected), std::string::npos) << row;

  TableOptions md;
  md.format = TableFormat::kMarkdown;
  EXPECT_NE(FormatRunTable(run, md).find(
                "| Coke, refined petroleum and nuclear fuel | 64.85 | gross output of MEX |"),
            std::string::npos);
}

TEST(ElasticityFlags, RunJsonCarriesTheFlagAndValidates) {
  const RunResult& run = PartnershipRun();
  const ElasticityFlag& f = run.elasticity_flags[0];
  const nlohmann::json doc = RunResultToJson(run);
  const JsonSchemaValidator validator(LoadSchema());
  EXPECT_EQ(Joined(validator.Validate(doc)), "");
  ASSERT_EQ(doc["elasticity_flags"].size(), 1u);
  const nlohmann::json& flag = doc["elasticity_flags"][0];
  EXPECT_EQ(flag["sector"], "petroleum");
  EXPECT_EQ(flag["theta"].get<double>(), 64.85);
  EXPECT_EQ(flag["theta_threshold"].get<double>(), 20.0);
  EXPECT_EQ(flag["alternative_theta"].get<double>(), 4.0);
  EXPECT_EQ(flag["alternative_converged"], true);
  ASSERT_EQ(flag["changes"].size(), f.changes.size());
  const nlohmann::json& output = flag["changes"][0];
  EXPECT_EQ(output["measure"], "gross_output");
  EXPECT_EQ(output["region"], "MEX");
  EXPECT_FALSE(output.contains("exporter"));
  EXPECT_EQ(output["value_new_alternative"].get<double>(), f.changes[0].value_new_alternative);
  EXPECT_DOUBLE_EQ(output["change_pct"].get<double>(), 100.0 * f.changes[0].change());
  EXPECT_DOUBLE_EQ(output["change_alternative_pct"].get<double>(),
                   100.0 * f.changes[0].change_alternative());
  const nlohmann::json& pair = flag["changes"][3];
  EXPECT_EQ(pair["measure"], "pair_imports");
  EXPECT_EQ(pair["region"], "MEX");
  EXPECT_EQ(pair["exporter"], "CAN");
  // The pair row says the same as the bilateral table of the same document.
  for (const auto& row : doc["bilateral"]) {
    if (row["importer"] == "MEX" && row["exporter"] == "CAN") {
      EXPECT_EQ(row["change_pct"], pair["change_pct"]);
    }
  }

  // Optional: documents written before the field validate without it.
  nlohmann::json old = doc;
  old.erase("elasticity_flags");
  EXPECT_EQ(Joined(validator.Validate(old)), "");
}

TEST(ElasticityFlags, HtmlReportShowsTheWarningAndTheTable) {
  std::string reason;
  if (!ChartRendererAvailable({}, &reason)) GTEST_SKIP() << reason;
  const auto dir = MakeTempDirectory("elasticity_report");
  const ReportFiles files = WriteRunReport(PartnershipRun(), dir);
  ASSERT_FALSE(files.html.empty()) << files.html_skipped_reason;
  const std::string html = ReadAll(files.html);
  EXPECT_NE(html.find("<p class=\"warning\">High trade elasticity: Coke, refined petroleum and "
                      "nuclear fuel (θ = 64.85)"),
            std::string::npos);
  EXPECT_NE(html.find("<caption>" + kTableTitle), std::string::npos);
  EXPECT_NE(html.find("<td>gross output of MEX</td>"), std::string::npos);
  const nlohmann::json written = nlohmann::json::parse(ReadAll(dir / "run.json"));
  EXPECT_EQ(written["elasticity_flags"][0]["sector"], "petroleum");
}

// The θ = 4 numbers are exactly those of the same scenario run with `petroleum = 4` in its
// [elasticities] table: the flag really re-solves the model, it does not extrapolate.
TEST(ElasticityFlags, AlternativeEqualsARunWithTheElasticityOverride) {
  const RunResult& run = PartnershipRun();
  const ElasticityFlag& f = run.elasticity_flags[0];
  const RunResult overridden =
      RunCompiled(Compile(WithTheta(Shipped(kPartnership), "petroleum", 4.0)));
  ASSERT_TRUE(overridden.solution.summary.IsConverged());
  EXPECT_EQ(overridden.baseline.sectors[f.sector].theta, 4.0);
  const Outcomes& o = overridden.outcomes;
  for (const FlaggedChange& c : f.changes) {
    SCOPED_TRACE(ToString(c.measure));
    double expected = 0.0;
    switch (c.measure) {
      case FlaggedMeasure::kGrossOutput: expected = o.gross_output_new(c.region, f.sector); break;
      case FlaggedMeasure::kSectorImports:
        expected = o.flows_new(c.region, c.partner, f.sector);
        break;
      case FlaggedMeasure::kPairImports:
        expected = o.BilateralImportsNew(c.region, c.partner);
        break;
    }
    EXPECT_EQ(c.value_new_alternative, expected);
    EXPECT_NE(c.value_new, expected);  // and the default really is another solve
  }
}

// At or below the threshold there is no flag: a scenario override to 20 (not above) or to 4,
// and a baseline whose petroleum θ is low. Raising another sector above it flags that one.
TEST(ElasticityFlags, DisappearsWhenThetaIsNotAboveTheThreshold) {
  for (const double theta : {20.0, 4.0}) {
    SCOPED_TRACE(theta);
    const RunResult run =
        RunCompiled(Compile(WithTheta(Shipped(kPartnership), "petroleum", theta)));
    ASSERT_TRUE(run.solution.summary.IsConverged());
    EXPECT_TRUE(run.elasticity_flags.empty());
    const std::string text = FormatRunTable(run);
    EXPECT_EQ(text.find("High trade elasticity"), std::string::npos);
    EXPECT_EQ(text.find(kTableTitle), std::string::npos);
    EXPECT_EQ(RunResultToJson(run)["elasticity_flags"], nlohmann::json::array());
  }

  const CompiledScenario c = Compile(Shipped(kPartnership));
  Baseline low = c.baseline;
  low.sectors[*low.FindSector("petroleum")].theta = 8.0;
  EXPECT_TRUE(
      RunCounterfactual(low, c.shock, SolverOptions{}, c.metadata).elasticity_flags.empty());

  const RunResult paper = RunCompiled(Compile(WithTheta(Shipped(kPartnership), "paper", 25.0)));
  ASSERT_EQ(paper.elasticity_flags.size(), 2u);  // sector order: paper before petroleum
  EXPECT_EQ(paper.baseline.sectors[paper.elasticity_flags[0].sector].code, "paper");
  EXPECT_EQ(paper.elasticity_flags[0].theta, 25.0);
  EXPECT_EQ(paper.baseline.sectors[paper.elasticity_flags[1].sector].code, "petroleum");
  EXPECT_NE(FormatRunTable(paper).find(
                "High trade elasticity: Pulp, paper, printing and publishing (θ = 25) and "
                "Coke, refined petroleum and nuclear fuel (θ = 64.85) are above 20"),
            std::string::npos);
}

TEST(ElasticityFlags, OptionsChooseThresholdAlternativeOrNothing) {
  const CompiledScenario c = Compile(Shipped(kPartnership));
  RunOptions options;
  options.elasticity_flags.enabled = false;
  EXPECT_TRUE(RunCounterfactual(c.baseline, c.shock, options, c.metadata).elasticity_flags.empty());

  options.elasticity_flags.enabled = true;
  options.elasticity_flags.theta_threshold = 15.0;  // paper (16.52) too
  options.elasticity_flags.alternative_theta = 8.28;
  options.elasticity_flags.alternative_source = "Eaton and Kortum 2002";
  const RunResult run = RunCounterfactual(c.baseline, c.shock, options, c.metadata);
  ASSERT_EQ(run.elasticity_flags.size(), 2u);
  EXPECT_EQ(run.baseline.sectors[run.elasticity_flags[0].sector].code, "paper");
  EXPECT_EQ(run.elasticity_flags[1].alternative_theta, 8.28);
  EXPECT_NE(FormatRunTable(run).find(
                "(θ above 15): largest changes, and the same re-solved with the sector's θ = 8.28 "
                "(Eaton and Kortum 2002)"),
            std::string::npos);

  std::string error;
  ElasticityFlagOptions bad;
  bad.alternative_theta = 0.0;
  EXPECT_FALSE(bad.IsValid(&error));
  EXPECT_EQ(error, "alternative_theta is 0, must be a positive number");
  bad = {};
  bad.theta_threshold = -1.0;
  EXPECT_FALSE(bad.IsValid(&error));
  EXPECT_EQ(error, "theta_threshold is -1, must be a positive number");
  bad = {};
  bad.min_output_share = 1.0;
  EXPECT_FALSE(bad.IsValid(&error));
  EXPECT_EQ(error, "min_output_share is 1, must be in [0, 1)");
  options.elasticity_flags = bad;
  try {
    RunCounterfactual(c.baseline, c.shock, options, c.metadata);
    ADD_FAILURE() << "no error for invalid options";
  } catch (const ArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "invalid elasticity flag options: min_output_share is 1, must be in [0, 1)"),
              std::string::npos)
        << e.what();
  }
}

// A second solve that fails is reported, not hidden: its numbers are NaN (null in run.json,
// n/a in the table) and the note says why; the document still validates.
TEST(ElasticityFlags, FailedSecondSolveIsReported) {
  const CompiledScenario c = Compile(Shipped(kPartnership));
  RunOptions options;
  options.solver.max_outer_iterations = 1;  // neither solve can converge
  const RunResult run = RunCounterfactual(c.baseline, c.shock, options, c.metadata);
  ASSERT_EQ(run.elasticity_flags.size(), 1u);
  const ElasticityFlag& f = run.elasticity_flags[0];
  EXPECT_EQ(f.alternative_termination, TerminationType::kIterationLimit);
  EXPECT_FALSE(f.alternative_message.empty());
  for (const FlaggedChange& c : f.changes) EXPECT_TRUE(std::isnan(c.value_new_alternative));
  const nlohmann::json doc = RunResultToJson(run);
  EXPECT_EQ(doc["elasticity_flags"][0]["alternative_converged"], false);
  EXPECT_TRUE(doc["elasticity_flags"][0]["changes"][0]["value_new_alternative"].is_null());
  EXPECT_TRUE(doc["elasticity_flags"][0]["changes"][0]["change_alternative_pct"].is_null());
  EXPECT_EQ(Joined(JsonSchemaValidator(LoadSchema()).Validate(doc)), "");
  const std::string text = FormatRunTable(run);
  EXPECT_NE(
      text.find("The re-solve of Coke, refined petroleum and nuclear fuel with θ = 4 failed ("),
      std::string::npos)
      << text;
}

// `ricardo run` prints the flag; --format json carries it.
TEST(ElasticityFlags, CliRunPrintsTheFlag) {
  const CommandResult table = RunCli(std::string("run ") + kPartnership);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(
      table.out.find("High trade elasticity: Coke, refined petroleum and nuclear fuel (θ = 64.85)"),
      std::string::npos);
  EXPECT_NE(table.out.find(kTableTitle), std::string::npos);
  const CommandResult json = RunCli(std::string("run ") + kPartnership + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["elasticity_flags"][0]["sector"], "petroleum");
}

}  // namespace
}  // namespace ricardo::testing
