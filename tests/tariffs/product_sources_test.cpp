// The shipped product data of the all-partner regime against the sources it was built from in
// ../shared/data (PROVENANCE.md): every source row is where the build put it. These tests need
// ../shared; without it they are skipped, and fail where it is required (CI).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

// Rows of a CSV file with a header, as field maps (lines starting with '#' skipped).
std::vector<std::map<std::string, std::string>> ReadCsv(const std::filesystem::path& file) {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  data_internal::ForEachLine(file, [&](long line, std::string_view text) {
    if (text.empty() || text[0] == '#') return;
    auto fields = data_internal::SplitCsv(text, file, line);
    if (header.empty()) {
      header = std::move(fields);
      return;
    }
    std::map<std::string, std::string> row;
    for (std::size_t k = 0; k < header.size() && k < fields.size(); ++k) row[header[k]] = fields[k];
    rows.push_back(std::move(row));
  });
  return rows;
}

std::string Digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

class ProductSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override { products_ = ShippedProductData(); }
  // Whether every code of the universe under `prefix` is in `list` on some day.
  bool AllIn(const std::string& list, const std::string& prefix) const {
    const std::size_t l = products_->FindList(list).value();
    const auto [first, last] = products_->PrefixRange(prefix);
    for (std::size_t c = first; c < last; ++c) {
      if (products_->ListFrom(l, c) == 0) return false;
    }
    return true;
  }
  std::shared_ptr<const ProductData> products_;
};

// The GTAP × group table is the source's, value for value.
TEST_F(ProductSourcesTest, GtapGroupTableIsTheSource) {
  REQUIRE_SHARED_DATA(shared, "");  // test_support.hpp
  const auto rows =
      ReadCsv(shared / "world/trade/us_imports_2024_by_gtap_and_partner_group_usd.csv");
  ASSERT_EQ(rows.size(), products_->gtap_sectors().size());
  for (std::size_t s = 0; s < rows.size(); ++s) {
    EXPECT_EQ(rows[s].at("gtap_code"), products_->gtap_sectors()[s]);
    for (const char* g : {"china", "canada", "mexico", "uk", "japan", "eu", "row", "ftrow"}) {
      EXPECT_EQ(products_->GroupImports2024(g, s), std::stod(rows[s].at(g)))
          << rows[s].at("gtap_code") << " " << g;
    }
  }
}

// Every source HTS10 of Annex II that is in the universe is in ieepa_annex_ii, and every
// universe HTS10 the list holds shares its HTS8 with a source line (D6 widens to HTS8 only).
TEST_F(ProductSourcesTest, AnnexIiCoversTheSourceAtHts8) {
  REQUIRE_SHARED_DATA(shared, "");  // test_support.hpp
  std::set<std::string> source, source8;
  for (const auto& row : ReadCsv(shared / "tariffs/us_measures/ieepa_exempt_products.csv")) {
    source.insert(row.at("hts10"));
    source8.insert(row.at("hts10").substr(0, 8));
  }
  const std::size_t annex = products_->FindList("ieepa_annex_ii").value();
  std::size_t in_universe = 0;
  for (std::size_t c = 0; c < products_->code_count(); ++c) {
    const std::string& code = products_->code(c);
    if (code.size() != 10) continue;
    const bool listed = products_->ListFrom(annex, c) != 0;
    if (source.count(code)) {
      ++in_universe;
      EXPECT_TRUE(listed) << code;
    }
    if (listed) {
      EXPECT_TRUE(source8.count(code.substr(0, 8))) << code;
    }
  }
  EXPECT_GT(in_universe, 3700u);  // of 4,297: the others are suffixes of a later revision
}

// Every Section 301 row is in its list (3_addl in List 3, biden_* in the review lists).
TEST_F(ProductSourcesTest, Section301RowsAreInTheirLists) {
  REQUIRE_SHARED_DATA(shared, "");  // test_support.hpp
  const std::map<std::string, std::string> lists = {{"1", "s301_list1"},
                                                    {"2", "s301_list2"},
                                                    {"3", "s301_list3"},
                                                    {"3_addl", "s301_list3"},
                                                    {"4A", "s301_list4a"},
                                                    {"4B", "s301_list4b"},
                                                    {"biden_25", "s301_review_25"},
                                                    {"biden_25_jan25", "s301_review_25"},
                                                    {"cranes_301", "s301_review_25"},
                                                    {"biden_50", "s301_review_50"},
                                                    {"biden_50_jan25", "s301_review_50"},
                                                    {"biden_100", "s301_review_100"}};
  const std::map<std::string, std::string> jan26 = {{"9903.91.06", "s301_review_25"},
                                                    {"9903.91.07", "s301_review_50"},
                                                    {"9903.91.08", "s301_review_100"}};
  std::size_t rows = 0;
  for (const auto& row : ReadCsv(shared / "world/rates/yale_s301_product_lists.csv")) {
    const std::string& group = row.at("list");
    const std::string list =
        group == "biden_jan26" ? jan26.at(row.at("ch99_code")) : lists.at(group);
    if (products_->PrefixRange(row.at("hts8")).first ==
        products_->PrefixRange(row.at("hts8")).second)
      continue;
    EXPECT_TRUE(AllIn(list, row.at("hts8"))) << group << " " << row.at("hts8");
    ++rows;
  }
  EXPECT_GT(rows, 12000u);
}

// Brazil's exemptions: every product row (not the Chapter 99 cross-references) is in the list.
TEST_F(ProductSourcesTest, BrazilRowsAreInTheList) {
  REQUIRE_SHARED_DATA(shared, "");  // test_support.hpp
  std::size_t rows = 0;
  for (const auto& row : ReadCsv(shared / "world/rates/yale_country_eo_exempt_products.csv")) {
    const std::string code = Digits(row.at("hts10"));
    if (code.compare(0, 2, "99") == 0) continue;
    EXPECT_TRUE(AllIn("ieepa_brazil_exempt", code)) << code;
    ++rows;
  }
  EXPECT_EQ(rows, 947u);
}

// The country table keeps the source's values by Census code (Gaza and West Bank summed).
TEST_F(ProductSourcesTest, CountryImportsAreTheSource) {
  REQUIRE_SHARED_DATA(shared, "");  // test_support.hpp
  std::map<std::string, double> by_code;
  for (const auto& c : products_->countries()) by_code[c.census_code] = c.imports_2024_usd;
  double source_total = 0.0, shipped_total = 0.0;
  for (const auto& row :
       ReadCsv(shared / "world/trade/us_imports_2024_by_country_yale_matched.csv")) {
    const double value = std::stod(row.at("imports_2024_usd"));
    source_total += value;
    const std::string& code = row.at("census_cty_code");
    if (code == "5082" || code == "5083") continue;
    EXPECT_NEAR(by_code[code], value, 1.0) << code;
  }
  for (const auto& c : products_->countries()) shipped_total += c.imports_2024_usd;
  EXPECT_NEAR(shipped_total, source_total, 231.0);  // whole dollars per row
}

}  // namespace
}  // namespace ricardo
