// Silent wrong answers (issue 11): scenarios that used to check and run to zeros with exit 0.
//  * displacement cycles among the stacking rules in force on a common day (a replaces b,
//    b replaces c, c replaces a — by id, replaced_by, @authority, dated [[stacking]] tables,
//    replaces_on_content) are a located ScenarioError listing every rule of the cycle;
//  * a scope whose exclusions take out all it includes fails like an empty scope; a compile
//    where nothing applies (no measure in force, a zero shock, a trade-cost shock on no pair)
//    carries a warning in the trace, which `ricardo run` and `scenario explain` print on stderr;
//  * a tariff measure may not name a services sector in its scope.
// Product data: the tiny fixture of tariff_fixtures.hpp (USA <- CAN); services on `world`.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

using testing::MakeSyntheticNorthAmerica;
using testing::MakeTempDirectory;
using testing::MakeTinyProductData;
using testing::ProjectDirectory;
using testing::RunCli;
using testing::WriteFile;

class SilentAnswersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(MakeSyntheticNorthAmerica()); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  void SetUp() override { products_ = LoadProductData(MakeTinyProductData("tiny")); }

  CompileOptions Options(const std::string& date) const {
    CompileOptions options;
    options.products = products_;
    options.date = Date::Parse(date);
    return options;
  }
  CompiledScenario Compile(const std::string& text, const std::string& date,
                           const Baseline* baseline = nullptr) const {
    const Scenario s = ParseScenario(text, "t.toml", *products_);
    return CompileScenario(s, baseline ? *baseline : *baseline_, Options(date));
  }
  // The message of the ScenarioError that checking `text` throws, or "" if it checks.
  std::string CheckError(const std::string& text) const {
    try {
      const Scenario s = ParseScenario(text, "t.toml", *products_);
      CheckScenario(s, *baseline_, Options("2025-11-01"));
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "";
  }

  static Baseline* baseline_;
  std::shared_ptr<const ProductData> products_;
};

Baseline* SilentAnswersTest::baseline_ = nullptr;

// Measure `id` on steel from Canada, with extra lines (its stacking lists) after the rate.
std::string Steel(const std::string& id, const std::string& authority, const std::string& extra) {
  return "\n[[measures]]\nid = \"" + id + "\"\nauthority = \"" + authority +
         "\"\nimporter = \"USA\"\norigins = [\"CAN\"]\nscope = { hs = [\"72\"] }\nrate = 0.1\n" +
         extra;
}

// ---- 1. Cycles of displacement -------------------------------------------------------------

TEST_F(SilentAnswersTest, ThreeCycleOfReplacesIsAnErrorListingEachRule) {
  const std::string text = "name = \"t\"\n" + Steel("a", "other", "replaces = [\"b\"]\n") +
                           Steel("b", "other", "replaces = [\"c\"]\n") +
                           Steel("c", "other", "replaces = [\"a\"]\n");
  EXPECT_EQ(
      CheckError(text),
      "t.toml:10:13: measures 'a' → 'b' → 'c' → 'a' replace each other in a cycle (t.toml:10:13 "
      "replaces = "
      "[\"b\"], t.toml:19:13 replaces = [\"c\"], t.toml:28:13 replaces = [\"a\"]): where all of "
      "them apply, "
      "each is displaced by another and none is charged (remove one of these rules or make it "
      "stacks_with; "
      "replaces and replaces_on_content must point one way between measures that apply together)");
}

TEST_F(SilentAnswersTest, FourCycleIsFoundWhateverTheOrderOfTheMeasures) {
  const std::string text = "name = \"t\"\n" + Steel("d", "other", "replaces = [\"a\"]\n") +
                           Steel("b", "other", "replaces = [\"c\"]\n") +
                           Steel("a", "other", "replaces = [\"b\"]\n") +
                           Steel("c", "other", "replaces = [\"d\"]\n");
  const std::string error = CheckError(text);
  EXPECT_NE(error.find("measures 'd' → 'a' → 'b' → 'c' → 'd' replace each other in a cycle"),
            std::string::npos)
      << error;
}

TEST_F(SilentAnswersTest, TwoCycleThroughReplacedByIsAnError) {
  const std::string text = "name = \"t\"\n" + Steel("a", "other", "replaced_by = [\"b\"]\n") +
                           Steel("b", "other", "replaced_by = [\"a\"]\n");
  EXPECT_EQ(CheckError(text),
            "t.toml:19:16: measures 'a' → 'b' → 'a' replace each other in a cycle (t.toml:19:16 "
            "replaced_by = "
            "[\"a\"], t.toml:10:16 replaced_by = [\"b\"]): where all of them apply, each is "
            "displaced by another "
            "and none is charged (remove one of these rules or make it stacks_with; replaces and "
            "replaces_on_content must point one way between measures that apply together)");
}

TEST_F(SilentAnswersTest, CycleThroughAnAuthorityIsAnError) {
  const std::string text = "name = \"t\"\n" +
                           Steel("a", "ieepa", "replaces = [\"@section_232\"]\n") +
                           Steel("b", "section_232", "replaces = [\"c\"]\n") +
                           Steel("c", "other", "replaces = [\"a\"]\n");
  const std::string error = CheckError(text);
  EXPECT_NE(
      error.find(
          "measures 'a' → 'b' → 'c' → 'a' replace each other in a cycle (t.toml:10:13 replaces = "
          "[\"@section_232\"], t.toml:19:13 replaces = [\"c\"], t.toml:28:13 replaces = [\"a\"])"),
      std::string::npos)
      << error;
}

// An id rule decides over an @authority rule for the same pair: b replaces a by id, a reaches b
// only through @other, so the rules point one way and there is no cycle.
TEST_F(SilentAnswersTest, AnIdRuleOverridingAnAuthorityRuleIsNoCycle) {
  const std::string text = "name = \"t\"\n" + Steel("a", "ieepa", "replaces = [\"@other\"]\n") +
                           Steel("b", "other", "replaces = [\"a\"]\n");
  EXPECT_EQ(CheckError(text), "");
}

const char* kDatedCycle = R"(name = "t"
[[measures]]
id = "a"
authority = "other"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"] }
rate = 0.1

[[measures]]
id = "b"
authority = "other"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"] }
rate = 0.2
replaces = ["c"]

[[measures]]
id = "c"
authority = "other"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"] }
rate = 0.3

[[stacking]]
measure = "a"
replaces = ["b"]
to = A_TO

[[stacking]]
measure = "a"
stacks_with = ["b"]
from = A_FROM

[[stacking]]
measure = "c"
replaces = ["a"]
from = C_FROM

[[stacking]]
measure = "c"
stacks_with = ["a"]
to = C_TO
)";

std::string DatedCycle(const std::string& a_to, const std::string& c_from) {
  std::string text = kDatedCycle;
  auto set = [&](const std::string& key, const std::string& date) {
    text.replace(text.find(key), key.size(), date);
  };
  const Date a_end = *Date::Parse(a_to), c_start = *Date::Parse(c_from);
  Date after_a = a_end, before_c = c_start;
  // The day after A_TO and the day before C_FROM (no month ends in these tests).
  ++after_a.day;
  --before_c.day;
  set("A_TO", a_to);
  set("A_FROM", after_a.ToString());
  set("C_FROM", c_from);
  set("C_TO", before_c.ToString());
  return text;
}

TEST_F(SilentAnswersTest, CycleOfDatedRulesThatOverlapIsAnErrorWithTheDay) {
  const std::string error = CheckError(DatedCycle("2025-06-20", "2025-06-10"));
  EXPECT_EQ(
      error,
      "t.toml:29:13: measures 'a' → 'b' → 'c' → 'a' replace each other in a cycle (t.toml:29:13 "
      "[[stacking]] "
      "measure = \"a\", replaces = [\"b\"], t.toml:17:13 replaces = [\"c\"], t.toml:39:13 "
      "[[stacking]] "
      "measure = \"c\", replaces = [\"a\"]): where all of them apply on 2025-06-10, each is "
      "displaced by "
      "another and none is charged (remove one of these rules or make it stacks_with; replaces and "
      "replaces_on_content must point one way between measures that apply together)");
}

TEST_F(SilentAnswersTest, CycleOfDatedRulesThatNeverOverlapIsNoError) {
  const std::string text = DatedCycle("2025-06-10", "2025-06-20");
  EXPECT_EQ(CheckError(text), "");
  // Each day has an order: a over b over c before 2025-06-11 (a charged), b over c and c over a
  // from 2025-06-20 (b charged), b over c alone between (a and b charged).
  EXPECT_GT(Compile(text, "2025-06-01").shock.tariff_rates.size(), 0u);
  const Scenario s = ParseScenario(text, "t.toml", *products_);
  for (const auto& [date, rate] :
       {std::pair{"2025-06-01", 0.1}, {"2025-06-15", 0.3}, {"2025-07-01", 0.2}}) {
    CompileOptions options = Options(date);
    const CompiledScenario c = CompileScenario(s, *baseline_, options);
    const auto steel = std::find_if(c.trace.products.begin(), c.trace.products.end(),
                                    [](const ProductTrace& p) { return p.hts10 == "7208100015"; });
    ASSERT_NE(steel, c.trace.products.end()) << date;
    EXPECT_NEAR(steel->rate, rate, 1e-12) << date;
    EXPECT_TRUE(c.trace.warnings.empty()) << date;
  }
}

// Decision: replaces_on_content is displacement too. "A on its content, B on the rest" around a
// cycle leaves each measure's base less what the next keeps: on full-value products every base
// is zero and nothing is charged, as with replaces.
TEST_F(SilentAnswersTest, CycleOfReplacesOnContentIsAnError) {
  const std::string text = "name = \"t\"\n" +
                           Steel("a", "other", "replaces_on_content = [\"b\"]\n") +
                           Steel("b", "other", "replaces = [\"c\"]\n") +
                           Steel("c", "other", "replaces_on_content = [\"a\"]\n");
  const std::string error = CheckError(text);
  EXPECT_NE(
      error.find("measures 'a' → 'b' → 'c' → 'a' replace each other in a cycle (t.toml:10:24 "
                 "replaces_on_content = [\"b\"], t.toml:19:13 replaces = [\"c\"], t.toml:28:24 "
                 "replaces_on_content = [\"a\"])"),
      std::string::npos)
      << error;
}

// Measures that never tax the same imports cannot drop each other: rules between them, even
// in a cycle, change nothing.
TEST_F(SilentAnswersTest, CycleAmongMeasuresThatNeverMeetIsNoError) {
  std::string text = "name = \"t\"\n" + Steel("a", "other", "replaces = [\"b\"]\n") +
                     Steel("b", "other", "replaces = [\"a\"]\nfrom = 2026-01-01\n");
  // a ends before b starts.
  text.insert(text.find("replaces = [\"b\"]"), "to = 2025-12-31\n");
  EXPECT_EQ(CheckError(text), "");
  // The same on different origins: they never tax the same imports.
  std::string origins = "name = \"t\"\n" + Steel("a", "other", "replaces = [\"b\"]\n") +
                        Steel("b", "other", "replaces = [\"a\"]\n");
  origins.replace(origins.rfind("[\"CAN\"]"), 7, "[\"MEX\"]");
  EXPECT_EQ(CheckError(origins), "");
}

TEST_F(SilentAnswersTest, ShippedScenariosStillCheckOnWorld) {
  const Baseline world = LoadBaseline("world");
  for (const std::string& name : ShippedScenarioNames()) {
    const Scenario s = LoadScenario(ResolveScenarioPath(name));
    EXPECT_NO_THROW(CheckScenario(s, world)) << name;
    const CompiledScenario c = CompileScenario(s, world);
    EXPECT_TRUE(c.trace.warnings.empty()) << name << ": " << c.trace.warnings.front();
  }
}

// ---- 2. Nothing applies ---------------------------------------------------------------------

TEST_F(SilentAnswersTest, ScopeExcludedAwayFailsLikeAnEmptyScope) {
  const std::string text = R"(name = "t"
[[measures]]
id = "steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"], exclude_hs = ["72"] }
rate = 0.5
)";
  EXPECT_EQ(CheckError(text),
            "t.toml:7:9: the scope covers no products: its exclusions take out every product its "
            "inclusions name "
            "(hs = [\"72\"], exclude_hs = [\"72\"]) (remove the exclusions that cover the "
            "inclusions, or include "
            "more products)");
  std::string lists = text;
  lists.replace(lists.find("hs = [\"72\"], exclude_hs = [\"72\"]"), 32,
                "lists = [\"autos\"], exclude_hs = [\"87\"]");
  EXPECT_EQ(CheckError(lists),
            "t.toml:7:9: the scope covers no products: its exclusions take out every product its "
            "inclusions name "
            "(lists = [\"autos\"], exclude_hs = [\"87\"]) (remove the exclusions that cover the "
            "inclusions, or "
            "include more products)");
}

TEST_F(SilentAnswersTest, ScopeLeftWithSomeProductsChecks) {
  const std::string text = "name = \"t\"\n" + Steel("s", "section_232", "");
  std::string partial = text;
  partial.replace(partial.find("hs = [\"72\"]"), 11,
                  "hs = [\"72\", \"73\"], exclude_hs = [\"72\"]");
  EXPECT_EQ(CheckError(partial), "");
}

const char* kLateMeasure = R"(name = "t"
[[measures]]
id = "steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"] }
rate = 0.5
from = 2025-06-04
)";

TEST_F(SilentAnswersTest, NoMeasureInForceIsAWarningInTheTrace) {
  const CompiledScenario c = Compile(kLateMeasure, "2019-01-01");
  const std::string warning = "no measure of 't.toml' is in force on 2019-01-01; the shock is zero";
  EXPECT_EQ(c.trace.warnings, std::vector<std::string>{warning});
  EXPECT_NE(std::find(c.trace.notes.begin(), c.trace.notes.end(), warning), c.trace.notes.end());
  EXPECT_NE(std::find(c.metadata.notes.begin(), c.metadata.notes.end(), warning),
            c.metadata.notes.end());
  EXPECT_TRUE(Compile(kLateMeasure, "2025-11-01").trace.warnings.empty());
}

// The steel-derivative list of the tiny data counts from 2025-08-18: a measure on it alone is
// in force before then but covers nothing yet.
TEST_F(SilentAnswersTest, MeasureWhoseListsStartLaterIsAWarning) {
  const std::string text = R"(name = "t"
[[measures]]
id = "deriv"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["steel_deriv"] }
rate = 0.5
)";
  EXPECT_EQ(Compile(text, "2025-07-01").trace.warnings,
            (std::vector<std::string>{
                "measure 'deriv' is in force on 2025-07-01, but no product of its scope is "
                "listed on that day (its lists' entries count from later dates); it charges "
                "nothing",
                "the measures of 't.toml' in force on 2025-07-01 charge nothing on the "
                "baseline's trade; the shock is zero"}));
  EXPECT_TRUE(Compile(text, "2025-11-01").trace.warnings.empty());
}

TEST_F(SilentAnswersTest, MeasuresThatChargeNothingAreAWarning) {
  const std::string text = R"(name = "t"
[[measures]]
id = "ieepa"
authority = "ieepa"
importer = "USA"
origins = ["CAN"]
scope = { all_goods = true }
rate = 0.35
usmca = "excluded"
)";
  const Scenario s = ParseScenario(text, "t.toml", *products_);
  CompileOptions options = Options("2025-11-01");
  options.usmca_share_override = 1.0;  // every good qualifies: the measure charges nothing
  const CompiledScenario c = CompileScenario(s, *baseline_, options);
  EXPECT_EQ(c.trace.warnings,
            std::vector<std::string>{"the measures of 't.toml' in force on 2025-11-01 charge "
                                     "nothing on the baseline's trade; the shock is zero"});
}

TEST_F(SilentAnswersTest, TradeCostShockOnNoPairIsAWarning) {
  const std::string text = R"(name = "t"
[[trade_costs]]
id = "can-only"
importers = ["CAN"]
exporters = ["CAN"]
d_hat = 0.9
)";
  const CompiledScenario c = Compile(text, "2025-11-01");
  EXPECT_EQ(c.trace.warnings,
            (std::vector<std::string>{
                "trade-cost shock 'can-only' covers no importer-exporter pair (every importer "
                "is also its only exporter); it changes nothing",
                "'t.toml' changes no tariff and no trade cost on 2025-11-01; the shock is zero"}));
}

// The CLI prints the trace's warnings on stderr and keeps exit code 0 (docs/scenarios.md).
TEST(SilentAnswersCli, RunAndExplainPrintTheWarningAndExitZero) {
  const auto dir = MakeTempDirectory("silent-cli");
  const auto file = dir / "late.toml";
  std::string text = kLateMeasure;
  text.insert(text.find("[[measures]]"), "baseline = \"north-america\"\n");
  WriteFile(file, text);
  const std::string warning = "ricardo: warning: no measure of '" + file.string() +
                              "' is in force on 2019-01-01; the shock is zero\n";
  const testing::CommandResult run = RunCli("run " + file.string() + " --date 2019-01-01 --quiet");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, warning);
  const testing::CommandResult explain =
      RunCli("scenario explain " + file.string() + " --date 2019-01-01");
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_EQ(explain.err, warning);
  const testing::CommandResult fine =
      RunCli("scenario explain " + file.string() + " --date 2025-11-01");
  EXPECT_EQ(fine.exit_code, 0) << fine.err;
  EXPECT_EQ(fine.err, "");
}

// ---- 3. Services sectors --------------------------------------------------------------------

std::string SectorMeasure(const std::string& sector) {
  return "name = \"t\"\n[[measures]]\nid = \"m\"\nauthority = \"other\"\nimporter = "
         "\"USA\"\norigins = [\"CAN\"]\n"
         "scope = { sectors = [\"" +
         sector + "\"] }\nrate = 0.25\n";
}

TEST(SilentAnswersServices, ServicesSectorInAScopeIsAnError) {
  const Baseline world = LoadBaseline("world");
  for (const auto& [sector, divisions] : {std::pair{"finance", "65-67"}, {"construction", "45"}}) {
    try {
      CheckScenario(ParseScenario(SectorMeasure(sector), "t.toml"), world);
      ADD_FAILURE() << sector << " was accepted";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(
          std::string(e.what()),
          fmt::format(
              "t.toml:7:22: sector '{}' is a services sector; tariff measures apply to goods (its "
              "ISIC Rev.3 divisions are {}, all 45 or above) (leave it out of the scope; to shock "
              "trade in services, use a trade-cost shock: [[trade_costs]] with sectors = [\"{}\"])",
              sector, divisions, sector));
    }
  }
}

TEST(SilentAnswersServices, GoodsAndUtilitiesSectorsAreCharged) {
  const Baseline world = LoadBaseline("world");
  for (const char* sector : {"metals", "utilities"}) {
    CompileOptions options;
    options.date = Date{2025, 11, 1};
    const CompiledScenario c =
        CompileScenario(ParseScenario(SectorMeasure(sector), "t.toml"), world, options);
    const std::size_t usa = *world.FindRegion("USA"), can = *world.FindRegion("CAN");
    const std::size_t j = *world.FindSector(sector);
    EXPECT_GT(c.shock.tariff_rates(usa, can, j), world.tariff_rates(usa, can, j)) << sector;
  }
}

TEST_F(SilentAnswersTest, BaselineWithoutIsicDivisionsKeepsItsBehaviourWithANote) {
  Baseline bare = *baseline_;
  for (Sector& sector : bare.sectors) sector.isic_rev3.clear();
  const CompiledScenario c = Compile(SectorMeasure("finance"), "2025-11-01", &bare);
  const std::size_t usa = *bare.FindRegion("USA"), can = *bare.FindRegion("CAN");
  const std::size_t j = *bare.FindSector("finance");
  EXPECT_NEAR(c.shock.tariff_rates(usa, can, j) - bare.tariff_rates(usa, can, j), 0.25, 1e-12);
  const std::string note =
      "m: sector 'finance' of baseline 'synthetic-north-america' carries no ISIC divisions, so "
      "whether it is goods or services cannot be told; it is charged as scoped (tariff measures "
      "apply to goods)";
  EXPECT_NE(std::find(c.trace.notes.begin(), c.trace.notes.end(), note), c.trace.notes.end());
}

}  // namespace
}  // namespace ricardo
