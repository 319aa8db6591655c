// Countries inside a region as origins: on the world baseline Vietnam and Thailand are part of
// ROW, and a measure naming one of them charges only that country's portion of ROW's trade,
// its share of ROW's 2024 US imports (ProductData::countries()). Measures naming disjoint
// countries of a region never meet, so they need no stacking rule; one naming the region and one
// naming a country inside it do. Also: the parser takes region codes with digits ("EU27") as
// origins and still rejects what is no code, with a located message.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

const char* kHeader = R"(name = "origins-test"
baseline = "world"
date = 2025-11-01
)";

// One [[measures]] table: an additional duty on all goods.
std::string Measure(const std::string& id, const std::string& origins, double rate,
                    const std::string& extra = "") {
  return "\n[[measures]]\nid = \"" + id +
         "\"\nauthority = \"ieepa\"\nimporter = \"USA\"\norigins = " + origins +
         "\nscope = { all_goods = true }\nrate = " + std::to_string(rate) + "\n" + extra;
}

class CountryOriginsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(LoadBaseline("world")); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }

  static Scenario Parse(const std::string& measures) {
    return ParseScenario(std::string(kHeader) + measures, "test.toml");
  }
  static CompiledScenario Compile(const Scenario& s) {
    CompileOptions options;
    options.product_trace = false;
    return CompileScenario(s, *baseline_, options);
  }

  // A country's share of ROW's 2024 US imports, from the country table: ROW on world is every
  // country that is neither a region of the baseline nor an EU member (EU27 is a region).
  static double ShareOfRow(const std::set<std::string>& countries) {
    double row = 0.0, named = 0.0;
    for (const ProductData::Country& c : ShippedProductData()->countries()) {
      if (c.eu27 || baseline_->FindRegion(c.iso3)) continue;
      row += c.imports_2024_usd;
      if (countries.count(c.iso3)) named += c.imports_2024_usd;
    }
    return named / row;
  }

  static const PairTrace& Pair(const CompiledScenario& c, const std::string& exporter) {
    for (const PairTrace& p : c.trace.pairs) {
      if (p.importer == "USA" && p.exporter == exporter) return p;
    }
    throw std::runtime_error("no pair USA <- " + exporter);
  }

  // Σ share × portion rate, and Σ share.
  static double PortionMean(const PairTrace& p) {
    double mean = 0.0;
    for (const PairTrace::PortionRate& r : p.portion_rates) mean += r.share * r.all_goods_rate;
    return mean;
  }
  static double ShareSum(const PairTrace& p) {
    double sum = 0.0;
    for (const PairTrace::PortionRate& r : p.portion_rates) sum += r.share;
    return sum;
  }

  static Baseline* baseline_;
};

Baseline* CountryOriginsTest::baseline_ = nullptr;

TEST_F(CountryOriginsTest, VietnamIsPartOfRowOnWorld) {
  const ProductData::Country* vnm = ShippedProductData()->FindCountry("VNM");
  ASSERT_NE(vnm, nullptr);
  EXPECT_FALSE(vnm->eu27);
  EXPECT_FALSE(baseline_->FindRegion("VNM").has_value());
  ASSERT_TRUE(baseline_->FindRegion("ROW").has_value());
  const double share = ShareOfRow({"VNM"});
  EXPECT_GT(share, 0.05);
  EXPECT_LT(share, 0.5);
}

// A measure on Vietnam charges Vietnam's portion of ROW only: ROW's all-goods rate is the
// portion's share × the rate, every ROW goods sector with product weights moves by just that,
// and no other pair moves.
TEST_F(CountryOriginsTest, AMeasureOnACountryChargesOnlyItsPortionOfTheRegion) {
  const CompiledScenario c = Compile(Parse(Measure("vnm-20", "[\"VNM\"]", 0.20)));
  const double share = ShareOfRow({"VNM"});
  ASSERT_EQ(c.trace.pairs.size(), 1u);
  const PairTrace& row = Pair(c, "ROW");
  EXPECT_EQ(row.method, "products");
  ASSERT_EQ(row.portion_rates.size(), 2u);
  EXPECT_EQ(row.portion_rates[0].countries, std::vector<std::string>{"VNM"});
  EXPECT_NEAR(row.portion_rates[0].share, share, 1e-12);
  EXPECT_NEAR(row.portion_rates[0].all_goods_rate, 0.20, 1e-12);
  EXPECT_TRUE(row.portion_rates[1].countries.empty());  // the rest of ROW
  EXPECT_NEAR(row.portion_rates[1].share, 1.0 - share, 1e-12);
  EXPECT_EQ(row.portion_rates[1].all_goods_rate, 0.0);
  EXPECT_NEAR(row.all_goods_rate, share * 0.20, 1e-12);
  ASSERT_EQ(row.portions.size(), 2u);
  EXPECT_EQ(row.portions[0].rfind("VNM (", 0), 0u) << row.portions[0];
  EXPECT_EQ(row.portions[1].rfind("rest of ROW (", 0), 0u) << row.portions[1];

  const std::size_t usa = *baseline_->FindRegion("USA"), row_region = *baseline_->FindRegion("ROW");
  int moved = 0;
  for (std::size_t n = 0; n < baseline_->region_count(); ++n) {
    for (std::size_t i = 0; i < baseline_->region_count(); ++i) {
      for (std::size_t j = 0; j < baseline_->sector_count(); ++j) {
        const double added = c.shock.tariff_rates(n, i, j) - baseline_->tariff_rates(n, i, j);
        if (n == usa && i == row_region && added != 0.0) {
          EXPECT_NEAR(added, share * 0.20, 1e-12) << "sector " << baseline_->sectors[j].code;
          ++moved;
        } else {
          EXPECT_EQ(added, 0.0) << baseline_->regions[n].code << " <- "
                                << baseline_->regions[i].code << " " << baseline_->sectors[j].code;
        }
      }
    }
  }
  EXPECT_GE(moved, 10);  // the goods sectors of USA <- ROW
}

// Vietnam and Thailand are disjoint parts of ROW: their measures never meet on a product, so no
// stacking rule is needed; ROW's rate is the share-weighted mean of three portions.
TEST_F(CountryOriginsTest, MeasuresOnDisjointCountriesOfARegionNeedNoStackingRule) {
  const Scenario s =
      Parse(Measure("vnm-20", "[\"VNM\"]", 0.20) + Measure("tha-30", "[\"THA\"]", 0.30));
  EXPECT_NO_THROW(CheckScenario(s, *baseline_));
  const CompiledScenario c = Compile(s);
  const PairTrace& row = Pair(c, "ROW");
  ASSERT_EQ(row.portion_rates.size(), 3u);
  std::set<std::vector<std::string>> named;
  for (const PairTrace::PortionRate& r : row.portion_rates) {
    named.insert(r.countries);
    const double expected = r.countries == std::vector<std::string>{"VNM"}   ? 0.20
                            : r.countries == std::vector<std::string>{"THA"} ? 0.30
                                                                             : 0.0;
    EXPECT_NEAR(r.all_goods_rate, expected, 1e-12);
  }
  EXPECT_EQ(named, (std::set<std::vector<std::string>>{{"VNM"}, {"THA"}, {}}));
  EXPECT_NEAR(ShareSum(row), 1.0, 1e-12);
  EXPECT_NEAR(row.all_goods_rate, PortionMean(row), 1e-12);
  EXPECT_NEAR(row.all_goods_rate, 0.20 * ShareOfRow({"VNM"}) + 0.30 * ShareOfRow({"THA"}), 1e-12);
}

// One measure naming both countries: one portion, the two countries' shares together.
TEST_F(CountryOriginsTest, TwoCountriesOfOneMeasureAreOnePortion) {
  const CompiledScenario c = Compile(Parse(Measure("sea-20", "[\"VNM\", \"THA\"]", 0.20)));
  const PairTrace& row = Pair(c, "ROW");
  ASSERT_EQ(row.portion_rates.size(), 2u);
  EXPECT_EQ(row.portion_rates[0].countries, (std::vector<std::string>{"THA", "VNM"}));
  EXPECT_NEAR(row.portion_rates[0].share, ShareOfRow({"VNM", "THA"}), 1e-12);
  EXPECT_NEAR(ShareSum(row), 1.0, 1e-12);
  EXPECT_NEAR(row.all_goods_rate, PortionMean(row), 1e-12);
  EXPECT_NEAR(row.all_goods_rate, 0.20 * ShareOfRow({"VNM", "THA"}), 1e-12);
}

// A measure on ROW and one on Vietnam both reach Vietnam's goods: without a rule the scenario
// is rejected at the second measure, naming both; with one they stack on Vietnam's portion.
TEST_F(CountryOriginsTest, ARegionAndACountryInsideItNeedAStackingRule) {
  const Scenario s =
      Parse(Measure("row-10", "[\"ROW\"]", 0.10) + Measure("vnm-20", "[\"VNM\"]", 0.20));
  try {
    CheckScenario(s, *baseline_);
    ADD_FAILURE() << "no error for overlapping measures";
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    // The second [[measures]] table: header (3 lines) + blank + first table (8 lines) + blank.
    EXPECT_EQ(
        what.rfind(
            "test.toml:13:1: measures 'row-10' and 'vnm-20' overlap with no stacking rule between "
            "them (both tax USA imports from ROW of ",
            0),
        0u)
        << what;
    EXPECT_NE(what.find("add replaces, replaced_by, replaces_on_content or stacks_with"),
              std::string::npos)
        << what;
  }
  EXPECT_THROW(Compile(s), ScenarioError);

  const Scenario stacked =
      Parse(Measure("row-10", "[\"ROW\"]", 0.10) +
            Measure("vnm-20", "[\"VNM\"]", 0.20, "stacks_with = [\"row-10\"]\n"));
  const CompiledScenario c = Compile(stacked);
  const PairTrace& row = Pair(c, "ROW");
  ASSERT_EQ(row.portion_rates.size(), 2u);
  EXPECT_EQ(row.portion_rates[0].countries, std::vector<std::string>{"VNM"});
  EXPECT_NEAR(row.portion_rates[0].all_goods_rate, 0.30, 1e-12);
  EXPECT_NEAR(row.portion_rates[1].all_goods_rate, 0.10, 1e-12);
  EXPECT_NEAR(ShareSum(row), 1.0, 1e-12);
  EXPECT_NEAR(row.all_goods_rate, PortionMean(row), 1e-12);
  EXPECT_NEAR(row.all_goods_rate, 0.10 + 0.20 * ShareOfRow({"VNM"}), 1e-12);
}

// Country shares inside a region are known for US imports only.
TEST_F(CountryOriginsTest, ACountryInsideARegionNeedsTheUsAsImporter) {
  std::string text = Measure("can-vnm", "[\"VNM\"]", 0.10);
  text.replace(text.find("importer = \"USA\""), 16, "importer = \"CAN\"");
  const Scenario s = Parse(text);
  try {
    CheckScenario(s, *baseline_);
    ADD_FAILURE() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "test.toml:9:12: origin 'VNM' is a country inside region 'ROW' of baseline 'world', and "
        "country "
        "shares within a region are known only for US imports (name the region 'ROW' instead)");
  }
}

// Region codes with digits are origins; what is no code is rejected where it stands.
TEST_F(CountryOriginsTest, TheParserTakesRegionCodesWithDigits) {
  const Scenario s = Parse(Measure("eu-15", "[\"EU27\"]", 0.15));
  ASSERT_EQ(s.measures.size(), 1u);
  EXPECT_EQ(s.measures[0].origins, std::vector<std::string>{"EU27"});
  const CompiledScenario c = Compile(s);
  const PairTrace& eu = Pair(c, "EU27");
  EXPECT_TRUE(eu.portion_rates.empty());
  EXPECT_NEAR(eu.all_goods_rate, 0.15, 1e-12);

  struct Bad {
    const char* origins;
    const char* message;
  };
  const Bad bad[] = {
      {"[\"eu 27\"]",
       "test.toml:9:12: 'eu 27' is not a country or region code (use a region of the baseline such "
       "as \"CAN\" "
       "or \"EU27\", an ISO3 country code in capitals, or the groups USMCA, ROW, ALL)"},
      {"[\"CAN\", \"\"]",
       "test.toml:9:19: '' is not a country or region code (use a region of the baseline such as "
       "\"CAN\" or "
       "\"EU27\", an ISO3 country code in capitals, or the groups USMCA, ROW, ALL)"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.origins);
    try {
      Parse(Measure("bad", b.origins, 0.1));
      ADD_FAILURE() << "parsed";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(std::string(e.what()), b.message);
      EXPECT_EQ(e.where().file, "test.toml");
      EXPECT_EQ(e.where().line, 9);
    }
  }
}

}  // namespace
}  // namespace ricardo
