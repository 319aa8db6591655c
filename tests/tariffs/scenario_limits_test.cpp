// Scenarios of many overlapping measures (issue 11): the stated limits refuse them with located
// LimitErrors, a compile stops at its time limit, an explanation stops at its line limit, and a
// few hundred measures stacking on every product compile to what the rules say. No timings here:
// bench/compile_bench.cpp measures the speed.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"

namespace ricardo {
namespace {

using testing::MakeSyntheticNorthAmerica;
using testing::MakeTinyProductData;

enum class Rules { kIdsOfEarlier, kSelector, kReplacesEarlier, kSelectorTwice, kNone };

constexpr int kHeaderLines = 3;    // name, date, blank
constexpr int kMeasureLines = 10;  // see Overlapping

// n all-goods IEEPA measures on USA imports from CAN, measure k at rate (k + 1) × rate_step,
// related by `rules`. Measure k's [[measures]] header is on line kHeaderLines + k × kMeasureLines
// + 1.
std::string Overlapping(int n, Rules rules, double rate_step) {
  std::string text = "name = \"overlapping\"\ndate = 2025-11-01\n\n";
  for (int k = 0; k < n; ++k) {
    std::string earlier;
    for (int j = 0; j < k; ++j) earlier += fmt::format("{}\"m{}\"", j ? ", " : "", j);
    std::string rule = "# no rule";
    if (rules == Rules::kIdsOfEarlier) rule = fmt::format("stacks_with = [{}]", earlier);
    if (rules == Rules::kSelector) rule = "stacks_with = [\"@ieepa\"]";
    if (rules == Rules::kSelectorTwice) rule = "stacks_with = [\"@ieepa\", \"@ieepa\"]";
    if (rules == Rules::kReplacesEarlier) rule = fmt::format("replaces = [{}]", earlier);
    text += fmt::format(
        "[[measures]]\nid = \"m{}\"\nauthority = \"ieepa\"\nimporter = \"USA\"\norigins = "
        "[\"CAN\"]\n"
        "scope = {{ all_goods = true }}\nrate = {}\nfrom = 2025-01-01\n{}\n\n",
        k, (k + 1) * rate_step, rule);
  }
  return text;
}

class ScenarioLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(MakeSyntheticNorthAmerica()); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  void SetUp() override { products_ = LoadProductData(MakeTinyProductData("limits")); }

  Scenario Parse(const std::string& text) const {
    return ParseScenario(text, "limits.toml", *products_);
  }
  CompiledScenario Compile(const Scenario& s, CompileOptions options = {}) const {
    options.products = products_;
    return CompileScenario(s, *baseline_, options);
  }
  static double Rate(const CompiledScenario& c, const std::string& hts10) {
    for (const ProductTrace& p : c.trace.products) {
      if (p.hts10 == hts10) return p.rate;
    }
    return -1.0;
  }

  static Baseline* baseline_;
  std::shared_ptr<const ProductData> products_;
};
Baseline* ScenarioLimitsTest::baseline_ = nullptr;

// A few hundred measures that all stack on every product: each product pays the sum of their
// rates, whether the rules name every earlier measure or the authority.
TEST_F(ScenarioLimitsTest, HundredsOfStackingMeasuresChargeTheSumOfTheirRates) {
  constexpr int n = 300;
  const double sum = 0.0001 * n * (n + 1) / 2.0;  // Σ (k + 1) × 0.0001 = 4.515
  for (Rules rules : {Rules::kIdsOfEarlier, Rules::kSelector}) {
    const CompiledScenario c = Compile(Parse(Overlapping(n, rules, 0.0001)));
    ASSERT_EQ(c.trace.products.size(), 11u);
    for (const ProductTrace& p : c.trace.products) {
      EXPECT_NEAR(p.rate, sum, 1e-12) << p.hts10;
      EXPECT_EQ(p.hits.size(), static_cast<std::size_t>(n)) << p.hts10;
    }
  }
}

// Each measure replaces every earlier one: only the last is charged, and the others are listed
// as replaced by a later one.
TEST_F(ScenarioLimitsTest, AChainOfReplacementsChargesTheLastMeasure) {
  constexpr int n = 300;
  const CompiledScenario c = Compile(Parse(Overlapping(n, Rules::kReplacesEarlier, 0.001)));
  EXPECT_NEAR(Rate(c, "0702000000"), n * 0.001, 1e-12);
  ASSERT_FALSE(c.trace.products.empty());
  const ProductTrace& p = c.trace.products.front();
  ASSERT_EQ(p.hits.size(), 1u);
  EXPECT_EQ(p.hits[0].measure, fmt::format("m{}", n - 1));
  EXPECT_EQ(p.displaced.size(), static_cast<std::size_t>(n - 1));
}

TEST_F(ScenarioLimitsTest, MoreMeasuresThanTheLimitAreRefusedAtTheFirstOneBeyondIt) {
  const int n = static_cast<int>(kMaxScenarioMeasures) + 1;
  try {
    Parse(Overlapping(n, Rules::kNone, 0.0));
    FAIL() << "no error";
  } catch (const LimitError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kLimit);
    EXPECT_EQ(
        std::string(e.what()),
        fmt::format(
            "limits.toml:{}:1: the scenario has 2001 measures; the limit is 2000 measures per "
            "scenario (merge measures that differ only in their origins or products (one measure "
            "takes a list of origins and a scope of many products), or split the scenario "
            "(docs/scenarios.md, Limits))",
            kHeaderLines + 2000 * kMeasureLines + 1));
  }
  // At the limit the scenario is read.
  EXPECT_EQ(Parse(Overlapping(n - 1, Rules::kNone, 0.0)).measures.size(), kMaxScenarioMeasures);
}

// "@ieepa" twice on each of 2,000 IEEPA measures: each entry reaches 1,999 measures, so the
// 2,002nd entry (the second of measure m1000) takes the pair rules past 4,000,000.
TEST_F(ScenarioLimitsTest, StackingEntriesResolvingToTooManyPairsAreRefusedAtTheEntry) {
  try {
    Parse(Overlapping(static_cast<int>(kMaxScenarioMeasures), Rules::kSelectorTwice, 0.0));
    FAIL() << "no error";
  } catch (const LimitError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        fmt::format(
            "limits.toml:{}:26: the stacking rules resolve to more than 4000000 measure pairs (up "
            "to this entry, stacks_with = [\"@ieepa\"], which reaches 1999 measures); the limit is "
            "4000000 pair rules per scenario (name each pair of measures once (an @authority entry "
            "on one side of a pair is enough), or merge measures that stack alike into one "
            "(docs/scenarios.md, Limits))",
            kHeaderLines + 1000 * kMeasureLines + 9));
  }
}

// The compile checks its time limit as it goes: with a limit far below what a few hundred
// stacking measures take, it stops with a LimitError naming the limit.
TEST_F(ScenarioLimitsTest, ACompileStopsAtItsTimeLimit) {
  const Scenario s = Parse(Overlapping(300, Rules::kSelector, 0.0001));
  CompileOptions options;
  options.max_time_in_seconds = 1e-9;
  try {
    Compile(s, options);
    FAIL() << "no error";
  } catch (const LimitError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kLimit);
    EXPECT_EQ(e.where().file, "limits.toml");
    EXPECT_TRUE(std::regex_match(
        e.problem(), std::regex(R"(compiling stopped after \d+\.\d\d s, the limit is 1e-09 s)")))
        << e.problem();
    EXPECT_EQ(e.fix(),
              "raise the time limit (CompileOptions::max_time_in_seconds; the server's "
              "--solve-time-limit), or "
              "write fewer overlapping measures: one measure with several origins or a wider scope "
              "instead of "
              "many that stack");
  }
  options.products = products_;
  EXPECT_THROW(CheckScenario(s, *baseline_, options), LimitError);  // checking counts too
  options.max_time_in_seconds.reset();
  EXPECT_NO_THROW(Compile(s, options));
}

// 300 measures on every product make 301 trace lines per product: a limit of 1,000 lines shows
// three products and says how many lines and products it left out.
TEST_F(ScenarioLimitsTest, AnExplanationStopsAtItsLineLimit) {
  const CompiledScenario c = Compile(Parse(Overlapping(300, Rules::kSelector, 0.0001)));
  ExplainOptions options;
  options.max_trace_lines = 1000;
  const nlohmann::json j = ExplainJson(c, options);
  ASSERT_EQ(j["pairs"].size(), 1u);
  EXPECT_EQ(j["pairs"][0]["products"].size(), 3u);
  EXPECT_EQ(j["pairs"][0]["products_left_out"], 8);
  const std::string note =
      "2408 product trace lines (8 products) left out: an answer shows at most 1000 lines; narrow "
      "it to one "
      "origin or sector (scenario explain --origin CAN --sector metals; /explain \"origin\", "
      "\"sector\"), or "
      "raise the limit (--max-trace-lines, -1 for all)";
  EXPECT_EQ(j["product_lines"], nlohmann::json({{"limit", 1000},
                                                {"shown", 903},
                                                {"left_out", 2408},
                                                {"products_left_out", 8},
                                                {"note", note}}));
  options.max_products = -1;
  const std::string text = ExplainText(c, options);
  EXPECT_NE(text.find("\n(" + note + ")\n"), std::string::npos) << text.substr(text.size() - 500);
  // The default limit leaves nothing out here; the JSON says so.
  const nlohmann::json all = ExplainJson(c, {});
  EXPECT_EQ(all["pairs"][0]["products"].size(), 11u);
  EXPECT_EQ(all["product_lines"]["left_out"], 0);
  EXPECT_FALSE(all["product_lines"].contains("note"));
}

}  // namespace
}  // namespace ricardo
