// The loader of the files added for the all-partner regime, on the tiny product data of
// tariff_fixtures.hpp: they are optional; present, they give numbers worked out by hand here;
// malformed, they fail with the file, line, column, what and how to fix (messages pinned).
#include <gtest/gtest.h>

#include <string>

#include "ricardo/error.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

using testing::MakeTinyProductData;
using testing::WriteFile;

std::string LoadError(const std::filesystem::path& dir) {
  try {
    ProductData::Load(dir);
  } catch (const Error& e) {
    return e.what();
  }
  return "loaded";
}

std::size_t Code(const ProductData& products, const std::string& code) {
  const auto [first, last] = products.PrefixRange(code);
  EXPECT_TRUE(first < last && products.code(first) == code) << code;
  return first;
}

// Proxy inputs whose weights are easy to work out: two groups, three GTAP sectors, three
// countries. Tiny imports from Canada (Oct–Dec 2025): cars 500, parts 200, flat steel 300,
// steel articles 50 (US$ million); rice (added to the universe) none.
void WriteProxyInputs(const std::filesystem::path& dir) {
  WriteFile(dir / "hts_codes.txt",
            "0702000000\n1006100000\n2709001000\n4407130000\n7208100015\n7326908688\n8471500150\n"
            "8481800000\n8544429090\n8703230140\n8708295160\n9801001035\n");
  WriteFile(dir / "us_imports_2024_gtap_groups.csv",
            "gtap,china,row\nmvh,700,1000\ni_s,350,0\npdr,0,10\n");
  WriteFile(dir / "hts10_gtap.csv.gz",
            "hts10,gtap,via\n1006100000,pdr,hs10\n7208100015,i_s,hs10\n7326908688,i_s,hs6\n"
            "8703230140,mvh,hs10\n8708295160,mvh,hs10\n");
  WriteFile(dir / "us_imports_2024_by_country.csv",
            "iso3,census_code,name,eu27,group,imports_2024_usd\n"
            "VNM,5520,Vietnam,0,row,30\nCHN,5700,China,0,china,100\nTHA,5490,Thailand,0,row,70\n");
}

TEST(ProductLoaderTest, NewFilesAreOptional) {
  const auto dir = MakeTinyProductData("optional");
  const auto products = ProductData::Load(dir);
  const std::size_t car = Code(*products, "8703230140");
  EXPECT_EQ(products->MfnRateForm(car), ProductData::MfnForm::kUnknown);
  EXPECT_EQ(products->MfnRate(car), 0.0);
  EXPECT_EQ(products->MfnText(car), "");
  EXPECT_TRUE(products->countries().empty());
  EXPECT_EQ(products->ProxyWeights("CHN", {"USA", "CHN", "ROW"}), nullptr);
  EXPECT_EQ(products->GtapSector(car), -1);
  EXPECT_STREQ(products->DivisionSource(car), "hs6");
}

TEST(ProductLoaderTest, MfnRatesByHts8) {
  const auto dir = MakeTinyProductData("mfn");
  WriteFile(dir / "mfn_rates.csv.gz",
            "hts8,form,ad_valorem_rate,general\n27090010,specific,0,5.25¢/bbl\n"
            "87032301,ad_valorem,0.025,2.5%\n");
  const auto products = ProductData::Load(dir);
  const std::size_t car = Code(*products, "8703230140"), oil = Code(*products, "2709001000");
  EXPECT_DOUBLE_EQ(products->MfnRate(car), 0.025);
  EXPECT_TRUE(products->MfnRateExact(car));
  EXPECT_EQ(products->MfnText(car), "2.5%");
  EXPECT_EQ(products->MfnRateForm(oil), ProductData::MfnForm::kSpecific);
  EXPECT_FALSE(products->MfnRateExact(oil));
  EXPECT_EQ(products->MfnRateForm(Code(*products, "8708295160")), ProductData::MfnForm::kUnknown);
}

TEST(ProductLoaderTest, MalformedMfnRates) {
  const auto dir = MakeTinyProductData("mfn_bad");
  const std::string file = (dir / "mfn_rates.csv.gz").string();
  const std::string header = "hts8,form,ad_valorem_rate,general\n";
  WriteFile(file, header + "87032301,percent,0.025,2.5%\n");
  EXPECT_EQ(LoadError(dir), file +
                                ":2:2: unknown rate form 'percent' (write free, ad_valorem, "
                                "specific, compound or other)");
  WriteFile(file, header + "87032301,specific,0.025,1¢/kg\n");
  EXPECT_EQ(LoadError(dir), file +
                                ":2:3: ad valorem rate 0.025 does not fit the form 'specific' "
                                "(rates are fractions from 0 "
                                "to 5 (0.025 for 2.5%), and 0 for free and specific rates)");
  WriteFile(file, header + "87032301,ad_valorem,2.5%,2.5%\n");
  EXPECT_EQ(LoadError(dir), file + ":2:3: value '2.5%' is not a number");
  WriteFile(file, header + "87032301,ad_valorem,0.025,2.5%\n87032301,free,0,Free\n");
  EXPECT_EQ(LoadError(dir), file +
                                ":3:1: HTS 87032301 has a second rate (the first is on line 2) "
                                "(keep one row per HTS8 line)");
  WriteFile(file, header + "8703230,free,0,Free\n");
  EXPECT_EQ(LoadError(dir), file + ":2:1: '8703230' is not an 8-digit HTS number");
  WriteFile(file, "hts8,form,rate,general\n");
  EXPECT_EQ(LoadError(dir), file +
                                ":1:1: unexpected header 'hts8,form,rate,general' (expected "
                                "'hts8,form,ad_valorem_rate,general')");
}

// D15 on the tiny data: film in the motion-picture division stops the load until an override
// maps it on purpose.
TEST(ProductLoaderTest, ServicesDivisionNeedsAnOverride) {
  const auto dir = MakeTinyProductData("film");
  WriteFile(dir / "hts_codes.txt",
            "0702000000\n2709001000\n3706100000\n4407130000\n7208100015\n7326908688\n8471500150\n"
            "8481800000\n8544429090\n8703230140\n8708295160\n9801001035\n");
  WriteFile(
      dir / "hs6_isic3.csv",
      "hs6,isic3\n070200,0112\n270900,1110\n440713,2010\n720810,2710\n732690,2899\n847150,3000\n"
      "848180,2912\n854442,3130\n870323,3410\n870829,3430\n370610,9211\n");
  const std::string concordance = (dir / "hs6_isic3.csv").string();
  EXPECT_EQ(LoadError(dir),
            concordance +
                ":12:2: HTS 3706100000 maps to ISIC Rev.3 division 92, outside the goods "
                "divisions 01-37, so a tariff on it would charge a services sector (map it "
                "on purpose in hs_division_overrides.csv (hs,division,note))");
  const std::string overrides = (dir / "hs_division_overrides.csv").string();
  WriteFile(overrides, "hs,division,note\n3799,22,film\n");
  EXPECT_EQ(
      LoadError(dir),
      overrides + ":2:1: '3799' is not an HS prefix of 2 to 10 digits that starts an HTS line");
  WriteFile(overrides, "hs,division,note\n3706,2x,film\n");
  EXPECT_EQ(LoadError(dir), overrides + ":2:2: '2x' is not a two-digit ISIC Rev.3 division");
  // A longer prefix wins over a shorter one, whatever their order in the file.
  WriteFile(overrides, "hs,division,note\n3706100000,22,film\n37,24,photographic goods\n");
  const auto products = ProductData::Load(dir);
  const std::size_t film = Code(*products, "3706100000");
  EXPECT_EQ(products->Division(film), 22);
  EXPECT_STREQ(products->DivisionSource(film), "override");
  EXPECT_EQ(products->Division(Code(*products, "8703230140")), 34);
}

// D12 on the tiny data, by hand. Vietnam is 30% of the row group: cars and parts share row's
// mvh 1000 as 500:200 → 0.3 × 1000 × 5/7 and × 2/7; rice, which Canada does not sell, takes
// 0.3 × 10 on its one line; row has no i_s. ROW (Thailand, 70% of row, once CHN and VNM are
// regions) and China take the rest.
TEST(ProductLoaderTest, ProxyWeightsByHand) {
  const auto dir = MakeTinyProductData("proxy");
  WriteProxyInputs(dir);
  const auto products = ProductData::Load(dir);
  const std::vector<std::string> regions = {"USA", "CHN", "VNM", "ROW"};
  struct Expected {
    const char* code;
    double value;
  };
  auto check = [&](const std::string& region, std::vector<Expected> expected) {
    const auto set = products->ProxyWeights(region, regions);
    ASSERT_NE(set, nullptr) << region;
    ASSERT_EQ(set->lines.size(), expected.size()) << region;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      EXPECT_EQ(products->code(set->lines[k].code), expected[k].code) << region;
      EXPECT_NEAR(set->lines[k].value_usd, expected[k].value, 1e-9)
          << region << " " << expected[k].code;
    }
  };
  check("VNM", {{"1006100000", 3.0}, {"8703230140", 300.0 * 5 / 7}, {"8708295160", 300.0 * 2 / 7}});
  check("ROW", {{"1006100000", 7.0}, {"8703230140", 500.0}, {"8708295160", 200.0}});
  check(
      "CHN",
      {{"7208100015", 300.0}, {"7326908688", 50.0}, {"8703230140", 500.0}, {"8708295160", 200.0}});
  EXPECT_EQ(products->ProxyWeights("USA", regions), nullptr);
  const auto vietnam = products->ProxyWeights("VNM", regions);
  EXPECT_EQ(vietnam->description,
            "2024 US imports from VNM (Census via the Yale Budget Lab, 3 GTAP goods sectors): "
            "30.0% of group 'row' "
            "(US$0.0 billion); within each sector spread over HTS10 lines in proportion to pooled "
            "2025 US imports "
            "from Canada and Mexico (a proxy composition); spread equally where Canada and Mexico "
            "sell none: pdr (1 line)");
  // Without CHN and VNM as regions, ROW holds both groups whole.
  const auto groups = products->RegionGroups("ROW", {"USA", "CAN", "ROW"});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group, "china");
  EXPECT_DOUBLE_EQ(groups[1].fraction, 1.0);
  EXPECT_DOUBLE_EQ(groups[1].imports_2024_usd, 1010.0);
  EXPECT_EQ(products->countries().front().iso3, "CHN");  // sorted by code
  EXPECT_EQ(products->FindCountry("THA")->imports_2024_usd, 70.0);
}

TEST(ProductLoaderTest, MalformedProxyInputs) {
  const auto dir = MakeTinyProductData("proxy_bad");
  WriteProxyInputs(dir);
  const std::string groups = (dir / "us_imports_2024_gtap_groups.csv").string();
  const std::string gtap = (dir / "hts10_gtap.csv.gz").string();
  const std::string countries = (dir / "us_imports_2024_by_country.csv").string();
  std::filesystem::remove(gtap);
  EXPECT_EQ(LoadError(dir),
            gtap +
                ": file not found: the proxy import weights need us_imports_2024_gtap_groups.csv, "
                "hts10_gtap.csv.gz and us_imports_2024_by_country.csv together (rebuild the data "
                "with data/tariffs/build_product_data.py)");
  WriteFile(gtap, "hts10,gtap,via\n9999999999,mvh,hs10\n");
  EXPECT_EQ(LoadError(dir),
            gtap +
                ":2:1: '9999999999' is not a known HTS10 number (rebuild the data with "
                "data/tariffs/build_product_data.py)");
  WriteFile(gtap, "hts10,gtap,via\n8703230140,cars,hs10\n");
  EXPECT_EQ(LoadError(dir),
            gtap + ":2:2: GTAP sector 'cars' is not in us_imports_2024_gtap_groups.csv");
  WriteFile(gtap, "hts10,gtap,via\n8703230140,mvh,hs10\n8703230140,mvh,hs6\n");
  EXPECT_EQ(LoadError(dir), gtap + ":3:1: HTS 8703230140 is listed twice");
  WriteFile(gtap, "hts10,gtap,via\n8703230140,mvh,hs10\n");
  WriteFile(groups, "gtap,china,row\nmvh,700,-1\n");
  EXPECT_EQ(LoadError(dir), groups + ":2:3: imports -1 are negative");
  WriteFile(groups, "gtap,china,China\nmvh,700,1\n");
  EXPECT_EQ(LoadError(dir), groups + ":1:3: 'China' is not a new lower-case group name");
  WriteFile(groups, "gtap,china,row\nmvh,700,1000\n");
  WriteFile(countries,
            "iso3,census_code,name,eu27,group,imports_2024_usd\nFRA,4279,France,1,eu,5\n");
  EXPECT_EQ(LoadError(dir),
            countries + ":2:5: group 'eu' is not a column of us_imports_2024_gtap_groups.csv");
  WriteFile(countries,
            "iso3,census_code,name,eu27,group,imports_2024_usd\nCHN,5700,China,0,china,1\nCHN,5700,"
            "China,0,china,1\n");
  EXPECT_EQ(LoadError(dir),
            countries + ":3:1: 'CHN' is not a new three-letter upper-case ISO code");
  WriteFile(countries,
            "iso3,census_code,name,eu27,group,imports_2024_usd\nCHN,5700,China,yes,china,1\n");
  EXPECT_EQ(LoadError(dir),
            countries + ":2:4: eu27 is 'yes'; write 1 for an EU member state, else 0");
}

}  // namespace
}  // namespace ricardo
