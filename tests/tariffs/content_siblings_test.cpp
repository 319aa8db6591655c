// Metal content of HTS10 lines the content table lacks (ProductData::Content, decision D16 of
// data/tariffs/PROVENANCE.md): such a line takes the mean shares of the known lines of its
// HTS8, else its HS6, else its HS4; only a line whose HS4 has no known line takes the flat 0.5
// (and says so: known = false). On the shipped data this is what keeps the 2025 medicament
// lines of HTS8 30049092 (named by the Section 232 derivative inclusions) from paying 50%.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::MakeTinyProductData;
using testing::ProjectDirectory;
using testing::WriteFile;

// The tiny fixture with more lines around three headings (new lines have no US imports):
//
//   code        content row             HTS8 / HS6 / HS4 siblings with a row
//   8481800000  0.3, 0.2, 0    (fixture)
//   8481800020  0.5, 0,   0.1
//   8481800090  —                        HTS8 84818000: mean of the two above
//   8481800095  —                        HTS8 84818000: the same
//   8481805000  0.1, 0,   0
//   8481809000  —                        no HTS8 sibling; HS6 848180: 8481800000/20, 8481805000
//   7326908688  1,   0,   0    (fixture)
//   7326901000  0.2, 0.1, 0
//   7326905000  —                        no HTS8 sibling; HS6 732690: the two above
//   8544429090  0,   0,   0.8  (fixture)
//   8544110000  —                        no HTS8 or HS6 sibling; HS4 8544: 8544429090
//   0702000000  —                        nothing in HS4 0702: the flat 0.5
std::filesystem::path MakeContentData(const std::string& name) {
  const auto dir = MakeTinyProductData(name);
  WriteFile(dir / "hts_codes.txt",
            "0702000000\n2709001000\n4407130000\n7208100015\n7326901000\n7326905000\n7326908688\n"
            "8471500150\n8481800000\n8481800020\n8481800090\n8481800095\n8481805000\n8481809000\n"
            "8544110000\n8544429090\n8703230140\n8708295160\n9801001035\n");
  WriteFile(
      dir / "metal_content.csv",
      "hts10,steel,aluminum,copper\n7208100015,1,0,0\n7326908688,1,0,0\n7326901000,0.2,0.1,0\n"
      "8481800000,0.3,0.2,0\n8481800020,0.5,0,0.1\n8481805000,0.1,0,0\n8544429090,0,0,0.8\n"
      "8708295160,0.4,0,0\n");
  return dir;
}

class ContentSiblingsTest : public ::testing::Test {
 protected:
  void SetUp() override { products_ = LoadProductData(MakeContentData("content-siblings")); }

  std::size_t Code(const std::string& code) const {
    const auto [first, last] = products_->PrefixRange(code);
    EXPECT_TRUE(first < last && products_->code(first) == code) << "no code " << code;
    return first;
  }
  // Steel, aluminum, copper and metal content, each with its `known` flag checked.
  struct Shares {
    double steel, aluminum, copper, metal;
  };
  Shares Content(const std::string& code, bool expect_known) const {
    const std::size_t c = Code(code);
    Shares s{};
    bool known = !expect_known;
    s.steel = products_->Content(c, ContentBasis::kSteel, &known);
    EXPECT_EQ(known, expect_known) << code << " steel";
    known = !expect_known;
    s.aluminum = products_->Content(c, ContentBasis::kAluminum, &known);
    EXPECT_EQ(known, expect_known) << code << " aluminum";
    known = !expect_known;
    s.copper = products_->Content(c, ContentBasis::kCopper, &known);
    EXPECT_EQ(known, expect_known) << code << " copper";
    known = !expect_known;
    s.metal = products_->Content(c, ContentBasis::kMetal, &known);
    EXPECT_EQ(known, expect_known) << code << " metal";
    return s;
  }

  std::shared_ptr<const ProductData> products_;
};

TEST_F(ContentSiblingsTest, LinesWithARowKeepIt) {
  const Shares s = Content("8481800000", true);
  EXPECT_EQ(s.steel, 0.3);
  EXPECT_EQ(s.aluminum, 0.2);
  EXPECT_EQ(s.copper, 0.0);
  EXPECT_NEAR(s.metal, 0.5, 1e-15);
  EXPECT_EQ(Content("8481805000", true).steel, 0.1);
}

TEST_F(ContentSiblingsTest, ALineWithoutARowTakesItsHts8SiblingsMean) {
  for (const char* code : {"8481800090", "8481800095"}) {
    SCOPED_TRACE(code);
    const Shares s = Content(code, true);
    EXPECT_NEAR(s.steel, (0.3 + 0.5) / 2, 1e-15);
    EXPECT_NEAR(s.aluminum, (0.2 + 0.0) / 2, 1e-15);
    EXPECT_NEAR(s.copper, (0.0 + 0.1) / 2, 1e-15);
    EXPECT_NEAR(s.metal, 0.4 + 0.1 + 0.05, 1e-15);
  }
}

// No HTS8 sibling: the HS6's known lines.
TEST_F(ContentSiblingsTest, WithoutAnHts8SiblingTheHs6sMean) {
  const Shares s = Content("7326905000", true);
  EXPECT_NEAR(s.steel, (1.0 + 0.2) / 2, 1e-15);
  EXPECT_NEAR(s.aluminum, (0.0 + 0.1) / 2, 1e-15);
  EXPECT_EQ(s.copper, 0.0);
  EXPECT_NEAR(s.metal, 0.65, 1e-15);
}

// No HTS8 or HS6 sibling: the HS4's.
TEST_F(ContentSiblingsTest, WithoutAnHs6SiblingTheHs4sMean) {
  const Shares s = Content("8544110000", true);
  EXPECT_EQ(s.steel, 0.0);
  EXPECT_EQ(s.aluminum, 0.0);
  EXPECT_EQ(s.copper, 0.8);
  EXPECT_EQ(s.metal, 0.8);
}

// Nothing known in the HS4: the flat 0.5, and known = false (the compile trace notes it).
TEST_F(ContentSiblingsTest, WithNothingKnownInTheHs4TheFlatHalf) {
  const Shares s = Content("0702000000", false);
  EXPECT_EQ(s.steel, 0.5);
  EXPECT_EQ(s.aluminum, 0.5);
  EXPECT_EQ(s.copper, 0.5);
  EXPECT_EQ(s.metal, 0.5);
  // The full value needs no content data.
  bool known = false;
  EXPECT_EQ(products_->Content(Code("0702000000"), ContentBasis::kFullValue, &known), 1.0);
  EXPECT_TRUE(known);
}

// D16 speaks of the mean of the HS6's *known* lines; a line given its HTS8's mean a step earlier
// is not a known line. Here HS6 848180 has known lines 8481800000 (0.3), 8481800020 (0.5) and
// 8481805000 (0.1): 8481809000 should get 0.3, not the 0.34 it gets when 8481800090 and
// 8481800095 (0.4 each, filled from their HTS8) count as known.
// DISABLED: FillContentFromSiblings (src/tariffs/product_data.cpp) sums every non-NaN line in
// the HS6 and HS4 passes, including those the earlier passes filled, so an HTS8 with many
// unlisted lines weighs more (on the shipped data 45 lines differ, by at most 0.0003). Enable
// once the code or D16's wording is settled.
TEST_F(ContentSiblingsTest, FilledLinesDoNotCountAsKnownSiblings) {
  const Shares s = Content("8481809000", true);
  EXPECT_NEAR(s.steel, (0.3 + 0.5 + 0.1) / 3, 1e-15);
  EXPECT_NEAR(s.aluminum, 0.2 / 3, 1e-15);
  EXPECT_NEAR(s.copper, 0.1 / 3, 1e-15);
}

// A compile charging steel content on a line without a row: the sibling's share, and no note
// about the flat 0.5; on a line with nothing known in its HS4: 0.5 and the note.
TEST_F(ContentSiblingsTest, CompilesChargeTheSiblingsShareAndNoteTheFallback) {
  const Scenario s = ParseScenario(R"(
name = "content-test"
date = 2025-12-01
[[measures]]
id = "steel-content"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["0702", "8481"] }
rate = 0.5
content = "steel"
)",
                                   "test.toml", *products_);
  CompileOptions options;
  options.products = products_;
  const CompiledScenario c = CompileScenario(s, testing::MakeSyntheticNorthAmerica(false), options);
  double tomatoes = -1.0, valves = -1.0;
  for (const ProductTrace& p : c.trace.products) {
    if (p.hts10 == "0702000000") tomatoes = p.rate;
    if (p.hts10 == "8481800000") valves = p.rate;
  }
  EXPECT_NEAR(tomatoes, 0.5 * 0.5, 1e-15);
  EXPECT_NEAR(valves, 0.5 * 0.3, 1e-15);
  const std::string note =
      "steel-content: some products have no metal-content data; a content share of 0.5 was used "
      "for them (the "
      "Yale tracker's flat share)";
  EXPECT_NE(std::find(c.trace.notes.begin(), c.trace.notes.end(), note), c.trace.notes.end());
}

// The line D16 was written for: 3004.90.92.36, a medicament line of the 2025 schedule that the
// content table lacks, takes its HTS8 siblings' shares (0.12% steel), far below the flat 0.5.
TEST(ShippedContentSiblings, MedicamentLineTakesItsSiblingsShares) {
  {
    std::ifstream table(ProjectDirectory() / "data/tariffs/metal_content.csv");
    ASSERT_TRUE(table.good());
    std::string line;
    while (std::getline(table, line))
      ASSERT_NE(line.rfind("3004909236,", 0), 0u) << "the line has a row now";
  }
  const auto products = ShippedProductData();
  const auto [first, last] = products->PrefixRange("3004909236");
  ASSERT_LT(first, last);
  ASSERT_EQ(products->code(first), "3004909236");
  bool known = false;
  const double steel = products->Content(first, ContentBasis::kSteel, &known);
  EXPECT_TRUE(known);
  EXPECT_LT(steel, 0.01);
  EXPECT_NEAR(steel, 0.0012, 1e-12);
  EXPECT_NEAR(products->Content(first, ContentBasis::kAluminum, &known), 0.0005, 1e-12);
  EXPECT_LT(products->Content(first, ContentBasis::kMetal, &known), 0.01);
}

}  // namespace
}  // namespace ricardo
