// Goods measures never charge a services sector (issue 10, item 6; decision D15 in
// data/tariffs/PROVENANCE.md), checked two ways:
//  * every scenario file in scenarios/ (the folder is listed here, so a new file is covered
//    without touching this test), compiled on each built-in baseline, adds exactly zero tariff
//    to every services sector for every pair of regions, while it does add tariffs to goods;
//  * at the product-data level, no HS line of the shipped data maps to a services division, and
//    a data set whose concordance sends a goods line to one is refused at load.
//
// The rule: a sector is a service when every ISIC Rev.3 division it covers (its `isic_rev3` in
// the baseline's sectors.csv) is 45 or above — construction, trade, hotels, transport, post and
// telecommunications, finance, real estate and business services, public administration,
// education, health, other community services and households (ISIC sections F to P). Goods are
// divisions 01–37 (agriculture, mining, manufacturing). Electricity, gas and water (40–41,
// section E) is neither: electricity (HS 2716) is a good at the border that the utilities
// sector produces and whose trade the baselines hold there, so it maps to division 40 on
// purpose (D15) and a tariff on it may charge utilities. Utilities is therefore not checked
// for zero here, and it is the only non-goods division a product line may have.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/wiod.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

using testing::MakeTinyProductData;
using testing::ProjectDirectory;
using testing::WriteFile;

constexpr int kFirstServicesDivision = 45;
constexpr int kLastGoodsDivision = 37;

enum class Kind { kGoods, kUtilities, kServices };

Kind KindOf(const Sector& sector) {
  const std::vector<int> divisions = wiod::ParseIsicDivisions(sector.isic_rev3);
  EXPECT_FALSE(divisions.empty()) << sector.code << " has no isic_rev3";
  const auto [low, high] = std::minmax_element(divisions.begin(), divisions.end());
  if (!divisions.empty() && *low >= kFirstServicesDivision) return Kind::kServices;
  if (!divisions.empty() && *high <= kLastGoodsDivision) return Kind::kGoods;
  // Only electricity, gas and water sits between the two; a sector mixing goods and services
  // divisions would make the rule meaningless, so it fails here.
  EXPECT_TRUE(*low >= 40 && *high <= 41) << sector.code << " covers " << sector.isic_rev3;
  return Kind::kUtilities;
}

// Every scenario file of the project, by path, sorted.
std::vector<std::filesystem::path> ScenarioFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(ProjectDirectory() / "scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ServicesUntouchedTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ServicesUntouchedTest, GoodsMeasuresAddNoTariffToServices) {
  const Baseline baseline = LoadBaseline(GetParam());
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  std::vector<Kind> kinds;
  for (const Sector& s : baseline.sectors) kinds.push_back(KindOf(s));
  // The rule sorts the 35 WIOD industries as ISIC does: 16 goods, utilities, 18 services.
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), Kind::kGoods), 16);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), Kind::kUtilities), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), Kind::kServices), 18);
  EXPECT_EQ(kinds[*baseline.FindSector("construction")], Kind::kServices);
  EXPECT_EQ(kinds[*baseline.FindSector("business_services")], Kind::kServices);
  EXPECT_EQ(kinds[*baseline.FindSector("utilities")], Kind::kUtilities);

  const auto files = ScenarioFiles();
  ASSERT_FALSE(files.empty());
  std::size_t checked = 0, skipped = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string() + " on " + GetParam());
    const Scenario scenario = LoadScenario(file);
    CompileOptions options;
    options.product_trace = false;
    CompiledScenario c;
    try {
      c = CompileScenario(scenario, baseline, options);
    } catch (const ScenarioError& e) {
      // A scenario may name regions that only its own baseline has (EU27 retaliating exists on
      // world, not on north-america): it is checked on the baselines it fits, and always on
      // its own, where it must compile.
      const std::string message = e.what();
      if (scenario.baseline == GetParam() ||
          message.find("' has " + baseline.regions.front().code) == std::string::npos) {
        throw;
      }
      ++skipped;
      continue;
    }
    ++checked;
    double goods_added = 0.0;
    for (std::size_t n = 0; n < N; ++n)
      for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < J; ++j) {
          const double added = c.shock.tariff_rates(n, i, j) - baseline.tariff_rates(n, i, j);
          if (kinds[j] == Kind::kServices) {
            EXPECT_EQ(added, 0.0) << baseline.regions[n].code << " on " << baseline.regions[i].code
                                  << ", " << baseline.sectors[j].code;
          } else if (kinds[j] == Kind::kGoods) {
            goods_added += std::abs(added);
          }
        }
    // A scenario with tariff measures charges goods: the zeros above are not a scenario that
    // does nothing. (A scenario of trade costs or elasticities alone has no measure.)
    if (!scenario.measures.empty()) {
      EXPECT_GT(goods_added, 0.0);
    }
  }
  EXPECT_EQ(checked + skipped, files.size());
  EXPECT_GT(checked, files.size() / 2) << "most scenarios should fit every built-in baseline";
}

INSTANTIATE_TEST_SUITE_P(BuiltInBaselines, ServicesUntouchedTest,
                         ::testing::Values("north-america", "world"), [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// The shipped product data: every line's division is a goods division, or 40 for electricity
// (HS 2716, on purpose); none is a services division.
TEST(ServicesUntouchedProducts, NoShippedLineMapsToAServicesDivision) {
  const auto products = ShippedProductData();
  std::size_t electricity = 0;
  for (std::size_t c = 0; c < products->code_count(); ++c) {
    const int d = products->Division(c);
    EXPECT_LT(d, kFirstServicesDivision) << products->code(c);
    if (d > kLastGoodsDivision) {
      EXPECT_EQ(products->code(c).compare(0, 4, "2716"), 0) << products->code(c) << " → " << d;
      EXPECT_STREQ(products->DivisionSource(c), "override") << products->code(c);
      ++electricity;
    }
  }
  EXPECT_GT(electricity, 0u);
}

// A goods line that the concordance sends to division 74 (photographic and other business
// services) is refused at load with a message naming the row and the fix; mapped on purpose to
// a goods division, it loads.
TEST(ServicesUntouchedProducts, LineInAServicesDivisionIsRefusedAtLoad) {
  const auto dir = MakeTinyProductData("services_division");
  WriteFile(dir / "hts_codes.txt",
            "0702000000\n2709001000\n3704000000\n4407130000\n7208100015\n7326908688\n8471500150\n"
            "8481800000\n8544429090\n8703230140\n8708295160\n9801001035\n");
  WriteFile(
      dir / "hs6_isic3.csv",
      "hs6,isic3\n070200,0112\n270900,1110\n440713,2010\n720810,2710\n732690,2899\n847150,3000\n"
      "848180,2912\n854442,3130\n870323,3410\n870829,3430\n370400,7494\n");
  const std::string concordance = (dir / "hs6_isic3.csv").string();
  try {
    ProductData::Load(dir);
    ADD_FAILURE() << "a goods line in division 74 was accepted";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              concordance +
                  ":12:2: HTS 3704000000 maps to ISIC Rev.3 division 74, outside the goods "
                  "divisions 01-37, so a tariff on it would charge a services sector (map it "
                  "on purpose in hs_division_overrides.csv (hs,division,note))");
  }
  WriteFile(dir / "hs_division_overrides.csv",
            "hs,division,note\n3704,22,exposed film: recorded media\n");
  const auto products = ProductData::Load(dir);
  const auto [first, last] = products->PrefixRange("3704");
  ASSERT_EQ(last, first + 1);
  EXPECT_EQ(products->Division(first), 22);
  // Nor can an override put a goods line in a services division.
  WriteFile(dir / "hs_division_overrides.csv", "hs,division,note\n3704,74,photographic services\n");
  try {
    ProductData::Load(dir);
    ADD_FAILURE() << "an override to division 74 was accepted";
  } catch (const DataError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        (dir / "hs_division_overrides.csv").string() +
            ":2:2: division 74 is a services division; a goods line mapped there would charge a "
            "services sector (map the line to a goods division (01-37) or to utilities (40-41))");
  }
}

}  // namespace
}  // namespace ricardo
