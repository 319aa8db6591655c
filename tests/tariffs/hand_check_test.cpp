// A hand check of `ricardo scenario explain scenarios/us-tariffs-2025-11.toml`: for five HTS10
// lines of the shipped data, the stacked rate is recomputed here from the documented rules
// (MEASURES.md, stacking table) and the raw data files — the monthly US import file read with
// zlib, the metal-content and list files read line by line — without the library's product
// data or stacking engine; then the all-goods trade-weighted rate for Canada and for Mexico is
// recomputed as Σ value · rate / Σ value over every imported line. The numbers are in
// docs/scenarios.md ("What the default scenario comes to").
#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ProjectDirectory;

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) out.push_back(field);
  return out;
}

struct RawImports {
  double value = 0.0, usmca = 0.0;
  double UsmcaShare() const { return value > 0.0 ? usmca / value : 0.0; }
};

// US imports by HTS10 from one partner, summed over the months given ("2025-09", …), read
// straight from the gzip file.
std::map<std::string, RawImports> ReadImports(const std::string& partner,
                                              const std::vector<std::string>& months) {
  const auto file = ProjectDirectory() / "data/tariffs/us_imports_can_mex_monthly.csv.gz";
  gzFile gz = gzopen(file.string().c_str(), "rb");
  EXPECT_NE(gz, nullptr);
  std::map<std::string, RawImports> out;
  if (!gz) return out;
  char buffer[512];
  bool header = true;
  while (gzgets(gz, buffer, sizeof buffer)) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (header) {
      EXPECT_EQ(line, "hts10,partner,month,value_usd,usmca_value_usd");
      header = false;
      continue;
    }
    const auto f = Split(line);
    if (f.size() != 5 || f[1] != partner) continue;
    bool wanted = false;
    for (const std::string& m : months) wanted = wanted || f[2] == m;
    if (!wanted) continue;
    RawImports& r = out[f[0]];
    r.value += std::stod(f[3]);
    r.usmca += std::min(std::stod(f[4]), std::stod(f[3]));
  }
  gzclose(gz);
  return out;
}

struct Content {
  double steel = NAN, aluminum = NAN, copper = NAN;
};

// The metal-content row of an HTS10 line (rows are keyed by HTS10 or a shorter prefix).
Content ReadContent(const std::string& hts10) {
  std::ifstream in(ProjectDirectory() / "data/tariffs/metal_content.csv");
  std::string line;
  Content out;
  std::size_t best = 0;
  while (std::getline(in, line)) {
    const auto f = Split(line);
    if (f.size() != 4 || f[0] == "hts10") continue;
    if (hts10.rfind(f[0], 0) == 0 && f[0].size() > best) {
      best = f[0].size();
      out = {std::stod(f[1]), std::stod(f[2]), std::stod(f[3])};
    }
  }
  return out;
}

// Whether an HTS10 line belongs to a named list on a day (yyyy-mm-dd compares as text).
bool InList(const std::string& list, const std::string& hts10, const std::string& day) {
  std::ifstream in(ProjectDirectory() / "data/tariffs/product_lists.csv");
  std::string line;
  while (std::getline(in, line)) {
    const auto f = Split(line);
    if (f.size() < 2 || f[0] != list) continue;
    const std::string from = f.size() > 2 ? f[2] : "";
    if (hts10.rfind(f[1], 0) == 0 && (from.empty() || from <= day)) return true;
  }
  return false;
}

class HandCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Baseline baseline = LoadBaseline("world");
    compiled_ = new CompiledScenario(CompileScenario(
        LoadScenario(ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml"), baseline));
    can_ = new std::map<std::string, RawImports>(ReadImports("CAN", kMonths));
    mex_ = new std::map<std::string, RawImports>(ReadImports("MEX", kMonths));
  }
  static void TearDownTestSuite() {
    delete compiled_;
    delete can_;
    delete mex_;
  }

  static const ProductTrace* Trace(const std::string& exporter, const std::string& hts10) {
    for (const ProductTrace& p : compiled_->trace.products) {
      if (p.exporter == exporter && p.hts10 == hts10) return &p;
    }
    return nullptr;
  }
  static const PairTrace& Pair(const std::string& exporter) {
    for (const PairTrace& p : compiled_->trace.pairs) {
      if (p.exporter == exporter) return p;
    }
    throw std::runtime_error("no pair");
  }

  // Rolling three months to the compile date 2025-11-01 (the scenario's [usmca] method).
  static inline const std::vector<std::string> kMonths = {"2025-09", "2025-10", "2025-11"};
  static inline const std::string kDay = "2025-11-01";
  static CompiledScenario* compiled_;
  static std::map<std::string, RawImports>* can_;
  static std::map<std::string, RawImports>* mex_;
};

CompiledScenario* HandCheckTest::compiled_ = nullptr;
std::map<std::string, RawImports>* HandCheckTest::can_ = nullptr;
std::map<std::string, RawImports>* HandCheckTest::mex_ = nullptr;

TEST_F(HandCheckTest, TheCompileUsesTheThreeMonthsBeforeTheDate) {
  EXPECT_EQ(compiled_->trace.months, kMonths);
  EXPECT_EQ(compiled_->trace.usmca_method, "rolling-3-month");
}

// A Canadian passenger car (8703.23.01.40): auto 232 replaces everything else (EO 14289); 25% on
// the non-qualifying value, 25% on the non-US content (60%) of USMCA vehicles.
TEST_F(HandCheckTest, CanadianCarPaysAuto232Only) {
  const std::string hts = "8703230140";
  ASSERT_TRUE(InList("s232_autos", hts, kDay));
  ASSERT_FALSE(InList("s232_steel_derivatives", hts, kDay));
  const RawImports raw = can_->at(hts);
  const double u = raw.UsmcaShare();
  const double expected = 0.25 * (1.0 - u) + 0.25 * (1.0 - 0.40) * u;
  const ProductTrace* t = Trace("CAN", hts);
  ASSERT_NE(t, nullptr);
  EXPECT_NEAR(t->value_usd, raw.value, 1e-6 * raw.value);
  EXPECT_NEAR(t->usmca_share, u, 1e-12);
  EXPECT_NEAR(t->rate, expected, 1e-12);
  ASSERT_EQ(t->hits.size(), 1u);
  EXPECT_EQ(t->hits[0].measure, "s232-autos");
  ASSERT_EQ(t->displaced.size(), 1u);
  EXPECT_EQ(t->displaced[0], "ieepa-canada (replaced by s232-autos)");
}

// Canadian softwood lumber (4407.13.00.00): the 10% lumber 232 replaces IEEPA, USMCA or not.
TEST_F(HandCheckTest, CanadianLumberPaysTenPercent) {
  const std::string hts = "4407130000";
  ASSERT_TRUE(InList("s232_softwood_lumber", hts, kDay));
  const ProductTrace* t = Trace("CAN", hts);
  ASSERT_NE(t, nullptr);
  EXPECT_NEAR(t->usmca_share, can_->at(hts).UsmcaShare(), 1e-12);
  EXPECT_NEAR(t->rate, 0.10, 1e-12);
}

// A Canadian transformer part (8504.90.96.42), a steel and an aluminum derivative: 50% on the
// steel content plus 50% on the aluminum content (they stack), and from 2025-06-04 the 35% IEEPA
// duty on the rest of the value, only on the share not claiming USMCA.
TEST_F(HandCheckTest, CanadianMetalDerivativePaysOnContentAndIeepaOnTheRest) {
  const std::string hts = "8504909642";
  ASSERT_TRUE(InList("s232_steel_derivatives", hts, kDay));
  ASSERT_TRUE(InList("s232_aluminum_derivatives", hts, kDay));
  ASSERT_FALSE(InList("s232_auto_parts", hts, kDay));
  ASSERT_FALSE(InList("s232_mhdv_parts", hts, kDay));
  const Content c = ReadContent(hts);
  ASSERT_FALSE(std::isnan(c.steel));
  const double u = can_->at(hts).UsmcaShare();
  const double expected =
      0.50 * c.steel + 0.50 * c.aluminum + 0.35 * (1.0 - u) * (1.0 - c.steel - c.aluminum);
  const ProductTrace* t = Trace("CAN", hts);
  ASSERT_NE(t, nullptr);
  EXPECT_NEAR(t->rate, expected, 1e-12);
  EXPECT_EQ(t->hits.size(), 3u);
}

// Mexican insulated copper wire (8544.42.90.90): copper 232 on the copper content stacks with the
// 25% IEEPA duty (CBP FAQ), which falls on the value left after the aluminum content, only on
// the non-USMCA share; aluminum 232 on its content.
TEST_F(HandCheckTest, MexicanCopperWireStacksCopperWithIeepa) {
  const std::string hts = "8544429090";
  ASSERT_TRUE(InList("s232_copper", hts, kDay));
  ASSERT_TRUE(InList("s232_aluminum_derivatives", hts, kDay));
  ASSERT_FALSE(InList("s232_steel_derivatives", hts, kDay));
  const Content c = ReadContent(hts);
  const double u = mex_->at(hts).UsmcaShare();
  const double expected =
      0.50 * c.copper + 0.50 * c.aluminum + 0.25 * (1.0 - u) * (1.0 - c.aluminum);
  const ProductTrace* t = Trace("MEX", hts);
  ASSERT_NE(t, nullptr);
  EXPECT_NEAR(t->rate, expected, 1e-12);
}

// Mexican tomatoes (0702.00.20.xx, the largest line): the 17.09% anti-dumping duty, additive to
// the 25% IEEPA duty on the non-USMCA share.
TEST_F(HandCheckTest, MexicanTomatoesPayAntiDumpingPlusIeepa) {
  std::string hts;
  double largest = 0.0;
  for (const auto& [code, raw] : *mex_) {
    if (code.rfind("0702", 0) == 0 && raw.value > largest) hts = code, largest = raw.value;
  }
  ASSERT_FALSE(hts.empty());
  const double u = mex_->at(hts).UsmcaShare();
  const ProductTrace* t = Trace("MEX", hts);
  ASSERT_NE(t, nullptr);
  EXPECT_NEAR(t->rate, 0.1709 + 0.25 * (1.0 - u), 1e-12);
}

// The all-goods rate: Σ value · rate / Σ value over every line imported in the three months
// (lines with no measure in scope, such as US goods returned, count at zero), from the raw file.
TEST_F(HandCheckTest, AllGoodsRatesRecomputedFromTheRawImports) {
  for (const auto& [exporter, raw] : {std::pair{"CAN", can_}, std::pair{"MEX", mex_}}) {
    SCOPED_TRACE(exporter);
    double value = 0.0, charged = 0.0;
    std::size_t with_rate = 0;
    for (const auto& [code, r] : *raw) {
      if (r.value <= 0.0) continue;
      value += r.value;
      if (const ProductTrace* t = Trace(exporter, code)) {
        charged += r.value * t->rate;
        ++with_rate;
      }
    }
    const PairTrace& pair = Pair(exporter);
    EXPECT_NEAR(pair.value_usd, value, 1e-9 * value);
    EXPECT_NEAR(pair.all_goods_rate, charged / value, 1e-9);
    EXPECT_GT(with_rate, raw->size() / 2);
    // Every traced product was imported in those months.
    std::size_t traced = 0;
    for (const ProductTrace& t : compiled_->trace.products) traced += t.exporter == exporter;
    EXPECT_EQ(traced, with_rate);
  }
  // The rates reported in docs/scenarios.md (to 0.01 pp): 5.56% for Canada, 5.78% for Mexico.
  EXPECT_NEAR(Pair("CAN").all_goods_rate, 0.0556, 0.00005);
  EXPECT_NEAR(Pair("MEX").all_goods_rate, 0.0578, 0.00005);
}

// Why the all-goods rates are far below the headline 35% / 25%: nearly nine in ten dollars
// claim USMCA and are outside IEEPA. The trade-weighted USMCA share of the three months.
TEST_F(HandCheckTest, UsmcaUtilisationExplainsTheGap) {
  for (const auto& [exporter, raw] : {std::pair{"CAN", can_}, std::pair{"MEX", mex_}}) {
    double value = 0.0, usmca = 0.0;
    for (const auto& [code, r] : *raw) value += r.value, usmca += r.usmca;
    EXPECT_GT(usmca / value, 0.80) << exporter;
    EXPECT_LT(usmca / value, 0.95) << exporter;
  }
}

}  // namespace
}  // namespace ricardo
