// Reference dates (Scenario::reference_date): the shock is each tariff's change from the day the
// baseline's flows already reflect to the compile date.
//
// First the form on its own (ChangeSince on hand-made TariffForms: cancelling terms, the fixed
// part, negative weights, the floor at zero), then compiles on the tiny product data of
// tariff_fixtures.hpp against the synthetic north-america baseline, where every number can be
// worked out by hand: a measure in force on both days adds nothing, one only on the date is
// charged in full, one whose rate rose is charged the rise; the trace shows both days; the file
// format keeps the date; a rate edit on a kept compile equals a fresh compile bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "ricardo/scenario.hpp"
#include "ricardo/tariff_form.hpp"
#include "tariff_fixtures.hpp"

namespace ricardo {
namespace {

using testing::MakeSyntheticNorthAmerica;
using testing::MakeTinyProductData;

bool SameBits(const Array3& a, const Array3& b) {
  return a.dim0() == b.dim0() && a.dim1() == b.dim1() && a.dim2() == b.dim2() &&
         std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

const TariffTerm* FindTerm(const TariffForm& form, std::uint32_t cell, std::uint32_t measure) {
  for (const TariffTerm& t : form.terms()) {
    if (t.cell == cell && t.measure == measure) return &t;
  }
  return nullptr;
}

// ---- ChangeSince on hand-made forms: one importer, one exporter, three sectors, two measures.

// The baseline's tariffs, as ChangeSince receives them.
Array3 HandBaseline() {
  Array3 b(1, 1, 3);
  b.data()[0] = 0.01;
  b.data()[1] = 0.02;
  b.data()[2] = 0.03;
  return b;
}

TEST(ChangeSince, IdenticalFormsLeaveNoTermAndTheBaselineExactly) {
  const Array3 baseline = HandBaseline();
  const std::vector<TariffTerm> terms = {{0, 0, 0.5, 0.0}, {1, 1, 0.3, 0.0}, {2, 0, 1.0, 0.05}};
  const TariffForm on_date(baseline, terms, 2);
  const TariffForm on_reference(baseline, terms, 2);
  const TariffForm change = ChangeSince(on_date, on_reference, baseline);
  EXPECT_TRUE(change.terms().empty()) << change.terms().size() << " terms left";
  EXPECT_TRUE(SameBits(change.fixed(), baseline));
  EXPECT_EQ(change.measure_count(), 2u);
  // Whatever the rates, nothing moves: the measures charged alike on both days.
  for (const std::vector<double>& rates :
       {std::vector<double>{0.0, 0.0}, std::vector<double>{0.7, 2.5}}) {
    EXPECT_TRUE(SameBits(change.Evaluate(rates), baseline));
  }
}

TEST(ChangeSince, FixedPartIsTheDateMinusWhatTheReferenceAddedToTheBaseline) {
  const Array3 baseline = HandBaseline();
  Array3 date_fixed = baseline, reference_fixed = baseline;
  date_fixed.data()[0] += 0.05;       // a rate-from-baseline measure charged only on the date
  reference_fixed.data()[1] += 0.04;  // … and one charged only on the reference date
  const TariffForm change =
      ChangeSince(TariffForm(date_fixed, {}, 1), TariffForm(reference_fixed, {}, 1), baseline);
  for (std::size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(change.fixed().data()[c],
              date_fixed.data()[c] - (reference_fixed.data()[c] - baseline.data()[c]))
        << "cell " << c;
  }
  EXPECT_NEAR(change.fixed().data()[0], 0.06, 1e-15);
  EXPECT_NEAR(change.fixed().data()[1], -0.02,
              1e-15);  // below zero: the floor applies on evaluation
  EXPECT_EQ(change.fixed().data()[2], 0.03);
}

TEST(ChangeSince, TermsAreTheDatesMinusTheReferencesWithNegativeWeights) {
  const Array3 baseline = HandBaseline();
  // Cell 0: measure 0 alike on both days (cancels). Cell 1: measure 1 on 0.3 of the value on
  // the date, on 0.1 on the reference date. Cell 2: measure 0 as an all-in floor above 5% on
  // the date; measure 1 on 0.4 of the value on the reference date only.
  const TariffForm on_date(baseline, {{0, 0, 0.5, 0.0}, {1, 1, 0.3, 0.0}, {2, 0, 1.0, 0.05}}, 2);
  const TariffForm on_reference(baseline, {{0, 0, 0.5, 0.0}, {1, 1, 0.1, 0.0}, {2, 1, 0.4, 0.0}},
                                2);
  const TariffForm change = ChangeSince(on_date, on_reference, baseline);
  EXPECT_FALSE(on_date.floors_at_zero());
  EXPECT_FALSE(on_reference.floors_at_zero());
  EXPECT_TRUE(change.floors_at_zero());

  ASSERT_EQ(change.terms().size(), 3u);
  EXPECT_EQ(FindTerm(change, 0, 0), nullptr) << "a measure charged alike on both days left a term";
  ASSERT_NE(FindTerm(change, 1, 1), nullptr);
  EXPECT_EQ(FindTerm(change, 1, 1)->weight, 0.3 - 0.1);
  EXPECT_EQ(FindTerm(change, 1, 1)->threshold, 0.0);
  ASSERT_NE(FindTerm(change, 2, 0), nullptr);
  EXPECT_EQ(FindTerm(change, 2, 0)->weight, 1.0);
  EXPECT_EQ(FindTerm(change, 2, 0)->threshold, 0.05);
  ASSERT_NE(FindTerm(change, 2, 1), nullptr);
  EXPECT_EQ(FindTerm(change, 2, 1)->weight, -0.4);
  EXPECT_TRUE(SameBits(change.fixed(), baseline));

  // t′ = baseline + Σ weight · max(0, rate − threshold), negative weights included.
  const Array3 t = change.Evaluate(std::vector<double>{0.2, 0.25});
  EXPECT_EQ(t.data()[0], 0.01);
  EXPECT_NEAR(t.data()[1], 0.02 + 0.2 * 0.25, 1e-15);
  EXPECT_NEAR(t.data()[2], 0.03 + 1.0 * (0.2 - 0.05) - 0.4 * 0.25, 1e-15);
  // Measure 0's rate does not reach cell 0 (its terms cancelled), only cell 2.
  const Array3 moved = change.Evaluate(std::vector<double>{0.9, 0.25});
  EXPECT_EQ(moved.data()[0], 0.01);
  EXPECT_EQ(moved.data()[1], t.data()[1]);
  EXPECT_NEAR(moved.data()[2], 0.03 + 1.0 * (0.9 - 0.05) - 0.4 * 0.25, 1e-15);
}

// A rate edit that takes a cell below zero (the reference date charged more than the date does
// at the edited rate) gives exactly 0, not a negative tariff; a form that is not a change since
// a reference date is not floored.
TEST(ChangeSince, CellsAreFlooredAtExactlyZero) {
  const Array3 baseline = HandBaseline();
  const TariffForm on_date(baseline, {{1, 1, 0.3, 0.0}, {2, 0, 1.0, 0.05}}, 2);
  const TariffForm on_reference(baseline, {{1, 1, 0.5, 0.0}, {2, 1, 0.4, 0.0}}, 2);
  const TariffForm change = ChangeSince(on_date, on_reference, baseline);
  // Cell 1: 0.02 + (0.3 − 0.5) · 0.5 = −0.08; cell 2: 0.03 + max(0, 0.04 − 0.05) − 0.4 · 0.5 =
  // −0.17.
  const Array3 t = change.Evaluate(std::vector<double>{0.04, 0.5});
  EXPECT_EQ(t.data()[0], 0.01);
  EXPECT_EQ(t.data()[1], 0.0);
  EXPECT_EQ(t.data()[2], 0.0);
  EXPECT_FALSE(std::signbit(t.data()[1]));
  // Just above the edge the cell is charged again: 0.02 − 0.2 · 0.09 = 0.002.
  EXPECT_NEAR(change.Evaluate(std::vector<double>{0.04, 0.09}).data()[1], 0.002, 1e-15);

  const TariffForm plain(baseline, {{1, 1, -0.5, 0.0}}, 2);
  EXPECT_FALSE(plain.floors_at_zero());
  EXPECT_NEAR(plain.Evaluate(std::vector<double>{0.0, 0.5}).data()[1], 0.02 - 0.25, 1e-15);
}

TEST(ChangeSince, RejectsFormsOfDifferentShapes) {
  const Array3 baseline = HandBaseline();
  const TariffForm three(baseline, {}, 2);
  EXPECT_THROW(ChangeSince(three, TariffForm(Array3(1, 1, 2), {}, 2), baseline), ArgumentError);
  EXPECT_THROW(ChangeSince(three, TariffForm(baseline, {}, 3), baseline), ArgumentError);
  EXPECT_THROW(ChangeSince(three, three, Array3(1, 1, 4)), ArgumentError);
}

// ---- Compiles on the tiny product data (US imports from Canada, 2025-10 to 2025-12).
//
// Lines and sectors used (values summed over the three months, US$):
//   metals      7208100015 300e6 + 7326908688 50e6      steel-old (25%) on 7208, both days
//   wood        4407130000 200e6                         lumber-new (10%), the date only
//   electrical  8544429090  50e6 + 8471500150 150e6      copper 10% until 2025-07-31, 50% after
//   machinery   8481800000 100e6 (steel content 0.3)     steel_deriv list from 2025-08-18
// Every line, all 11: 2100e6.
const char* kScenario = R"(
name = "reference-test"
date = 2025-12-01
reference_date = 2024-12-31

[[measures]]
id = "steel-old"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["7208"] }
rate = 0.25
from = 2018-06-01

[[measures]]
id = "lumber-new"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["4407"] }
rate = 0.10
from = 2025-10-14

[[measures]]
id = "copper-2024"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["8544"] }
rate = 0.10
from = 2024-01-01
to = 2025-07-31

[[measures]]
id = "copper-2025"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["8544"] }
rate = 0.50
from = 2025-08-01

[[measures]]
id = "steel-derivatives"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["steel_deriv"] }
rate = 0.50
content = "steel"
from = 2018-06-01
)";

// Only measures in force on both days, with the same coverage on both.
const char* kBothDays = R"(
name = "reference-both-days"
date = 2025-12-01
reference_date = 2024-12-31

[[measures]]
id = "steel-old"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["7208", "7326"] }
rate = 0.25
from = 2018-06-01

[[measures]]
id = "cars-old"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["autos"] }
rate = 0.25
from = 2019-01-01
)";

class ReferenceDateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    baseline_ = new Baseline(MakeSyntheticNorthAmerica(false));
    // Non-zero US tariffs on Canadian goods (the synthetic baseline has none), so that "equals
    // the baseline" is not "equals zero": 0.5% in every goods sector.
    const std::size_t usa = *baseline_->FindRegion("USA"), can = *baseline_->FindRegion("CAN");
    for (std::size_t j = 0; j < baseline_->sector_count(); ++j) {
      if (wiod::kIndustries[j].goods) baseline_->tariff_rates(usa, can, j) = 0.005;
    }
  }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  // Per test: the directory is named after the test, so that tests run in parallel processes
  // (ctest -j) never share one.
  void SetUp() override { products_ = LoadProductData(MakeTinyProductData("reference-date")); }

  Scenario Parse(const std::string& text) const {
    return ParseScenario(text, "test.toml", *products_);
  }

  CompiledScenario Compile(const Scenario& s) const {
    CompileOptions options;
    options.products = products_;
    return CompileScenario(s, *baseline_, options);
  }

  static std::size_t Sector(const std::string& code) { return *baseline_->FindSector(code); }
  static double Base(const std::string& sector) {
    return baseline_->tariff_rates(Usa(), Can(), Sector(sector));
  }
  static double Shocked(const CompiledScenario& c, const std::string& sector) {
    return c.shock.tariff_rates(Usa(), Can(), Sector(sector));
  }
  static std::size_t Usa() { return *baseline_->FindRegion("USA"); }
  static std::size_t Can() { return *baseline_->FindRegion("CAN"); }

  static const SectorTrace* FindSectorTrace(const CompiledScenario& c, const std::string& sector) {
    for (const SectorTrace& s : c.trace.sectors) {
      if (s.importer == "USA" && s.exporter == "CAN" && s.sector == sector) return &s;
    }
    return nullptr;
  }
  static const PairTrace* FindPair(const CompiledScenario& c) {
    for (const PairTrace& p : c.trace.pairs) {
      if (p.importer == "USA" && p.exporter == "CAN") return &p;
    }
    return nullptr;
  }

  static Baseline* baseline_;
  std::shared_ptr<const ProductData> products_;
};

Baseline* ReferenceDateTest::baseline_ = nullptr;

// Measures in force on both days with the same coverage cancel exactly: the shock is the
// baseline's tariffs, bit for bit, whatever their rates; without the reference date the same
// measures are charged in full.
TEST_F(ReferenceDateTest, MeasuresInForceOnBothDaysCancelExactly) {
  const Scenario s = Parse(kBothDays);
  const CompiledScenario c = Compile(s);
  EXPECT_TRUE(c.tariffs.terms().empty()) << c.tariffs.terms().size() << " terms left";
  EXPECT_TRUE(c.tariffs.floors_at_zero());
  EXPECT_TRUE(SameBits(c.shock.tariff_rates, baseline_->tariff_rates));
  CompiledScenario edited = c;
  edited.SetRates({0.9, 1.5});
  EXPECT_TRUE(SameBits(edited.shock.tariff_rates, baseline_->tariff_rates));

  Scenario no_reference = s;
  no_reference.reference_date.reset();
  const CompiledScenario charged = Compile(no_reference);
  EXPECT_FALSE(charged.tariffs.floors_at_zero());
  EXPECT_NEAR(Shocked(charged, "metals"), Base("metals") + 0.25,
              1e-12);  // 7208 and 7326: all of metals
  EXPECT_GT(Shocked(charged, "transport_equipment"), Base("transport_equipment"));
  EXPECT_FALSE(charged.trace.reference_date.has_value());
  EXPECT_TRUE(charged.trace.measures_in_force_on_reference.empty());
}

TEST_F(ReferenceDateTest, TheShockIsEachTariffsChangeSinceTheReferenceDate) {
  const CompiledScenario c = Compile(Parse(kScenario));
  // steel-old: in force on both days on the same lines.
  EXPECT_EQ(Shocked(c, "metals"), Base("metals"));
  // lumber-new: only on the date, charged in full on the sector's one line.
  EXPECT_NEAR(Shocked(c, "wood"), Base("wood") + 0.10, 1e-12);
  // Copper: 10% on the reference date, 50% on the date, on 50e6 of the sector's 200e6.
  EXPECT_NEAR(Shocked(c, "electrical"), Base("electrical") + (0.50 - 0.10) * 50.0 / 200.0, 1e-12);
  // steel-derivatives: in force on both days, but its list reaches 8481 only from 2025-08-18:
  // the coverage changed, so it is charged on the date (50% on the steel content 0.3).
  EXPECT_NEAR(Shocked(c, "machinery"), Base("machinery") + 0.50 * 0.3, 1e-12);
  // Nothing else moves.
  const std::size_t usa = Usa(), can = Can();
  for (std::size_t n = 0; n < baseline_->region_count(); ++n) {
    for (std::size_t i = 0; i < baseline_->region_count(); ++i) {
      for (std::size_t j = 0; j < baseline_->sector_count(); ++j) {
        const std::string& code = baseline_->sectors[j].code;
        if (n == usa && i == can && (code == "wood" || code == "electrical" || code == "machinery"))
          continue;
        EXPECT_EQ(c.shock.tariff_rates(n, i, j), baseline_->tariff_rates(n, i, j))
            << baseline_->regions[n].code << " <- " << baseline_->regions[i].code << " " << code;
      }
    }
  }
}

TEST_F(ReferenceDateTest, TheTraceShowsBothDays) {
  const CompiledScenario c = Compile(Parse(kScenario));
  ASSERT_TRUE(c.trace.reference_date.has_value());
  EXPECT_EQ(*c.trace.reference_date, (Date{2024, 12, 31}));
  EXPECT_EQ(c.trace.date, (Date{2025, 12, 1}));
  EXPECT_EQ(
      c.trace.measures_in_force,
      (std::vector<std::string>{"steel-old", "lumber-new", "copper-2025", "steel-derivatives"}));
  EXPECT_EQ(c.trace.measures_in_force_on_reference,
            (std::vector<std::string>{"steel-old", "copper-2024", "steel-derivatives"}));

  const SectorTrace* metals = FindSectorTrace(c, "metals");
  ASSERT_NE(metals, nullptr);
  EXPECT_EQ(metals->added_rate, 0.0);
  EXPECT_NEAR(metals->reference_rate, 0.25 * 300.0 / 350.0, 1e-12);
  EXPECT_EQ(metals->counterfactual_rate, Base("metals"));

  const SectorTrace* wood = FindSectorTrace(c, "wood");
  ASSERT_NE(wood, nullptr);
  EXPECT_NEAR(wood->added_rate, 0.10, 1e-12);
  EXPECT_EQ(wood->reference_rate, 0.0);

  // added + reference is what the measures charge on the date.
  const SectorTrace* electrical = FindSectorTrace(c, "electrical");
  ASSERT_NE(electrical, nullptr);
  EXPECT_NEAR(electrical->reference_rate, 0.10 * 0.25, 1e-12);
  EXPECT_NEAR(electrical->added_rate, 0.40 * 0.25, 1e-12);
  EXPECT_NEAR(electrical->added_rate + electrical->reference_rate, 0.50 * 0.25, 1e-12);
  EXPECT_EQ(electrical->counterfactual_rate, Shocked(c, "electrical"));
  EXPECT_EQ(electrical->baseline_rate, Base("electrical"));

  const SectorTrace* machinery = FindSectorTrace(c, "machinery");
  ASSERT_NE(machinery, nullptr);
  EXPECT_EQ(machinery->reference_rate, 0.0);
  EXPECT_NEAR(machinery->added_rate, 0.15, 1e-12);

  // The pair's all-goods rates are levels on each day (what trackers publish), over all 11 lines.
  const PairTrace* pair = FindPair(c);
  ASSERT_NE(pair, nullptr);
  EXPECT_EQ(pair->method, "products");
  EXPECT_NEAR(pair->value_usd, 2100e6, 1e-3);
  EXPECT_NEAR(pair->all_goods_rate,
              (0.25 * 300e6 + 0.10 * 200e6 + 0.50 * 50e6 + 0.50 * 0.3 * 100e6) / 2100e6, 1e-12);
  EXPECT_NEAR(pair->reference_all_goods_rate, (0.25 * 300e6 + 0.10 * 50e6) / 2100e6, 1e-12);
}

// A measure in force on the reference date only (expired since) lowers the tariff by what it
// charged then; the trace has no sector line for the cell and says so in a note.
TEST_F(ReferenceDateTest, AMeasureOnlyOnTheReferenceDateLowersTheTariff) {
  const std::string text = std::string(kBothDays) + R"(
[[measures]]
id = "lumber-2024"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["4407"] }
rate = 0.004
from = 2024-01-01
to = 2025-03-31
)";
  const CompiledScenario c = Compile(Parse(text));
  EXPECT_NEAR(Shocked(c, "wood"), Base("wood") - 0.004, 1e-12);
  EXPECT_GT(Shocked(c, "wood"), 0.0);
  EXPECT_EQ(FindSectorTrace(c, "wood"), nullptr);
  EXPECT_EQ(c.trace.measures_in_force_on_reference,
            (std::vector<std::string>{"steel-old", "cars-old", "lumber-2024"}));
  const std::string note =
      "1 importer-exporter-sector cell(s) were charged on the reference date by measures no longer "
      "in force; "
      "their tariffs fall by what those measures charged (no sector line below)";
  EXPECT_NE(std::find(c.trace.notes.begin(), c.trace.notes.end(), note), c.trace.notes.end());
  // At a rate above the baseline's tariff the cell floors at exactly 0.
  CompiledScenario higher = c;
  higher.SetRates({0.25, 0.25, 0.05});
  EXPECT_EQ(Shocked(higher, "wood"), 0.0);
}

TEST_F(ReferenceDateTest, WithoutAReferenceDateTheTraceHasNone) {
  Scenario s = Parse(kScenario);
  s.reference_date.reset();
  const CompiledScenario c = Compile(s);
  EXPECT_FALSE(c.trace.reference_date.has_value());
  EXPECT_TRUE(c.trace.measures_in_force_on_reference.empty());
  const SectorTrace* electrical = FindSectorTrace(c, "electrical");
  ASSERT_NE(electrical, nullptr);
  EXPECT_EQ(electrical->reference_rate, 0.0);
  EXPECT_NEAR(electrical->added_rate, 0.50 * 0.25, 1e-12);
  ASSERT_NE(FindPair(c), nullptr);
  EXPECT_EQ(FindPair(c)->reference_all_goods_rate, 0.0);
  EXPECT_NEAR(Shocked(c, "metals"), Base("metals") + 0.25 * 300.0 / 350.0, 1e-12);
}

// A pair without product weights (USA <- ROW: the tiny data has none) is compiled in sector
// mode. Its all-goods rate is still the level on the date, the same as without a reference
// date; the reference date's level is beside it; the baseline-weighted rate is the change.
TEST_F(ReferenceDateTest, SectorModePairsReportLevelsOnBothDays) {
  const char* text = R"(
name = "reference-sector-mode"
date = 2025-12-01
reference_date = 2024-12-31

[[measures]]
id = "row-metals"
authority = "section_232"
importer = "USA"
origins = ["ROW"]
scope = { sectors = ["metals"] }
rate = 0.25
from = 2018-06-01

[[measures]]
id = "row-wood"
authority = "section_232"
importer = "USA"
origins = ["ROW"]
scope = { sectors = ["wood"] }
rate = 0.10
from = 2025-06-01
)";
  const Scenario s = Parse(text);
  Scenario no_reference = s;
  no_reference.reference_date.reset();
  const CompiledScenario c = Compile(s), levels = Compile(no_reference);
  ASSERT_EQ(c.trace.pairs.size(), 1u);
  ASSERT_EQ(levels.trace.pairs.size(), 1u);
  const PairTrace& p = c.trace.pairs[0];
  const PairTrace& q = levels.trace.pairs[0];
  ASSERT_EQ(p.exporter, "ROW");
  EXPECT_EQ(p.method, "sector");
  // Goods flows of USA <- ROW by sector: the rates weighted by them, by hand.
  const std::size_t usa = Usa(), row = *baseline_->FindRegion("ROW");
  double goods = 0.0;
  for (std::size_t j = 0; j < baseline_->sector_count(); ++j) {
    if (wiod::kIndustries[j].goods) goods += baseline_->trade_flows(usa, row, j);
  }
  const double metals = baseline_->trade_flows(usa, row, Sector("metals")) / goods;
  const double wood = baseline_->trade_flows(usa, row, Sector("wood")) / goods;
  EXPECT_NEAR(q.all_goods_rate, 0.25 * metals + 0.10 * wood, 1e-12);
  EXPECT_NEAR(p.all_goods_rate, q.all_goods_rate, 1e-12);
  EXPECT_NEAR(p.reference_all_goods_rate, 0.25 * metals, 1e-12);
  EXPECT_NEAR(p.baseline_weighted_rate, 0.10 * wood, 1e-12);
  EXPECT_EQ(q.reference_all_goods_rate, 0.0);
  EXPECT_EQ(c.shock.tariff_rates(usa, row, Sector("metals")),
            baseline_->tariff_rates(usa, row, Sector("metals")));
}

TEST_F(ReferenceDateTest, TheFileFormatKeepsTheReferenceDate) {
  const Scenario s = Parse(kScenario);
  ASSERT_TRUE(s.reference_date.has_value());
  EXPECT_EQ(*s.reference_date, (Date{2024, 12, 31}));
  const std::string toml = ScenarioToToml(s);
  EXPECT_NE(toml.find("reference_date = 2024-12-31"), std::string::npos) << toml;
  const Scenario reread = ParseScenario(toml, "reread.toml", *products_);
  EXPECT_EQ(reread.reference_date, s.reference_date);
  EXPECT_TRUE(reread == s);
  // JSON checks list names against the shipped product data, which lacks the tiny steel_deriv.
  Scenario shipped_lists = s;
  shipped_lists.measures.pop_back();
  const Scenario from_json = ScenarioFromJson(ScenarioToJson(shipped_lists), "json");
  EXPECT_EQ(from_json.reference_date, s.reference_date);
  EXPECT_TRUE(from_json == shipped_lists);

  // A scenario without one reads back without one (and differs from the one with it).
  Scenario none = s;
  none.reference_date.reset();
  EXPECT_FALSE(none == s);
  const std::string none_toml = ScenarioToToml(none);
  EXPECT_EQ(none_toml.find("reference_date"), std::string::npos);
  EXPECT_FALSE(ParseScenario(none_toml, "none.toml", *products_).reference_date.has_value());
}

// A rate edit on a kept compile equals a fresh compile of the edited file, bit for bit; among
// the edits, one that lowers copper below its reference-date rate (the cell floors at 0: the
// baseline's 0.5% + 25% × (5% − 10%) < 0) and one of a measure that cancels (nothing moves).
TEST_F(ReferenceDateTest, ARateEditEqualsAFreshCompileBitForBit) {
  const Scenario s = Parse(kScenario);
  const CompiledScenario kept = Compile(s);
  const std::vector<std::vector<double>> edits = {
      {0.25, 0.10, 0.10, 0.05, 0.50},  // copper-2025 below copper-2024: electrical floors at 0
      {0.75, 0.10, 0.10, 0.50, 0.50},  // steel-old on both days: nothing moves
      {0.25, 0.375, 0.2, 0.625, 0.0},  // every kind at once
      {0.0, 0.0, 0.0, 0.0, 0.0},
  };
  for (std::size_t e = 0; e < edits.size(); ++e) {
    SCOPED_TRACE(e);
    Scenario edited = s;
    for (std::size_t k = 0; k < edits[e].size(); ++k)
      SetMeasureRate(edited, edited.measures[k].id, edits[e][k]);
    // Read under the original's file name: the warnings name the file.
    const Scenario reread = ParseScenario(ScenarioToToml(edited), "test.toml", *products_);
    ASSERT_EQ(MeasureRates(reread), edits[e]);
    const CompiledScenario fresh = Compile(reread);
    EXPECT_TRUE(fresh.tariffs == kept.tariffs) << "the form depends on the rates";
    CompiledScenario moved = kept;
    moved.SetRates(edits[e]);
    EXPECT_EQ(moved.rates, edits[e]);
    EXPECT_TRUE(SameBits(moved.shock.tariff_rates, fresh.shock.tariff_rates));
    EXPECT_TRUE(moved.shock.tariff_rates == fresh.shock.tariff_rates);
    // The same warnings and notes: rates of zero make the shock zero, and say so.
    EXPECT_EQ(moved.trace.warnings, fresh.trace.warnings);
    EXPECT_EQ(moved.metadata.warnings, fresh.metadata.warnings);
    EXPECT_EQ(moved.metadata.notes, fresh.metadata.notes);
    CompiledScenario back = moved;
    back.SetRates(MeasureRates(s));
    EXPECT_EQ(back.metadata.warnings, kept.metadata.warnings);
    EXPECT_EQ(back.metadata.notes, kept.metadata.notes);
  }
  // The edit to zero is the one that warns (a check that the loop above compares something).
  CompiledScenario zero = kept;
  zero.SetRates(edits[3]);
  ASSERT_EQ(zero.metadata.warnings.size(), kept.metadata.warnings.size() + 1);
  EXPECT_EQ(zero.metadata.warnings.back(),
            "the measures of 'test.toml' in force on " + kept.metadata.scenario_date +
                " charge nothing on the baseline's trade beyond what they charged on the "
                "reference date; the shock is zero");
  CompiledScenario lowered = kept;
  lowered.SetRates(edits[0]);
  EXPECT_EQ(Shocked(lowered, "electrical"), 0.0);
  EXPECT_EQ(Shocked(lowered, "metals"), Base("metals"));
  CompiledScenario steel = kept;
  steel.SetRates(edits[1]);
  EXPECT_TRUE(SameBits(steel.shock.tariff_rates, kept.shock.tariff_rates));
}

}  // namespace
}  // namespace ricardo
