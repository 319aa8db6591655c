// The stacking rules of 2025–2026, each on small product-level cases worked out by hand.
// Product data: the tiny fixture of tariff_fixtures.hpp (values and USMCA shares listed there).
#include "tariffs/stacking.hpp"

#include <gtest/gtest.h>

#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/scenario_rules.hpp"

namespace ricardo {
namespace {

using testing::MakeSyntheticNorthAmerica;
using testing::MakeTinyProductData;

class StackingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(MakeSyntheticNorthAmerica()); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  void SetUp() override { products_ = LoadProductData(MakeTinyProductData("tiny")); }

  CompiledScenario Compile(const std::string& text, const std::string& date) {
    const Scenario s = ParseScenario(text, "test.toml", *products_);
    CompileOptions options;
    options.products = products_;
    options.date = Date::Parse(date);
    return CompileScenario(s, *baseline_, options);
  }

  static double Rate(const CompiledScenario& c, const std::string& hts10) {
    for (const ProductTrace& p : c.trace.products) {
      if (p.hts10 == hts10) return p.rate;
    }
    return 0.0;  // no measure in scope
  }

  static double Added(const CompiledScenario& c, const std::string& sector) {
    const std::size_t usa = *baseline_->FindRegion("USA"), can = *baseline_->FindRegion("CAN");
    const std::size_t j = *baseline_->FindSector(sector);
    return c.shock.tariff_rates(usa, can, j) - baseline_->tariff_rates(usa, can, j);
  }

  static Baseline* baseline_;
  std::shared_ptr<const ProductData> products_;
};

Baseline* StackingTest::baseline_ = nullptr;

const char* kHeader = R"(
name = "t"
[[measures]]
id = "ieepa-canada"
authority = "ieepa"
importer = "USA"
origins = ["CAN"]
scope = { all_goods = true, exclude_lists = ["energy_ca", "us_goods_returned"] }
rate = 0.35
usmca = "excluded"
from = 2025-03-04
to = 2026-02-23

[[measures]]
id = "ieepa-energy"
authority = "ieepa"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["energy_ca"] }
rate = 0.10
usmca = "excluded"
from = 2025-03-04
to = 2026-02-23
)";

// IEEPA is zero for the USMCA-qualifying share: rate × (1 − u). US goods returned pay nothing.
TEST_F(StackingTest, IeepaSparesUsmcaQualifyingGoods) {
  const CompiledScenario c = Compile(kHeader, "2025-11-01");
  EXPECT_NEAR(Rate(c, "0702000000"), 0.35 * 0.5, 1e-12);   // tomatoes, u = 0.50
  EXPECT_NEAR(Rate(c, "2709001000"), 0.10 * 0.75, 1e-12);  // crude oil, energy rate, u = 0.25
  EXPECT_NEAR(Rate(c, "8471500150"), 0.35 * 0.1, 1e-12);   // computers, u = 0.90
  EXPECT_NEAR(Rate(c, "9801001035"), 0.0, 1e-12);          // US goods returned
  // Sector rates are import-weighted means: electrical = copper wire (50, u .2) and computers
  // (150, u .9): (50·0.35·0.8 + 150·0.35·0.1) / 200.
  EXPECT_NEAR(Added(c, "electrical"), (50 * 0.28 + 150 * 0.035) / 200.0, 1e-12);
  EXPECT_NEAR(Added(c, "agriculture"), 0.175, 1e-12);
  EXPECT_NEAR(Added(c, "construction"), 0.0, 0.0);  // no goods, no change
  // All goods: Σ value · rate / Σ value over the eleven lines (values in US$ million).
  const double charged = 100 * 0.175 + 400 * 0.075 + 200 * 0.35 + 300 * 0.35 * 0.4 +
                         100 * 0.35 * 0.6 + 50 * 0.35 * 0.8 + 150 * 0.035 + 500 * 0.35 * 0.2 +
                         200 * 0.35 * 0.3 + 0 + 50 * 0.35 * 0.9;
  ASSERT_EQ(c.trace.pairs.size(), 1u);
  EXPECT_NEAR(c.trace.pairs[0].all_goods_rate, charged / 2100.0, 1e-12);
  EXPECT_NEAR(c.trace.pairs[0].unmapped_value_usd, 50e6, 1e-3);
}

const char* kMetals = R"(
[[measures]]
id = "s232-steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72", "73"], lists = ["steel_deriv"] }
rate = 0.50
content = "steel"
from = 2025-03-12
replaces_on_content = ["@ieepa"]
stacks_with = ["s232-aluminum"]

[[measures]]
id = "s232-aluminum"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["alu_deriv"] }
rate = 0.50
content = "aluminum"
from = 2025-03-12
replaces_on_content = ["@ieepa"]
)";

// From 2025-06-04: 232 on the metal content, IEEPA on the rest of the value; steel and aluminum
// stack with each other; list entries count from their own dates.
TEST_F(StackingTest, MetalsOnTheirContentIeepaOnTheRest) {
  const std::string text = std::string(kHeader) + kMetals;
  const CompiledScenario november = Compile(text, "2025-11-01");
  EXPECT_NEAR(Rate(november, "7208100015"), 0.50, 1e-12);  // all steel: nothing left for IEEPA
  // Valve: steel 0.3, aluminum 0.2, u = 0.4. 0.5·0.3 + 0.5·0.2 + 0.35·(1 − 0.4)·(1 − 0.3 − 0.2).
  EXPECT_NEAR(Rate(november, "8481800000"), 0.15 + 0.10 + 0.35 * 0.6 * 0.5, 1e-12);
  // Before the steel-derivative inclusion of 2025-08-18 the valve is only an aluminum derivative.
  const CompiledScenario july = Compile(text, "2025-07-01");
  EXPECT_NEAR(Rate(july, "8481800000"), 0.10 + 0.35 * 0.6 * 0.8, 1e-12);
}

// EO 14289 until 2025-06-03: a good paying the CA/MX IEEPA duty owes no 232 steel duty, so the
// non-qualifying share pays IEEPA and the USMCA-qualifying share (outside IEEPA) pays 232.
// From 2025-06-04 the priority reverses. Both as dated [[stacking]] rules on one steel measure.
TEST_F(StackingTest, SteelPriorityReversesOnJune4) {
  const std::string text = std::string(kHeader) + R"(
[[measures]]
id = "s232-steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72", "73"] }
rate = 0.50
content = "steel"
from = 2025-03-12

[[stacking]]
measure = "ieepa-canada"
replaces = ["s232-steel"]
to = 2025-06-03
note = "EO 14289"

[[stacking]]
measure = "s232-steel"
replaces_on_content = ["ieepa-canada"]
from = 2025-06-04
note = "Proclamation 10947"
)";
  const CompiledScenario may = Compile(text, "2025-05-01");
  EXPECT_NEAR(Rate(may, "7208100015"), 0.6 * 0.50 + 0.4 * 0.35, 1e-12);  // u = 0.6
  EXPECT_NEAR(Rate(may, "7326908688"), 0.1 * 0.50 + 0.9 * 0.35, 1e-12);  // u = 0.1
  const CompiledScenario june = Compile(text, "2025-06-04");
  EXPECT_NEAR(Rate(june, "7208100015"), 0.50, 1e-12);
  EXPECT_NEAR(Rate(june, "7326908688"), 0.50, 1e-12);
}

// Auto and truck 232 override the rest: no IEEPA, no metals. USMCA vehicles pay on their
// non-US content; USMCA parts pay nothing — and still displace the steel duty.
TEST_F(StackingTest, AutosOverrideEverythingElse) {
  const std::string text = std::string(kHeader) + kMetals + R"(
[[measures]]
id = "s232-autos"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["autos"] }
rate = 0.25
usmca = "non-us-content"
us_content_share = 0.40
replaces = ["@ieepa", "s232-steel", "s232-aluminum"]

[[measures]]
id = "s232-auto-parts"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["auto_parts"] }
rate = 0.25
usmca = "duty-free"
replaces = ["@ieepa", "s232-steel", "s232-aluminum"]

[[measures]]
id = "steel-on-parts"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["auto_parts"] }
rate = 0.50
content = "steel"
replaced_by = ["s232-auto-parts"]
replaces_on_content = ["@ieepa"]
)";
  const CompiledScenario c = Compile(text, "2025-11-01");
  // Car, u = 0.8: 0.25 · (0.2 + 0.8 · (1 − 0.4)).
  EXPECT_NEAR(Rate(c, "8703230140"), 0.25 * (0.2 + 0.8 * 0.6), 1e-12);
  // Part, u = 0.7, steel 0.4: only the parts duty on the non-qualifying share.
  EXPECT_NEAR(Rate(c, "8708295160"), 0.25 * 0.3, 1e-12);
  // Without the parts measure the same part would pay 0.5·0.4 + 0.35·0.3·0.6.
  Scenario s = ParseScenario(text, "test.toml", *products_);
  SetMeasureEnabled(s, "s232-auto-parts", false);
  CompileOptions options;
  options.products = products_;
  options.date = Date::Parse("2025-11-01");
  const CompiledScenario without = CompileScenario(s, *baseline_, options);
  EXPECT_NEAR(Rate(without, "8708295160"), 0.5 * 0.4 + 0.35 * 0.3 * 0.6, 1e-12);
}

// Lumber 232 replaces IEEPA; copper 232 stacks with it.
TEST_F(StackingTest, LumberReplacesIeepaCopperStacks) {
  const std::string text = std::string(kHeader) + R"(
[[measures]]
id = "s232-lumber"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["lumber"] }
rate = 0.10
replaces = ["@ieepa"]

[[measures]]
id = "s232-copper"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["copper"] }
rate = 0.50
content = "copper"
stacks_with = ["@ieepa"]
)";
  const CompiledScenario c = Compile(text, "2025-11-01");
  EXPECT_NEAR(Rate(c, "4407130000"), 0.10, 1e-12);                    // not 0.45
  EXPECT_NEAR(Rate(c, "8544429090"), 0.5 * 0.8 + 0.35 * 0.8, 1e-12);  // u = 0.2, copper 0.8
}

// From 2026-02-24 Section 122 replaces IEEPA: 10%, zero for USMCA-originating goods and the
// annex; applied only to the value 232 does not cover. From 2026-04-06 annex products pay the
// annex rate on the full value and nothing else.
TEST_F(StackingTest, Section122AndTheAprilMetalsRestructure) {
  const std::string text = std::string(kHeader) + R"(
[[measures]]
id = "s122"
authority = "section_122"
importer = "USA"
origins = ["CAN"]
scope = { all_goods = true, exclude_lists = ["s122_exempt", "us_goods_returned"] }
rate = 0.10
usmca = "excluded"
from = 2026-02-24
to = 2026-07-23

[[measures]]
id = "s232-steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72", "73"], lists = ["steel_deriv"] }
rate = 0.50
content = "steel"
from = 2025-06-04
to = 2026-04-05
replaces_on_content = ["@ieepa", "@section_122"]

[[measures]]
id = "annex-1b"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["annex_1b"] }
rate = 0.25
from = 2026-04-06
replaces = ["@section_122"]
)";
  const CompiledScenario before = Compile(text, "2026-02-20");
  EXPECT_NEAR(Rate(before, "0702000000"), 0.35 * 0.5, 1e-12);  // still IEEPA
  const CompiledScenario march = Compile(text, "2026-03-01");
  EXPECT_NEAR(Rate(march, "0702000000"), 0.10 * 0.5, 1e-12);
  EXPECT_NEAR(Rate(march, "2709001000"), 0.0, 1e-12);  // on the annex of exclusions
  EXPECT_NEAR(Rate(march, "8481800000"), 0.5 * 0.3 + 0.10 * 0.6 * 0.7, 1e-12);
  const CompiledScenario april = Compile(text, "2026-04-15");
  EXPECT_NEAR(Rate(april, "8481800000"), 0.25, 1e-12);
  EXPECT_NEAR(Rate(april, "7208100015"), 0.10 * 0.4, 1e-12);  // no annex entry here: only s122
}

// A measure switched off, or a rate edited, changes the result; USMCA share override too.
TEST_F(StackingTest, EditsAndOverrides) {
  Scenario s = ParseScenario(kHeader, "test.toml", *products_);
  SetMeasureRate(s, "ieepa-canada", 0.25);
  CompileOptions options;
  options.products = products_;
  options.date = Date::Parse("2025-11-01");
  EXPECT_NEAR(Rate(CompileScenario(s, *baseline_, options), "0702000000"), 0.25 * 0.5, 1e-12);
  options.usmca_share_override = 0.0;
  EXPECT_NEAR(Rate(CompileScenario(s, *baseline_, options), "0702000000"), 0.25, 1e-12);
  SetMeasureEnabled(s, "ieepa-canada", false);
  SetMeasureEnabled(s, "ieepa-energy", false);
  const CompiledScenario none = CompileScenario(s, *baseline_, options);
  EXPECT_EQ(none.shock.tariff_rates, baseline_->tariff_rates);
  EXPECT_THROW(SetMeasureRate(s, "ieepa-canada", 25.0), ArgumentError);
  EXPECT_THROW(SetMeasureEnabled(s, "ieepa-canda", true), ArgumentError);
}

// One rule table serves every product of a compile and keeps each set of measures' shape
// (presence, displacement, content pairs): products with the same measures but other contents,
// rates and USMCA shares, and sets met again after others, get what a fresh table gives them.
TEST(StackingShapes, AReusedRuleTableGivesEachProductWhatAFreshOneGives) {
  Scenario s;
  for (const char* id : {"steel", "ieepa", "autos"}) {
    Measure m;
    m.id = id;
    s.measures.push_back(m);
  }
  s.measures[1].usmca = UsmcaTreatment::kExcluded;
  s.measures[2].usmca = UsmcaTreatment::kNonUsContent;
  s.measures[2].us_content_share = 0.4;
  std::vector<detail::PairRule> rules(3);
  rules[0] = {StackingKind::kReplacesOnContent, 0, 1};  // steel on its content, IEEPA on the rest
  rules[1] = {StackingKind::kReplaces, 2, 1};           // autos replace IEEPA
  rules[2] = {StackingKind::kStacks, 0, 2};
  const Date date = *Date::Parse("2025-11-01");
  using detail::ActiveMeasure;
  const std::vector<std::vector<ActiveMeasure>> products = {
      {{0, 0.50, 0.30}, {1, 0.35, 1.0, UsmcaTreatment::kExcluded}},
      {{0, 0.25, 0.80}, {1, 0.10, 1.0, UsmcaTreatment::kExcluded}},
      {{0, 0.50, 0.20},
       {1, 0.35, 1.0, UsmcaTreatment::kExcluded},
       {2, 0.25, 1.0, UsmcaTreatment::kNonUsContent, 0.4}},
      {{1, 0.35, 1.0, UsmcaTreatment::kExcluded},
       {2, 0.25, 1.0, UsmcaTreatment::kNonUsContent, 0.4}},
      {{0, 0.45, 0.60}, {1, 0.30, 1.0, UsmcaTreatment::kExcluded}},
  };
  const detail::RuleTable reused(rules, s.measures.size(), date);
  for (double u : {0.0, 0.6, 1.0}) {
    for (std::size_t x = 0; x < products.size(); ++x) {
      const detail::RuleTable fresh(rules, s.measures.size(), date);
      const auto a = detail::StackProduct(products[x], u, reused, s, true);
      const auto b = detail::StackProduct(products[x], u, fresh, s, true);
      EXPECT_EQ(a.rate, b.rate) << "product " << x << ", u " << u;
      ASSERT_EQ(a.hits.size(), b.hits.size());
      for (std::size_t h = 0; h < a.hits.size(); ++h) EXPECT_EQ(a.hits[h].how, b.hits[h].how);
      EXPECT_EQ(a.displaced, b.displaced);
    }
  }
  // Worked by hand, product 0 at u = 0: steel 50% on 30%, IEEPA 35% on the other 70%.
  EXPECT_NEAR(detail::StackProduct(products[0], 0.0, reused, s, false).rate,
              0.50 * 0.30 + 0.35 * 0.70, 1e-15);
  // Product 3 at u = 0.6: autos replace IEEPA on the rest (25%); on the qualifying share IEEPA
  // is absent and autos pay on the 60% non-US content: 0.4 × 0.25 + 0.6 × 0.25 × 0.6.
  EXPECT_NEAR(detail::StackProduct(products[3], 0.6, reused, s, false).rate,
              0.4 * 0.25 + 0.6 * 0.25 * 0.6, 1e-15);
}

}  // namespace
}  // namespace ricardo
