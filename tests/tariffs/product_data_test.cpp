// The shipped product data (data/tariffs/) keeps the decisions its PROVENANCE.md records
// (D1–D15): each is checked here on the data as shipped, so that rebuilding the lists with
// data/tariffs/build_product_data.py cannot silently undo one. The proxy weights (D12, D13)
// are checked in product_proxy_test.cpp.
#include "tariffs/product_data.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/text_files.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

class ShippedProductDataTest : public ::testing::Test {
 protected:
  void SetUp() override { products_ = ShippedProductData(); }

  std::size_t List(const std::string& name) const {
    const auto list = products_->FindList(name);
    EXPECT_TRUE(list.has_value()) << "no list " << name;
    return list.value_or(0);
  }
  // Codes under `prefix` that belong to `list` on some day.
  std::vector<std::string> Members(const std::string& list, const std::string& prefix) const {
    const std::size_t l = List(list);
    const auto [first, last] = products_->PrefixRange(prefix);
    std::vector<std::string> out;
    for (std::size_t c = first; c < last; ++c) {
      if (products_->ListFrom(l, c) != 0) out.push_back(products_->code(c));
    }
    return out;
  }
  std::size_t CodesUnder(const std::string& prefix) const {
    const auto [first, last] = products_->PrefixRange(prefix);
    return last - first;
  }
  // The one date (yyyymmdd, 1 = always) from which every code under `prefix` is in `list`;
  // 0 if some code under it is not, -1 if the codes disagree.
  std::int32_t From(const std::string& list, const std::string& prefix) const {
    const std::size_t l = List(list);
    const auto [first, last] = products_->PrefixRange(prefix);
    EXPECT_LT(first, last) << "no code under " << prefix;
    std::int32_t from = first < last ? products_->ListFrom(l, first) : 0;
    for (std::size_t c = first; c < last; ++c) {
      if (products_->ListFrom(l, c) != from) return -1;
    }
    return from;
  }
  std::size_t Code(const std::string& code) const {
    const auto [first, last] = products_->PrefixRange(code);
    EXPECT_TRUE(first < last && products_->code(first) == code) << "no code " << code;
    return first;
  }

  std::shared_ptr<const ProductData> products_;
};

// D1: the bare prefix 8471 (computers) is not an auto part, but the list keeps its other lines.
TEST_F(ShippedProductDataTest, D1ComputersAreNotAutoParts) {
  ASSERT_GT(CodesUnder("8471"), 0u);
  EXPECT_TRUE(Members("s232_auto_parts", "8471").empty());
  EXPECT_GT(Members("s232_auto_parts", "").size(), 100u);
}

// D2: propane (2711.12) is not a steel derivative; steel derivatives exist elsewhere.
TEST_F(ShippedProductDataTest, D2PropaneIsNotASteelDerivative) {
  ASSERT_GT(CodesUnder("27111200"), 0u);
  EXPECT_TRUE(Members("s232_steel_derivatives", "27111200").empty());
  EXPECT_GT(Members("s232_steel_derivatives", "").size(), 100u);
}

// D3: electricity (2716) is in the Canadian energy list, so it pays 10% rather than 35%.
TEST_F(ShippedProductDataTest, D3ElectricityIsCanadianEnergy) {
  ASSERT_GT(CodesUnder("2716"), 0u);
  EXPECT_EQ(Members("ieepa_energy_ca", "2716").size(), CodesUnder("2716"));
}

// D4: every HTS 9801 line is a US good returned and maps to no model sector; 9802 is not in it.
TEST_F(ShippedProductDataTest, D4UsGoodsReturnedMapToNoSector) {
  ASSERT_GT(CodesUnder("9801"), 0u);
  EXPECT_EQ(Members("us_goods_returned", "9801").size(), CodesUnder("9801"));
  EXPECT_TRUE(Members("us_goods_returned", "9802").empty());
  const auto [first, last] = products_->PrefixRange("9801");
  for (std::size_t c = first; c < last; ++c)
    EXPECT_EQ(products_->Division(c), -1) << products_->code(c);
}

// D5: the April 2026 annexes are disjoint; copper mattes to scrap (7401–7404) are in none; the
// bare 8471 is not in Annex I-B; every HTS10 line of chapters 72, 73 and 76 falls in some annex
// (the annexes are written as HTS10 lists; the HTS8 headings of the universe carry no imports).
TEST_F(ShippedProductDataTest, D5MetalsAnnexesAreDisjoint) {
  const std::vector<std::string> annexes = {"s232_annex_1a", "s232_annex_1b", "s232_annex_2",
                                            "s232_annex_3"};
  std::vector<std::size_t> lists;
  for (const auto& a : annexes) lists.push_back(List(a));
  for (std::size_t c = 0; c < products_->code_count(); ++c) {
    int in = 0;
    for (std::size_t l : lists) in += products_->ListFrom(l, c) != 0 ? 1 : 0;
    ASSERT_LE(in, 1) << products_->code(c) << " is in " << in << " annexes";
  }
  for (const char* copper : {"7401", "7402", "7403", "7404"}) {
    for (const auto& a : annexes) EXPECT_TRUE(Members(a, copper).empty()) << a << " " << copper;
  }
  EXPECT_TRUE(Members("s232_annex_1b", "8471").empty());
  for (const char* chapter : {"72", "73", "76"}) {
    std::size_t covered = 0, lines = 0;
    for (const auto& a : annexes) covered += Members(a, chapter).size();
    const auto [first, last] = products_->PrefixRange(chapter);
    for (std::size_t c = first; c < last; ++c) lines += products_->code(c).size() == 10 ? 1 : 0;
    EXPECT_GT(lines, 50u);
    EXPECT_EQ(covered, lines) << "chapter " << chapter;
  }
}

// D6: Annex II is an HTS8 list, so the statistical suffixes the import data hold from other
// revisions are exempt too (coffee 0901.11.00.45 is in no revision the source expanded); the
// agricultural products added by the order of 2025-11-14 count from 2025-11-13, the rest
// always; India's 9903.01.86 exempts the same subheadings from 2025-08-27.
TEST_F(ShippedProductDataTest, D6AnnexIiDatesAndIndia) {
  EXPECT_EQ(From("ieepa_annex_ii", "09011100"), 20251113);  // coffee, incl. 0901110045
  EXPECT_EQ(From("ieepa_annex_ii", "020130"), 20251113);    // boneless beef
  EXPECT_EQ(From("ieepa_annex_ii", "30049092"), 1);         // medicaments: April 2025 annex
  EXPECT_EQ(From("ieepa_annex_ii", "8471"), 1);             // computers (ITA)
  EXPECT_EQ(products_->ListFrom(List("ieepa_annex_ii"), Code("6109100004")), 0);  // T-shirts pay
  const std::size_t annex = List("ieepa_annex_ii"), india = List("ieepa_india_exempt");
  std::size_t late = 0;
  for (std::size_t c = 0; c < products_->code_count(); ++c) {
    const std::int32_t a = products_->ListFrom(annex, c);
    ASSERT_EQ(products_->ListFrom(india, c), a == 0 ? 0 : std::max(a, 20250827))
        << products_->code(c);
    late += a == 20251113 ? 1 : 0;
  }
  EXPECT_GT(late, 500u);  // the 237 agricultural HTS8 with their suffixes
}

// D7: MFN rates as the schedule writes them, checked by hand against column 1 of
// hts_2025_revision_25.csv; HTS10 lines share their HTS8's rate.
TEST_F(ShippedProductDataTest, D7MfnRatesMatchTheSchedule) {
  using Form = ProductData::MfnForm;
  struct Case {
    const char* code;
    double rate;
    Form form;
    const char* text;
  };
  const Case cases[] = {
      {"0101300000", 0.068, Form::kAdValorem, "6.8%"},    // asses
      {"8703230140", 0.025, Form::kAdValorem, "2.5%"},    // cars, 1.5–3 litres (HTS8 8703.23.01)
      {"6109100004", 0.165, Form::kAdValorem, "16.5%"},   // cotton T-shirts (HTS8 6109.10.00)
      {"7208101500", 0.0, Form::kFree, "Free"},           // hot-rolled coils, pickled
      {"0901110025", 0.0, Form::kFree, "Free"},           // coffee
      {"2709001000", 0.0, Form::kSpecific, "5.25¢/bbl"},  // light crude
      {"0406100800", 0.0, Form::kSpecific, "$1.509/kg"},  // fresh cheese
      {"0402999000", 0.149, Form::kCompound, "46.3¢/kg + 14.9%"},  // milk, concentrated
      {"9801001035", 0.0, Form::kFree, "Free"},                    // US goods returned
  };
  for (const Case& k : cases) {
    const std::size_t c = Code(k.code);
    EXPECT_DOUBLE_EQ(products_->MfnRate(c), k.rate) << k.code;
    EXPECT_EQ(products_->MfnRateForm(c), k.form) << k.code;
    EXPECT_EQ(products_->MfnText(c), k.text) << k.code;
    EXPECT_EQ(products_->MfnRateExact(c), k.form == Form::kFree || k.form == Form::kAdValorem)
        << k.code;
  }
  // A watch: percentages on parts of the value (case, strap, battery) are not a rate on the whole.
  const std::size_t watch = Code("91021110");
  EXPECT_EQ(products_->MfnRateForm(watch), Form::kOther);
  EXPECT_DOUBLE_EQ(products_->MfnRate(watch), 0.0);
  // Every line imported from Canada or Mexico has a known rate but a few that left the schedule.
  std::size_t imported = 0, unknown = 0;
  for (std::size_t m = 0; m < products_->months().size(); ++m) {
    for (auto partner : {ProductData::kCanada, ProductData::kMexico}) {
      for (const auto& line : products_->Imports(partner, m)) {
        ++imported;
        unknown += products_->MfnRateForm(line.code) == Form::kUnknown ? 1 : 0;
      }
    }
  }
  EXPECT_LT(static_cast<double>(unknown), 0.01 * static_cast<double>(imported));
}

// D8: List 3 takes the 9903.88.04 lines (same 25%); 4B ships though suspended; the review
// increases are one list per rate, each line dated by its heading.
TEST_F(ShippedProductDataTest, D8Section301Lists) {
  EXPECT_EQ(From("s301_list3", "94016140"), 1);  // a 9903.88.04 line
  EXPECT_EQ(From("s301_list3", "85176200"), 1);
  EXPECT_GT(Members("s301_list4b", "").size(), 1000u);
  EXPECT_EQ(From("s301_review_100", "870380"), 20240927);    // electric vehicles
  EXPECT_EQ(From("s301_review_50", "85414200"), 20240927);   // solar cells
  EXPECT_EQ(From("s301_review_50", "85423100"), 20250101);   // processors
  EXPECT_EQ(From("s301_review_25", "81019400"), 20250101);   // tungsten
  EXPECT_EQ(From("s301_review_25", "25041010"), 20260101);   // natural graphite
  EXPECT_EQ(From("s301_review_25", "85076000"), 20260101);   // lithium-ion batteries (9903.91.06)
  EXPECT_EQ(From("s301_review_100", "40151210"), 20260101);  // medical gloves
  for (const char* list : {"s301_list1", "s301_list2", "s301_list4a"})
    EXPECT_GT(Members(list, "").size(), 200u);
}

// D9: the 15%-floor exemptions, by partner group and date.
TEST_F(ShippedProductDataTest, D9FloorExemptionDates) {
  EXPECT_EQ(From("floor_exempt_eu", "88024001"), 20250901);  // airplanes (civil aircraft)
  EXPECT_EQ(From("floor_exempt_eu", "33012951"), 20250901);  // the "particular" article
  EXPECT_EQ(From("floor_exempt_swiss", "88024001"), 20251114);
  EXPECT_EQ(From("floor_exempt_korea", "88024001"), 20251114);
  EXPECT_EQ(From("floor_exempt_korea", "45049000"), 20251114);  // Korea's one extra aircraft line
  EXPECT_TRUE(Members("floor_exempt_korea", "30").empty());     // no pharma for Korea in the source
  EXPECT_GT(Members("floor_exempt_swiss", "30").size(), 100u);  // Swiss generic pharma
}

// D10: Japan's civil-aircraft exemption takes the EU/Korea/Swiss aircraft set (the source's
// eight Japan rows are steel shapes, rails and 9802.00.60), from 2025-09-16; the same set is
// the list civil_aircraft.
TEST_F(ShippedProductDataTest, D10JapanCivilAircraft) {
  EXPECT_TRUE(Members("floor_exempt_japan", "7216").empty());
  EXPECT_TRUE(Members("floor_exempt_japan", "7302").empty());
  EXPECT_EQ(From("floor_exempt_japan", "88024001"), 20250916);
  EXPECT_EQ(From("civil_aircraft", "88024001"), 1);
  EXPECT_EQ(Members("floor_exempt_japan", ""), Members("civil_aircraft", ""));
  EXPECT_TRUE(Members("civil_aircraft", "45049000").empty());  // only Korea lists cork
}

// D11: Brazil's exemptions from 9903.01.77 with their start dates; no Chapter 99 cross-reference
// is a product; no list has an end date.
TEST_F(ShippedProductDataTest, D11BrazilExemptions) {
  EXPECT_EQ(From("ieepa_brazil_exempt", "20091100"), 20250806);  // orange juice, EO 14323
  EXPECT_EQ(From("ieepa_brazil_exempt", "09011100"), 20251113);  // coffee, order of 2025-11-20
  EXPECT_TRUE(Members("ieepa_brazil_exempt", "99").empty());
  EXPECT_EQ(Members("s201_solar", "").size(), 3u);
  EXPECT_EQ(From("s201_solar", "8541430080"), 1);
}

// D14: the per-country reciprocal rates shipped for the scenario writers carry the corrected
// Census codes of Côte d'Ivoire (7480, not Tunisia's 7230) and Myanmar (5460).
TEST_F(ShippedProductDataTest, D14ReciprocalRatesTable) {
  std::map<std::string, std::vector<std::string>> rows;  // ch99_code → fields
  data_internal::ForEachLine(
      products_->directory() / "us_reciprocal_rates_by_country.csv",
      [&](long line, std::string_view text) {
        if (line == 1)
          return detail::ExpectHeader(
              text, "iso3,census_code,country,ch99_code,rate,rate_type,phase,terminated,note",
              products_->directory() / "us_reciprocal_rates_by_country.csv");
        auto fields = data_internal::SplitCsv(
            text, products_->directory() / "us_reciprocal_rates_by_country.csv", line);
        ASSERT_EQ(fields.size(), 9u) << line;
        if (fields[0] != "FIN")
          rows[fields[3] + " " + fields[0]] = fields;  // EU rows repeat per member
      });
  EXPECT_EQ(rows["9903.02.15 CIV"][1], "7480");
  EXPECT_EQ(rows["9903.02.63 TUN"][1], "7230");
  EXPECT_EQ(rows["9903.02.43 MMR"][1], "5460");
  EXPECT_EQ(rows["9903.02.69 VNM"][4], "0.2");
  EXPECT_EQ(rows["9903.02.58 CHE"][4], "0.39");
  EXPECT_EQ(rows["9903.02.30 JPN"][7], "true");  // replaced by the floor
  EXPECT_EQ(rows["9903.02.20 DEU"][5], "floor");
  EXPECT_EQ(rows["9903.01.77 BRA"][4], "0.4");
}

// D15: no goods line maps to a services division; the lines the concordance put there are
// moved on purpose (film to 22, artworks to 36) and electricity stays in 40, also on purpose.
TEST_F(ShippedProductDataTest, D15GoodsMapToGoodsDivisions) {
  for (std::size_t c = 0; c < products_->code_count(); ++c) {
    const int d = products_->Division(c);
    if (products_->code(c).compare(0, 4, "2716") == 0) continue;
    EXPECT_TRUE(d == -1 || (d >= 1 && d <= 37)) << products_->code(c) << " → " << d;
    if (products_->code(c).compare(0, 2, "98") != 0) {
      EXPECT_NE(d, -1) << products_->code(c);
    }
  }
  EXPECT_EQ(products_->Division(Code("2716000000")), 40);
  EXPECT_STREQ(products_->DivisionSource(Code("2716000000")), "override");
  for (const char* film : {"3704", "3705", "3706", "4906"}) {
    const auto [first, last] = products_->PrefixRange(film);
    ASSERT_LT(first, last) << film;
    for (std::size_t c = first; c < last; ++c)
      EXPECT_EQ(products_->Division(c), 22) << products_->code(c);
  }
  for (const char* art : {"9701", "9702", "9703", "9704", "9705", "9706", "0501"}) {
    const auto [first, last] = products_->PrefixRange(art);
    ASSERT_LT(first, last) << art;
    for (std::size_t c = first; c < last; ++c)
      EXPECT_EQ(products_->Division(c), 36) << products_->code(c);
  }
  EXPECT_EQ(products_->Division(Code("2844500000")), 23);
}

}  // namespace
}  // namespace ricardo
