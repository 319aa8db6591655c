// Fixtures for the tariff tests: a synthetic USA/CAN/MEX/ROW baseline with the 35 WIOD sectors
// (what north-america looks like, with made-up but plausible numbers), and a tiny product-data
// directory whose every number is chosen so that results can be worked out by hand.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "ricardo/baseline.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/wiod_industries.hpp"
#include "test_support.hpp"

namespace ricardo::testing {

// US$ million. Goods trade among the three close to the 2024 totals; services mostly domestic.
inline Baseline MakeSyntheticNorthAmerica(bool calibrate = true) {
  std::vector<Region> regions = {
      {"USA", "United States"}, {"CAN", "Canada"}, {"MEX", "Mexico"}, {"ROW", "Rest of the world"}};
  std::vector<Sector> sectors;
  for (const auto& industry : wiod::kIndustries) {
    sectors.push_back({std::string(industry.code), std::string(industry.name), true,
                       industry.goods ? 5.0 : 8.22, std::string(industry.isic_rev3)});
  }
  Baseline b = MakeEmptyBaseline(regions, sectors);
  b.manifest.name = "synthetic-north-america";
  b.manifest.year = 2024;
  b.manifest.money_unit = 1e6;
  b.manifest.currency = "USD";
  // Goods imports of row from column, US$ million, split evenly over the 16 goods sectors.
  const double goods[4][4] = {{0, 412.7e3, 505.9e3, 2300e3},
                              {349.4e3, 0, 34.3e3, 200e3},
                              {334.0e3, 6.3e3, 0, 250e3},
                              {1500e3, 100e3, 60e3, 0}};
  const double domestic[4] = {20e6, 2e6, 1.2e6, 80e6};
  const std::size_t J = sectors.size();
  for (std::size_t n = 0; n < 4; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      const bool is_goods = wiod::kIndustries[j].goods;
      for (std::size_t i = 0; i < 4; ++i) {
        double flow = 0.0;
        if (i == n) {
          flow = domestic[n] / static_cast<double>(J) * (is_goods ? 0.8 : 1.2);
        } else {
          flow = is_goods ? goods[n][i] / 16.0 * (1.0 + 0.05 * static_cast<double>(j % 5))
                          : 0.02 * goods[n][i] / 19.0;
          b.tariff_rates(n, i, j) =
              (is_goods && (n == 3 || i == 3)) ? 0.02 + 0.003 * static_cast<double>(j % 7) : 0.0;
        }
        b.trade_flows(n, i, j) = flow;
      }
      b.value_added_share(n, j) = 0.35 + 0.02 * static_cast<double>(j % 10);
      for (std::size_t k = 0; k < J; ++k) b.input_shares(n, k, j) = 1.0 / static_cast<double>(J);
    }
  }
  b.final_demand_share = FinalDemandSharesFromIdentity(b, nullptr);
  if (!calibrate) return b;
  CalibrationOptions options;
  return CalibrateBaseYear(b, options).baseline;
}

inline void WriteFile(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

// product_lists.csv of the tiny product data; tests that need a second, different product
// data set change the steel-derivatives start date and the autos prefix.
inline std::string TinyProductLists(const std::string& steel_deriv_from = "2025-08-18",
                                    const std::string& autos_prefix = "870323") {
  return "list,prefix,effective_from,note\n"
         "tomatoes,0702,,\n"
         "energy_ca,27090010,,\n"
         "s122_exempt,27090010,,\n"
         "lumber,44071300,,\n"
         "steel_deriv,84818000," +
         steel_deriv_from +
         ",\n"
         "alu_deriv,84818000,,\n"
         "annex_1b,8481800000,2026-04-06,\n"
         "copper,85444290,,\n"
         "autos," +
         autos_prefix +
         ",,\n"
         "auto_parts,8708295160,,\n"
         "us_goods_returned,9801,,\n";
}

// A product-data directory with eleven HTS10 lines (US imports from Canada only, Oct–Dec 2025,
// US$ million-sized round numbers) and the lists the stacking tests use:
//
//   code        sector (division)    value US$  USMCA  lists / content
//   0702000000  agriculture (01)       100e6     0.50  tomatoes
//   2709001000  mining (11)            400e6     0.25  energy_ca, s122_exempt
//   4407130000  wood (20)              200e6     0.00  lumber
//   7208100015  metals (27)            300e6     0.60  ch. 72 (steel 1)
//   8481800000  machinery (29)         100e6     0.40  steel_deriv from 2025-08-18 (steel 0.3,
//                                                        aluminum 0.2), alu_deriv, annex_1b
//   8544429090  electrical (31)         50e6     0.20  copper (copper 0.8)
//   8471500150  electrical (30)        150e6     0.90  (computers: nothing but all-goods measures)
//   8703230140  transport (34)         500e6     0.80  autos
//   8708295160  transport (34)         200e6     0.70  auto_parts (steel 0.4)
//   9801001035  — (chapter 98)          50e6     0.00  us_goods_returned
//   7326908688  metals (28)             50e6     0.10  ch. 73 (steel 1)
//
// Values are the sum over the three months (split 1/3 each); USMCA values likewise.
inline std::filesystem::path MakeTinyProductData(const std::string& name) {
  const auto dir = MakeTempDirectory(name);
  WriteFile(
      dir / "hts_codes.txt",
      "# tiny universe\n0702000000\n2709001000\n4407130000\n7208100015\n7326908688\n8471500150\n"
      "8481800000\n8544429090\n8703230140\n8708295160\n9801001035\n");
  WriteFile(
      dir / "hs_descriptions.csv",
      "code,description\n070200,Tomatoes\n270900,Crude oil\n440713,Lumber\n720810,Flat steel\n"
      "732690,Steel articles\n847150,Computers\n848180,Valves\n854442,Copper wire\n870323,Cars\n"
      "870829,Car parts\n");
  WriteFile(
      dir / "hs6_isic3.csv",
      "hs6,isic3\n070200,0112\n270900,1110\n440713,2010\n720810,2710\n732690,2899\n847150,3000\n"
      "848180,2912\n854442,3130\n870323,3410\n870829,3430\n");
  WriteFile(
      dir / "metal_content.csv",
      "hts10,steel,aluminum,copper\n7208100015,1,0,0\n7326908688,1,0,0\n8481800000,0.3,0.2,0\n"
      "8544429090,0,0,0.8\n8708295160,0.4,0,0\n");
  WriteFile(dir / "product_lists.csv", TinyProductLists());
  struct Line {
    const char* code;
    double value, usmca;
  };
  const Line lines[] = {
      {"0702000000", 100e6, 50e6},  {"2709001000", 400e6, 100e6}, {"4407130000", 200e6, 0},
      {"7208100015", 300e6, 180e6}, {"8481800000", 100e6, 40e6},  {"8544429090", 50e6, 10e6},
      {"8471500150", 150e6, 135e6}, {"8703230140", 500e6, 400e6}, {"8708295160", 200e6, 140e6},
      {"9801001035", 50e6, 0},      {"7326908688", 50e6, 5e6}};
  std::string imports = "hts10,partner,month,value_usd,usmca_value_usd\n";
  for (const char* month : {"2025-10", "2025-11", "2025-12"}) {
    for (const Line& l : lines) {
      imports += std::string(l.code) + ",CAN," + month + "," + std::to_string(l.value / 3.0) + "," +
                 std::to_string(l.usmca / 3.0) + "\n";
    }
  }
  WriteFile(dir / "us_imports_can_mex_monthly.csv.gz", imports);  // gzopen reads plain text too
  return dir;
}

}  // namespace ricardo::testing
