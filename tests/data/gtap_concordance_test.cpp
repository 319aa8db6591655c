// The GTAP → WIOD split on the tiny product data of the tariff tests, worked out by hand, and
// the shipped concordance's own properties.
#include "builtin_fixture.hpp"
#include "tariffs/tariff_fixtures.hpp"

namespace ricardo {
namespace {

// Crosswalk lines (tiny product data: CAN imports Oct–Dec 2025):
//   eeq  8481800000 machinery (29) US$ 100e6, 8544429090 electrical (31) US$ 50e6
//   MVH  8703230140 and 8708295160, transport (34); upper case as in the Yale file
//   wht  0702000099, 4407130099: not in the universe, found by their HS6 (agriculture, wood),
//        never imported, so the two lines count equally
//   fmp  7326908688 metals (28) and 1234567890, whose HS6 is unknown: left out
//   NA   9801001035 (chapter 98): no GTAP sector
constexpr const char* kCrosswalk =
    "hs10,hs6_code,gtap_code,description\n"
    "8481800000,848180,eeq,valves\n"
    "8544429090,854442,eeq,\"copper wire, insulated\"\n"
    "8703230140,870323,MVH,cars\n"
    "8708295160,870829,MVH,car parts\n"
    "0702000099,070200,wht,tomatoes (a made-up line)\n"
    "4407130099,440713,wht,lumber (a made-up line)\n"
    "7326908688,732690,fmp,steel articles\n"
    "1234567890,123456,fmp,unknown\n"
    "9801001035,980100,NA,NA\n";

GtapConcordance DeriveTiny(const std::string& crosswalk) {
  const auto dir = testing::MakeTinyProductData("products");
  const auto file = testing::MakeTempDirectory("crosswalk") / "crosswalk.csv";
  testing::WriteText(file, crosswalk);
  return DeriveGtapConcordance({file, dir});
}

std::vector<double> Expected(std::initializer_list<std::pair<const char*, double>> shares) {
  std::vector<double> out(wiod::kIndustries.size(), 0.0);
  for (const auto& [code, share] : shares) {
    for (std::size_t j = 0; j < out.size(); ++j) {
      if (wiod::kIndustries[j].code == code) out[j] = share;
    }
  }
  return out;
}

void ExpectShares(const GtapConcordance& c, const std::string& gtap,
                  const std::vector<double>& expected) {
  const std::vector<double> got = c.SharesOf(gtap);
  for (std::size_t j = 0; j < got.size(); ++j)
    EXPECT_NEAR(got[j], expected[j], 1e-12) << gtap << " " << j;
}

TEST(GtapConcordance, SplitsByImportsThenByLines) {
  const GtapConcordance c = DeriveTiny(kCrosswalk);
  EXPECT_EQ(c.gtap_codes, (std::vector<std::string>{"eeq", "fmp", "mvh", "wht"}));
  EXPECT_EQ(c.weight_months, "2025-10..2025-12");
  ExpectShares(c, "eeq", Expected({{"machinery", 2.0 / 3.0}, {"electrical", 1.0 / 3.0}}));
  ExpectShares(c, "mvh", Expected({{"transport_equipment", 1.0}}));
  ExpectShares(c, "wht", Expected({{"agriculture", 0.5}, {"wood", 0.5}}));
  ExpectShares(c, "fmp", Expected({{"metals", 1.0}}));
  ASSERT_EQ(c.splits.size(), 6u);
  EXPECT_NEAR(c.splits[0].weight_usd, 100e6, 1e-3);  // eeq → machinery
  EXPECT_EQ(c.splits[0].hts10_lines, 1);
  EXPECT_FALSE(c.splits[0].equal_line_weights);
  EXPECT_TRUE(c.splits[4].equal_line_weights);  // wht → agriculture
  ASSERT_EQ(c.notes.size(), 3u);
  EXPECT_EQ(c.notes[0],
            "1 chapter 98/99 lines of the crosswalk have no GTAP sector and are left out");
  EXPECT_EQ(c.notes[1],
            "1 lines map to no WIOD industry (no product-data division): left out, "
            "US$ 0.0 million of 2025 CAN+MEX imports (1234567890)");
  EXPECT_EQ(c.notes[2], "no 2025 CAN+MEX imports in GTAP sector(s) wht: their lines count equally");
  EXPECT_THROW(c.SharesOf("ele"), ArgumentError);
}

TEST(GtapConcordance, CsvReadsBackTheSameShares) {
  const GtapConcordance c = DeriveTiny(kCrosswalk);
  const auto file = testing::MakeTempDirectory("csv") / "gtap_to_wiod35.csv";
  testing::WriteText(file, GtapConcordanceCsv(c));
  const GtapConcordance back = ReadGtapConcordanceCsv(file);
  EXPECT_EQ(back.gtap_codes, c.gtap_codes);
  for (const auto& g : c.gtap_codes) EXPECT_EQ(back.SharesOf(g), c.SharesOf(g)) << g;
  EXPECT_EQ(GtapConcordanceCsv(back), GtapConcordanceCsv(c));
}

TEST(GtapConcordance, MalformedCrosswalkIsLocated) {
  try {
    DeriveTiny(
        "hs10,hs6_code,gtap_code,description\n8481800000,848180,eeq,valves\n84818,848180,eeq,x\n");
    ADD_FAILURE();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "crosswalk.csv:3:1: '84818' is not a ten-digit HTS number (the "
              "crosswalk lists HTS10 lines such as 0101210010)");
  }
  EXPECT_THROW(DeriveGtapConcordance({"/no/such/crosswalk.csv", {}}), NotFoundError);
}

// The shipped concordance: shares of every GTAP code sum to one, every goods line lands in a
// goods industry except electricity, which the product data keep in utilities.
TEST(GtapConcordance, ShippedFileIsConsistent) {
  const GtapConcordance c =
      ReadGtapConcordanceCsv(DataDirectory() / "concordance" / "gtap_to_wiod35.csv");
  EXPECT_EQ(c.gtap_codes.size(), 45u);
  for (const auto& g : c.gtap_codes) {
    const std::vector<double> shares = c.SharesOf(g);
    double total = 0.0;
    for (std::size_t j = 0; j < shares.size(); ++j) {
      total += shares[j];
      if (shares[j] > 0.0 && !wiod::kIndustries[j].goods) {
        EXPECT_EQ(g, "ely") << wiod::kIndustries[j].code;
        EXPECT_EQ(wiod::kIndustries[j].code, "utilities");
      }
    }
    EXPECT_NEAR(total, 1.0, 1e-12) << g;
  }
  // Hand-map differences the docs name (docs/baseline-format.md): medical instruments (omf)
  // and domestic appliances (eeq) follow ISIC Rev.3.
  EXPECT_GT(c.SharesOf("omf")[13], 0.3);   // electrical (c14)
  EXPECT_GT(c.SharesOf("eeq")[12], 0.05);  // machinery (c13)
}

}  // namespace
}  // namespace ricardo
