// The shipped product data (data/tariffs/) keeps the five decisions its PROVENANCE.md records
// (D1–D5): each is checked here on the data as shipped, so that rebuilding the lists with
// data/tariffs/build_product_data.py cannot silently undo one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"

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
  for (std::size_t c = first; c < last; ++c) EXPECT_EQ(products_->Division(c), -1) << products_->code(c);
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

}  // namespace
}  // namespace ricardo
