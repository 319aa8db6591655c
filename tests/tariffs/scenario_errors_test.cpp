// Expected failures: malformed scenario files (tests/tariffs/malformed/), each a different
// mistake, each with its exact located message. Most are caught by ParseScenario; those that
// need the baseline (countries, sectors, overlaps) by CheckScenario on north-america. A few go
// through `ricardo scenario check` for the exit code and the text people see.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ProjectDirectory;
using testing::RunCli;

std::filesystem::path MalformedDirectory() {
  return ProjectDirectory() / "tests/tariffs/malformed";
}

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

enum class Stage { kParse, kCheck };

struct Case {
  const char* file;
  Stage stage;
  const char* message;  // the exact what() of the ScenarioError
};

const char* kSectors =
    "agriculture, mining, food, textiles, leather, wood, paper, petroleum, chemicals, plastics, "
    "minerals, metals, machinery, electrical, transport_equipment, other_manufacturing, utilities, "
    "construction, motor_trade, wholesale, retail, hotels, inland_transport, water_transport, "
    "air_transport, transport_services, telecom, finance, real_estate, business_services, "
    "public_admin, education, health, other_services, households";

std::vector<Case> Cases() {
  static const std::string elasticity_sector =
      std::string(
          "elasticity-unknown-sector.toml:5:1: unknown sector 'steel' (sectors of baseline "
          "'north-america': ") +
      kSectors + ")";
  static const std::string trade_cost_sector =
      std::string(
          "trade-cost-unknown-sector.toml:8:12: unknown sector 'autos' (sectors of baseline "
          "'north-america': ") +
      kSectors + ")";
  return {
      // ---- syntax and shape
      {"toml-syntax-error.toml", Stage::kParse,
       "toml-syntax-error.toml:9:1: Error while parsing array: expected comma or closing ']', saw "
       "'s'"},
      {"non-ascii-outside-string.toml", Stage::kParse,
       "non-ascii-outside-string.toml:10:7: non-ASCII character U+00A0 outside a string or comment "
       "(TOML allows such characters only inside quoted strings and comments)"},
      {"empty.toml", Stage::kParse,
       "empty.toml:1:1: the scenario has no 'name' (add name = \"my-scenario\" at the top)"},
      {"no-measures.toml", Stage::kParse,
       "no-measures.toml:1:1: the scenario has no measures, trade-cost shocks or elasticity "
       "overrides "
       "(add a [[measures]] table; docs/scenarios.md lists every key)"},
      {"measures-not-array.toml", Stage::kParse,
       "measures-not-array.toml:4:1: 'measures' must be a list of tables, not a table (start each "
       "entry with [[measures]] on its own line)"},
      {"unknown-key.toml", Stage::kParse,
       "unknown-key.toml:8:1: unknown key 'orgins' in [[measures]] (did you mean 'origins'?)"},
      {"unknown-scope-key.toml", Stage::kParse,
       "unknown-scope-key.toml:9:29: unknown key 'exclude' in the scope (known keys: all_goods, "
       "hs, "
       "lists, sectors, exclude_hs, exclude_lists)"},
      {"missing-importer.toml", Stage::kParse,
       "missing-importer.toml:4:1: measure 'ieepa-canada' has no 'importer' (add importer = "
       "\"USA\")"},
      {"missing-rate.toml", Stage::kParse,
       "missing-rate.toml:4:1: measure 'ieepa-canada' has no 'rate' (add rate = 0.25 (a fraction) "
       "or "
       "rate_from_baseline = \"ROW\")"},
      {"duplicate-measure-id.toml", Stage::kParse,
       "duplicate-measure-id.toml:12:1: measure id 'ieepa-canada' is used twice (first at line 4) "
       "(give every measure its own id)"},
      {"unknown-authority.toml", Stage::kParse,
       "unknown-authority.toml:6:13: unknown authority 'section232' (did you mean 'section_232'?)"},
      // ---- rates and types
      {"rate-negative.toml", Stage::kParse,
       "rate-negative.toml:10:8: rate -0.1 is out of range (rates are fractions from 0 to 5)"},
      {"rate-above-limit.toml", Stage::kParse,
       "rate-above-limit.toml:10:8: rate 12.5 is out of range (rates are fractions from 0 to 5: "
       "write "
       "0.125 for 12.5%)"},
      {"rate-as-percent.toml", Stage::kParse,
       "rate-as-percent.toml:10:8: rate 25 is out of range (rates are fractions from 0 to 5: write "
       "0.25 "
       "for 25%)"},
      {"rate-wrong-type.toml", Stage::kParse,
       "rate-wrong-type.toml:10:8: 'rate' must be a number, not a string (write the rate as a "
       "fraction, e.g. rate = 0.25 for 25%)"},
      {"non-us-content-without-share.toml", Stage::kParse,
       "non-us-content-without-share.toml:11:9: usmca = \"non-us-content\" needs "
       "'us_content_share' "
       "(add us_content_share = 0.4 (the US content of qualifying goods))"},
      // ---- dates
      {"invalid-date.toml", Stage::kParse,
       "invalid-date.toml:11:18: Error while parsing date: expected day between 1 and 28 "
       "(inclusive), saw 30"},
      {"date-as-string.toml", Stage::kParse,
       "date-as-string.toml:11:8: 'from' must be a date, not a string (write from = 2025-03-04 "
       "without quotes)"},
      {"reversed-dates.toml", Stage::kParse,
       "reversed-dates.toml:12:6: 'to' (2025-03-04) is before 'from' (2026-02-23) (measures are in "
       "force from 'from' to 'to', both included)"},
      // ---- products
      {"unknown-hs-code.toml", Stage::kParse,
       "unknown-hs-code.toml:9:23: unknown HS code '7399' (did you mean '7309'?)"},
      {"malformed-hs-code.toml", Stage::kParse,
       "malformed-hs-code.toml:9:17: '720' is not an HS code (HS codes have 2, 4, 6, 8 or 10 "
       "digits, "
       "dots allowed, e.g. \"7208\" or \"8703.23\")"},
      {"unknown-product-list.toml", Stage::kParse,
       "unknown-product-list.toml:9:33: unknown product list 's232_steel_derivative' (did you mean "
       "'s232_steel_derivatives'?)"},
      // ---- stacking
      {"unknown-measure-reference.toml", Stage::kParse,
       "unknown-measure-reference.toml:19:13: unknown measure 'ieepa-canda' in replaces (did you "
       "mean "
       "'ieepa-canada'?)"},
      {"contradicting-rules.toml", Stage::kParse,
       "contradicting-rules.toml:23:16: stacking rules contradict each other: 's232-lumber' stacks "
       "with 'ieepa-canada' here, but 's232-lumber' replaces 'ieepa-canada' at "
       "contradicting-rules.toml:19:13 (keep one rule per pair of measures, or give them dates "
       "that "
       "do not overlap)"},
      {"overlap-without-rule.toml", Stage::kCheck,
       "overlap-without-rule.toml:13:1: measures 'ieepa-canada' and 's232-lumber' overlap with no "
       "stacking rule between them (both tax USA imports from CAN of 44031100 on 2025-10-14) (add "
       "replaces, replaced_by, replaces_on_content or stacks_with to one of them, naming the "
       "other)"},
      // ---- countries and sectors (need the baseline)
      {"unknown-origin-country.toml", Stage::kCheck,
       "unknown-origin-country.toml:8:19: unknown country 'CNA' (did you mean 'CAN'?)"},
      {"unknown-importer.toml", Stage::kCheck,
       "unknown-importer.toml:7:12: unknown country 'CAD' (did you mean 'CAN'?)"},
      {"origin-is-importer.toml", Stage::kCheck,
       "origin-is-importer.toml:8:12: 'USA' is the importer itself (a measure taxes imports from "
       "other countries)"},
      {"unknown-sector.toml", Stage::kCheck,
       "unknown-sector.toml:9:22: unknown sector 'metal' (did you mean 'metals'?)"},
      // ---- trade costs and elasticities
      {"trade-cost-zero.toml", Stage::kParse,
       "trade-cost-zero.toml:8:9: d_hat 0 is out of range (d̂ = d′/d must be above 0 and at most 10 "
       "(1 = unchanged, 0.9 = 10% lower))"},
      {"trade-cost-unknown-sector.toml", Stage::kCheck, trade_cost_sector.c_str()},
      {"elasticity-negative.toml", Stage::kParse,
       "elasticity-negative.toml:5:10: elasticity -4 for 'metals' is out of range (θ must be a "
       "number "
       "above 0 and at most 100)"},
      {"elasticity-unknown-sector.toml", Stage::kCheck, elasticity_sector.c_str()},
  };
}

class ScenarioErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(LoadBaseline("north-america")); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  static Baseline* baseline_;
};

Baseline* ScenarioErrorsTest::baseline_ = nullptr;

TEST_F(ScenarioErrorsTest, EveryMalformedFileHasItsExactLocatedMessage) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.file);
    const std::string text = ReadText(MalformedDirectory() / c.file);
    std::string message;
    try {
      const Scenario s = ParseScenario(text, c.file);
      if (c.stage == Stage::kCheck) CheckScenario(s, *baseline_);
    } catch (const ScenarioError& e) {
      message = e.what();
      // Located by line and column, in the file named.
      EXPECT_EQ(e.where().file, c.file);
      EXPECT_GT(e.where().line, 0);
      EXPECT_GT(e.where().column, 0);
    }
    EXPECT_EQ(message, c.message);
    if (c.stage == Stage::kCheck) {
      // Check-stage files are well-formed as such: parsing alone must not complain.
      EXPECT_NO_THROW(ParseScenario(text, c.file));
    }
  }
}

// CompileScenario makes the same checks as CheckScenario before it compiles anything.
TEST_F(ScenarioErrorsTest, CompileRefusesWhatCheckRefuses) {
  for (const Case& c : Cases()) {
    if (c.stage != Stage::kCheck) continue;
    SCOPED_TRACE(c.file);
    const Scenario s = ParseScenario(ReadText(MalformedDirectory() / c.file), c.file);
    try {
      CompileScenario(s, *baseline_);
      ADD_FAILURE() << "compiled";
    } catch (const ScenarioError& e) {
      EXPECT_STREQ(e.what(), c.message);
    }
  }
}

// The directory and the table agree: a file added without its expected message fails here, and
// every case is a different mistake (no two messages alike once the file name is taken out).
TEST_F(ScenarioErrorsTest, TableCoversTheDirectoryWithDistinctMistakes) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(MalformedDirectory())) {
    if (entry.path().extension() == ".toml") files.insert(entry.path().filename().string());
  }
  std::set<std::string> listed, problems;
  for (const Case& c : Cases()) {
    listed.insert(c.file);
    const std::string message = c.message;
    problems.insert(message.substr(message.find(' ')));
  }
  // unknown-baseline.toml is checked through the CLI below (the baseline is looked up there).
  listed.insert("unknown-baseline.toml");
  EXPECT_EQ(files, listed);
  EXPECT_EQ(problems.size(), Cases().size());
  EXPECT_GE(Cases().size(), 20u);
}

// Through the CLI: exit code 4 (malformed scenario) and the message on stderr, with the path as
// given on the command line.
TEST_F(ScenarioErrorsTest, CliCheckExitsWithFourAndTheLocatedMessage) {
  const std::string dir = MalformedDirectory().string();
  struct CliCase {
    std::string file, tail;
  };
  const std::vector<CliCase> cases = {
      {"toml-syntax-error.toml",
       ":9:1: Error while parsing array: expected comma or closing ']', saw 's'"},
      {"rate-as-percent.toml",
       ":10:8: rate 25 is out of range (rates are fractions from 0 to 5: write 0.25 for 25%)"},
      {"unknown-origin-country.toml", ":8:19: unknown country 'CNA' (did you mean 'CAN'?)"},
      {"overlap-without-rule.toml",
       ":13:1: measures 'ieepa-canada' and 's232-lumber' overlap with no stacking rule between "
       "them "
       "(both tax USA imports from CAN of 44031100 on 2025-10-14) (add replaces, replaced_by, "
       "replaces_on_content or stacks_with to one of them, naming the other)"},
  };
  for (const CliCase& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string path = dir + "/" + c.file;
    const auto result = RunCli("scenario check '" + path + "'");
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "ricardo: scenario error: " + path + c.tail + "\n");
  }
  // explain and run refuse the same file the same way.
  const std::string path = dir + "/rate-as-percent.toml";
  for (const char* command : {"scenario explain", "run"}) {
    SCOPED_TRACE(command);
    const auto result = RunCli(std::string(command) + " '" + path + "'");
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_NE(result.err.find(path + ":10:8: rate 25 is out of range"), std::string::npos)
        << result.err;
  }
}

// A baseline the scenario names but that does not exist is a missing resource (exit 5), with
// the closest built-in name suggested.
TEST_F(ScenarioErrorsTest, CliUnknownBaselineIsNotFound) {
  const std::string path = (MalformedDirectory() / "unknown-baseline.toml").string();
  EXPECT_NO_THROW(ParseScenario(ReadText(path), "unknown-baseline.toml"));
  const auto result = RunCli("scenario check '" + path + "'");
  EXPECT_EQ(result.exit_code, 5);
  EXPECT_EQ(result.err,
            "ricardo: not found: north-amercia: unknown baseline 'north-amercia' (did you mean "
            "'north-america'?) (built-in baselines: north-america, world; or give a package "
            "directory)\n");
  // Given a baseline that exists, the same file is fine.
  const auto with_baseline = RunCli("scenario check '" + path + "' --baseline north-america");
  EXPECT_EQ(with_baseline.exit_code, 0) << with_baseline.err;
}

}  // namespace
}  // namespace ricardo
