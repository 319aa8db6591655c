// The WIOD 2013 importer: the 2011 table as 41 regions × 35 industries, consistent accounts,
// a calibrated equilibrium, and clear errors for malformed tables.
#include <cmath>

#include "package_fixture.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/solver.hpp"
#include "ricardo/wiod.hpp"
#include "ricardo/wiod_industries.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

std::optional<std::filesystem::path> WiodDirectory() {
  const auto shared = testing::SharedDataDirectory();
  if (!shared || !std::filesystem::exists(*shared / "wiod2013" / "wiot2011_inter.csv.gz")) {
    return std::nullopt;
  }
  return *shared / "wiod2013";
}

class Wiod2011 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = WiodDirectory();
    if (!dir) return;
    wiod::ImportOptions options;
    options.year = 2011;
    options.source_directory = *dir;
    result_ = new wiod::ImportResult(wiod::Import(options));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  void SetUp() override {
    if (result_) return;
    REQUIRE_SHARED_DATA(wiod_source, "wiod2013");  // fails or skips: the data is missing
    FAIL() << "the WIOD import of " << wiod_source << " did not run";
  }
  static wiod::ImportResult* result_;
};
wiod::ImportResult* Wiod2011::result_ = nullptr;

TEST_F(Wiod2011, Has41RegionsAnd35Industries) {
  const Baseline& b = result_->baseline;
  ASSERT_EQ(b.region_count(), 41u);
  ASSERT_EQ(b.sector_count(), 35u);
  EXPECT_EQ(b.regions.front().code, "AUS");
  EXPECT_EQ(b.regions.back().code, "ROW");
  EXPECT_TRUE(b.FindRegion("ROU"));  // WIOD's ROM
  for (std::size_t j = 0; j < 35; ++j) {
    EXPECT_EQ(b.sectors[j].code, wiod::kIndustries[j].code);
    EXPECT_EQ(b.sectors[j].isic_rev3, wiod::kIndustries[j].isic_rev3);
  }
  EXPECT_EQ(b.manifest.name, "wiod2013-2011");
  EXPECT_EQ(b.manifest.money_unit, 1e6);
  EXPECT_TRUE(ValidateBaseline(b).ok());
}

TEST_F(Wiod2011, ThetaFromCaliendoParro) {
  const Baseline& b = result_->baseline;
  EXPECT_EQ(b.sectors[*b.FindSector("agriculture")].theta, 9.11);
  EXPECT_EQ(b.sectors[*b.FindSector("textiles")].theta, 8.1);  // CP textile covers 17-19
  EXPECT_EQ(b.sectors[*b.FindSector("leather")].theta, 8.1);
  // metals = basic metals (3.28) and metal products (6.99), weighted by world trade in 1993.
  const double metals = b.sectors[*b.FindSector("metals")].theta;
  EXPECT_GT(metals, 3.28);
  EXPECT_LT(metals, 6.99);
  EXPECT_EQ(b.sectors[*b.FindSector("finance")].theta, 8.22);
}

TEST_F(Wiod2011, CalibratedSoAZeroShockChangesNothing) {
  const Baseline& b = result_->baseline;
  ASSERT_TRUE(result_->calibration);
  const Solution s = Solve(b, Shock::None(b));
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
}

TEST_F(Wiod2011, TenPercentUsTariffOnAllGoodsSolves) {
  const Baseline& b = result_->baseline;
  Shock shock = Shock::None(b);
  const std::size_t usa = *b.FindRegion("USA");
  for (std::size_t i = 0; i < b.region_count(); ++i)
    for (std::size_t j = 0; j < 16; ++j) {
      if (i != usa) shock.tariff_rates(usa, i, j) += 0.10;
    }
  const Solution s = Solve(b, shock);
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  EXPECT_TRUE(s.summary.check.Pass(kCheckerTolerance)) << s.summary.check.ToString();
  // US imports of goods fall.
  double before = 0.0, after = 0.0;
  for (std::size_t i = 0; i < b.region_count(); ++i)
    for (std::size_t j = 0; j < 16; ++j) {
      if (i == usa) continue;
      before += b.trade_flows(usa, i, j);
      after += s.equilibrium.trade_shares(usa, i, j) * s.equilibrium.expenditure(usa, j) /
               (1.0 + shock.tariff_rates(usa, i, j));
    }
  EXPECT_LT(after, 0.95 * before);
}

TEST_F(Wiod2011, GrossOutputMatchesTheTableUpToTheDocumentedAdjustments) {
  // Before calibration, gross output is the sum of sales: the table's output column up to
  // rounding and the clipped negative cells (at most a few hundred US$ million per cell).
  wiod::ImportOptions options;
  options.year = 2011;
  options.source_directory = *WiodDirectory();
  options.calibrate = false;
  const wiod::ImportResult raw = wiod::Import(options);
  const Array2 go = GrossOutput(raw.baseline);
  const std::size_t usa = *raw.baseline.FindRegion("USA");
  double us_output = 0.0;
  for (std::size_t j = 0; j < 35; ++j) us_output += go(usa, j);
  EXPECT_NEAR(us_output, 2.8e7, 0.3e7);  // about US$ 28 trillion of gross output in 2011
  bool noted_clipping = false;
  for (const auto& note : raw.notes) noted_clipping |= note.find("set to 0") != std::string::npos;
  EXPECT_TRUE(noted_clipping);
  // Every industry's value added and inputs add up to its output.
  for (std::size_t n = 0; n < 41; ++n)
    for (std::size_t j = 0; j < 35; ++j) {
      double inputs = 0.0;
      for (std::size_t k = 0; k < 35; ++k) inputs += raw.baseline.input_shares(n, k, j);
      EXPECT_TRUE(std::abs(inputs - 1.0) < 1e-12 || inputs == 0.0);
    }
}

TEST_F(Wiod2011, TariffsAreZeroInsideTheEuAndOnServices) {
  const Baseline& b = result_->baseline;
  const std::size_t deu = *b.FindRegion("DEU"), pol = *b.FindRegion("POL"),
                    usa = *b.FindRegion("USA"), chn = *b.FindRegion("CHN");
  for (std::size_t j = 0; j < 35; ++j) {
    EXPECT_EQ(b.tariff_rates(deu, pol, j), 0.0);
    if (j >= 16) {
      EXPECT_EQ(b.tariff_rates(usa, chn, j), 0.0);
    }
  }
  EXPECT_GT(b.tariff_rates(usa, chn, *b.FindSector("textiles")), 0.05);
}

TEST(WiodImport, RejectsYearsOutsideTheRelease) {
  wiod::ImportOptions options;
  options.year = 2014;
  try {
    wiod::Import(options);
    ADD_FAILURE();
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()),
              "WIOD 2013 has no table for 2014 (choose a year from 1995 to 2011)");
  }
}

TEST(WiodImport, MalformedTablesFailWithLocatedErrors) {
  const auto dir = testing::MakeTempDirectory("wiod");
  testing::WriteText(dir / "wiot2000_inter.csv.gz", "\"\",\"AAA_c1\"\n\"AAA_c1\",12,x\n");
  testing::WriteText(dir / "wiot2000_final.csv.gz", "\"\",\"AAA_c37_hh\"\n\"AAA_c1\",1\n");
  testing::WriteText(dir / "wiot2000_output.csv", "\"row\",\"output\"\n\"AAA_c1\",13\n");
  wiod::ImportOptions options;
  options.year = 2000;
  options.source_directory = dir;
  try {
    wiod::Import(options);
    ADD_FAILURE();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "wiot2000_inter.csv.gz:2: expected 2 fields, found 3 (the "
              "file is truncated or damaged; copy it again)");
  }
  testing::WriteText(dir / "wiot2000_inter.csv.gz", "\"\",\"AAA_c1\"\n\"AAA_c1\",1x\n");
  try {
    wiod::Import(options);
    ADD_FAILURE();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "wiot2000_inter.csv.gz:2:2: value '1x' is not a number (the "
              "WIOD tables hold numbers in US$ million)");
  }
  testing::WriteText(dir / "wiot2000_inter.csv.gz", "\"\",\"AAA_c1\"\n\"AAA_c1\",1\n");
  try {
    wiod::Import(options);
    ADD_FAILURE();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "wiot2000_inter.csv.gz: the last region has fewer than 35 "
              "industries (the file is truncated; copy it again)");
  }
  std::filesystem::remove(dir / "wiot2000_final.csv.gz");
  EXPECT_THROW(wiod::Import(options), NotFoundError);
}

TEST(IsicDivisions, ParseAndFormat) {
  EXPECT_EQ(wiod::ParseIsicDivisions("01,02,05"), (std::vector<int>{1, 2, 5}));
  EXPECT_EQ(wiod::ParseIsicDivisions("27-28"), (std::vector<int>{27, 28}));
  EXPECT_EQ(wiod::FormatIsicDivisions({30, 31, 32, 33, 1, 2, 5}), "01-02,05,30-33");
  EXPECT_THROW(wiod::ParseIsicDivisions("27--28"), ArgumentError);
  EXPECT_THROW(wiod::ParseIsicDivisions("2a"), ArgumentError);
}

TEST(Cp2015Proxy, StandIns) {
  EXPECT_EQ(wiod::Cp2015Proxy("USA"), "USA");
  EXPECT_EQ(wiod::Cp2015Proxy("BEL"), "NLD");
  EXPECT_EQ(wiod::Cp2015Proxy("POL"), "HUN");
  EXPECT_EQ(wiod::Cp2015Proxy("TWN"), "ROW");
  EXPECT_EQ(wiod::Cp2015Proxy("ROW"), "ROW");
}

}  // namespace
}  // namespace ricardo
