// Proxy import weights for partners without HTS10 data and 2024 US imports by country, on the
// shipped product data (PROVENANCE.md, D12 and D13): each region's weights add up, sector by
// sector, to the 2024 values of the partner groups it stands for; within a sector they follow
// pooled 2025 US imports from Canada and Mexico; the regions of a baseline share every group out
// exactly once.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

const std::vector<std::string> kWorld = {"USA", "CAN", "MEX", "CHN", "EU27", "GBR",
                                         "JPN", "KOR", "IND", "TWN", "BRA",  "ROW"};
const std::vector<std::string> kNorthAmerica = {"USA", "CAN", "MEX", "ROW"};

class ProxyWeightsTest : public ::testing::Test {
 protected:
  void SetUp() override { products_ = ShippedProductData(); }

  // The region's weights summed by GTAP sector.
  std::vector<double> BySector(const detail::WeightSet& set) const {
    std::vector<double> out(products_->gtap_sectors().size(), 0.0);
    for (const auto& line : set.lines)
      out[static_cast<std::size_t>(products_->GtapSector(line.code))] += line.value_usd;
    return out;
  }
  double Total(const detail::WeightSet& set) const {
    double total = 0.0;
    for (const auto& line : set.lines) total += line.value_usd;
    return total;
  }
  double GroupTotal(const std::string& group) const {
    double total = 0.0;
    for (std::size_t s = 0; s < products_->gtap_sectors().size(); ++s)
      total += products_->GroupImports2024(group, s);
    return total;
  }
  double CountryImports(const std::string& iso3) const {
    const auto* country = products_->FindCountry(iso3);
    EXPECT_NE(country, nullptr) << iso3;
    return country ? country->imports_2024_usd : 0.0;
  }
  double GroupCountries(const std::string& group) const {
    double total = 0.0;
    for (const auto& c : products_->countries())
      total += c.group == group ? c.imports_2024_usd : 0.0;
    return total;
  }

  std::shared_ptr<const ProductData> products_;
};

// D12: China's weights are the china group's 2024 value in each of the 45 GTAP sectors
// (US$418.0 billion in all, the README's total), spread over HTS10 lines.
TEST_F(ProxyWeightsTest, D12SectorTotalsAreTheGroupValues) {
  ASSERT_EQ(products_->gtap_sectors().size(), 45u);
  const auto china = products_->ProxyWeights("CHN", kWorld);
  ASSERT_NE(china, nullptr);
  ASSERT_EQ(china->groups.size(), 1u);
  EXPECT_EQ(china->groups[0].group, "china");
  EXPECT_DOUBLE_EQ(china->groups[0].fraction, 1.0);
  const auto by_sector = BySector(*china);
  for (std::size_t s = 0; s < by_sector.size(); ++s) {
    const double expected = products_->GroupImports2024("china", s);
    EXPECT_NEAR(by_sector[s], expected, 1e-9 * expected + 1e-6) << products_->gtap_sectors()[s];
  }
  EXPECT_NEAR(Total(*china) / 1e9, 418.0, 0.05);
  for (std::size_t k = 1; k < china->lines.size(); ++k)
    ASSERT_LT(china->lines[k - 1].code, china->lines[k].code);
  for (const auto& line : china->lines) ASSERT_EQ(line.usmca_share, 0.0);
  EXPECT_NE(china->description.find("100.0% of group 'china'"), std::string::npos)
      << china->description;
}

// D12: within a GTAP sector, a line's weight is in proportion to its pooled 2025 US imports from
// Canada and Mexico; paddy rice, which neither sells, is spread equally over its lines.
TEST_F(ProxyWeightsTest, D12CompositionFollowsCanadaAndMexico2025) {
  std::map<std::uint32_t, double> pooled;
  for (std::size_t m = 0; m < products_->months().size(); ++m) {
    if (products_->months()[m].compare(0, 4, "2025") != 0) continue;
    for (auto partner : {ProductData::kCanada, ProductData::kMexico}) {
      for (const auto& line : products_->Imports(partner, m)) pooled[line.code] += line.value_usd;
    }
  }
  const auto eu = products_->ProxyWeights("EU27", kWorld);
  ASSERT_NE(eu, nullptr);
  // Weight / pooled value is one number per sector.
  std::map<int, double> ratio;
  std::size_t checked = 0;
  for (const auto& line : eu->lines) {
    const int s = products_->GtapSector(line.code);
    if (products_->gtap_sectors()[static_cast<std::size_t>(s)] == "pdr") continue;
    ASSERT_GT(pooled[line.code], 0.0) << products_->code(line.code);
    const double r = line.value_usd / pooled[line.code];
    auto [it, fresh] = ratio.emplace(s, r);
    if (!fresh) {
      ASSERT_NEAR(r, it->second, 1e-9 * it->second) << products_->code(line.code);
    }
    ++checked;
  }
  EXPECT_GT(checked, 10000u);
  // Paddy rice: the row group's US$11,289, spread over the one crosswalk line, for ROW of
  // north-america (which holds the whole row group).
  const auto row = products_->ProxyWeights("ROW", kNorthAmerica);
  ASSERT_NE(row, nullptr);
  std::size_t pdr_lines = 0;
  for (const auto& line : row->lines) {
    if (products_->gtap_sectors()[static_cast<std::size_t>(products_->GtapSector(line.code))] !=
        "pdr")
      continue;
    ++pdr_lines;
    EXPECT_EQ(products_->code(line.code), "1006100000");
    EXPECT_NEAR(line.value_usd, 11289.0 + 0.0 + 3472.0, 1e-6);  // row + japan (north-america's ROW)
  }
  EXPECT_EQ(pdr_lines, 1u);
  EXPECT_NE(row->description.find("pdr (1 line)"), std::string::npos) << row->description;
}

// D12: ROW is every country no other region of the baseline claims. On north-america it holds
// six whole groups; on the world baseline it holds what India, Taiwan, Brazil (in row) and
// Korea (in ftrow) leave, in proportion to the countries' 2024 imports.
TEST_F(ProxyWeightsTest, D12RestOfWorldTakesWhatOtherRegionsLeave) {
  const auto na = products_->RegionGroups("ROW", kNorthAmerica);
  std::map<std::string, double> na_fraction;
  for (const auto& g : na) na_fraction[g.group] = g.fraction;
  EXPECT_EQ(
      na_fraction,
      (std::map<std::string, double>{
          {"china", 1.0}, {"eu", 1.0}, {"ftrow", 1.0}, {"japan", 1.0}, {"row", 1.0}, {"uk", 1.0}}));
  const auto world = products_->RegionGroups("ROW", kWorld);
  ASSERT_EQ(world.size(), 2u);
  const double row_left =
      1.0 - (CountryImports("IND") + CountryImports("TWN") + CountryImports("BRA")) /
                GroupCountries("row");
  const double ftrow_left = 1.0 - CountryImports("KOR") / GroupCountries("ftrow");
  EXPECT_EQ(world[0].group, "row");
  EXPECT_NEAR(world[0].fraction, row_left, 1e-12);
  EXPECT_EQ(world[1].group, "ftrow");
  EXPECT_NEAR(world[1].fraction, ftrow_left, 1e-12);
  const auto korea = products_->RegionGroups("KOR", kWorld);
  ASSERT_EQ(korea.size(), 1u);
  EXPECT_NEAR(korea[0].fraction + world[1].fraction, 1.0, 1e-12);
  EXPECT_NEAR(korea[0].imports_2024_usd / 1e9, 130.2, 0.05);  // 122.0 of 270.4 matched × 288.5
}

// D12: the regions of a baseline share the eight groups out exactly once (US$3,124 billion).
TEST_F(ProxyWeightsTest, D12RegionsAddUpToAllGroups) {
  double groups = 0.0;
  for (const char* g : {"china", "canada", "mexico", "uk", "japan", "eu", "row", "ftrow"})
    groups += GroupTotal(g);
  EXPECT_NEAR(groups / 1e9, 3123.8, 0.05);
  for (const auto* regions : {&kWorld, &kNorthAmerica}) {
    double total = 0.0;
    for (const std::string& region : *regions) {
      if (const auto set = products_->ProxyWeights(region, *regions)) total += Total(*set);
    }
    EXPECT_NEAR(total, groups, 1e-9 * groups) << regions->size() << " regions";
  }
}

// The US itself, codes that claim no country, and a region a baseline does not split further.
TEST_F(ProxyWeightsTest, NullWhereNoGroupMapsAndMemoised) {
  EXPECT_EQ(products_->ProxyWeights("USA", kWorld), nullptr);
  EXPECT_EQ(products_->ProxyWeights("XYZ", kWorld), nullptr);
  EXPECT_TRUE(products_->RegionGroups("USA", kWorld).empty());
  const auto vietnam = products_->ProxyWeights("VNM", kWorld);  // a country inside ROW
  ASSERT_NE(vietnam, nullptr);
  EXPECT_NEAR(vietnam->groups[0].fraction, CountryImports("VNM") / GroupCountries("row"), 1e-12);
  EXPECT_EQ(products_->ProxyWeights("CHN", kWorld), products_->ProxyWeights("CHN", kWorld));
  EXPECT_NE(products_->ProxyWeights("ROW", kWorld), products_->ProxyWeights("ROW", kNorthAmerica));
}

// D13: 2024 US imports by country, with ISO codes compiled from the Census names (the README's
// figures, US$ billion); Côte d'Ivoire under its own Census code; the two Palestinian Census
// codes make one ISO country.
TEST_F(ProxyWeightsTest, D13CountryImports2024) {
  EXPECT_EQ(products_->countries().size(), 230u);
  const std::map<std::string, double> readme = {{"KOR", 122.0}, {"TWN", 106.5}, {"IND", 74.9},
                                                {"BRA", 38.2},  {"GBR", 59.5},  {"JPN", 139.0},
                                                {"VNM", 135.6}};
  for (const auto& [iso3, billions] : readme)
    EXPECT_NEAR(CountryImports(iso3) / 1e9, billions, 0.05) << iso3;
  double eu27 = 0.0;
  std::size_t members = 0;
  for (const auto& c : products_->countries()) {
    if (!c.eu27) continue;
    eu27 += c.imports_2024_usd, ++members;
    EXPECT_EQ(c.group, "eu") << c.iso3;
  }
  EXPECT_EQ(members, 27u);
  EXPECT_NEAR(eu27 / 1e9, 522.7, 0.05);
  ASSERT_NE(products_->FindCountry("CIV"), nullptr);
  EXPECT_EQ(products_->FindCountry("CIV")->census_code, "7480");
  EXPECT_EQ(products_->FindCountry("TUN")->census_code, "7230");
  EXPECT_EQ(products_->FindCountry("PSE")->census_code, "5082;5083");
  EXPECT_EQ(products_->FindCountry("KOR")->group, "ftrow");
  EXPECT_EQ(products_->FindCountry("HKG")->group, "row");
  EXPECT_EQ(products_->FindCountry("CHN")->group, "china");
  EXPECT_EQ(products_->FindCountry("USA"), nullptr);
}

}  // namespace
}  // namespace ricardo
