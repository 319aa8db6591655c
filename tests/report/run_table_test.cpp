// The terminal table of one run: golden text and Markdown on a small baseline, and its parts.
#include <fstream>
#include <regex>
#include <sstream>

#include "gtest/gtest.h"
#include "report/text_table.hpp"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"

namespace ricardo::testing {
namespace {

std::filesystem::path GoldenFile(const std::string& name) {
  return ProjectDirectory() / "tests" / "report" / "golden" / name;
}

// The solver line carries timings and iteration counts that are not the table's business.
std::string MaskSolverLine(std::string text) {
  return std::regex_replace(text, std::regex("Solver: ([a-z]+) .*"), "Solver: $1 <details>");
}

// Compares with the golden file; RICARDO_UPDATE_GOLDEN=1 rewrites it instead.
void ExpectGolden(const std::string& name, const std::string& actual) {
  const auto file = GoldenFile(name);
  if (const char* update = std::getenv("RICARDO_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(file, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << file;
  }
  std::ifstream in(file, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << file << " (run with RICARDO_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << "golden file " << file;
}

TEST(RunTable, GoldenText) {
  const RunResult run = SmallRun(false);
  ASSERT_TRUE(run.solution.summary.IsConverged()) << run.solution.summary.FullReport();
  ExpectGolden("run_table.txt", MaskSolverLine(FormatRunTable(run)));
}

TEST(RunTable, GoldenMarkdown) {
  const RunResult run = SmallRun(true);
  TableOptions options;
  options.format = TableFormat::kMarkdown;
  options.top_sectors = 4;
  ExpectGolden("run_table_retaliation.md", MaskSolverLine(FormatRunTable(run, options)));
}

// The lines of the table titled `title` (up to the blank line that ends it), header included.
std::vector<std::string> TableLines(const std::string& text, const std::string& title) {
  std::vector<std::string> lines;
  const std::size_t start = text.find(title);
  if (start == std::string::npos) return lines;
  std::istringstream in(text.substr(start));
  std::string line;
  std::getline(in, line);  // the title
  while (std::getline(in, line) && !line.empty()) lines.push_back(line);
  return lines;
}

std::string FirstCell(const std::string& line) {
  return line.substr(0, line.find("  "));
}

TEST(RunTable, TwelveRegionsEveryRegionAndEveryPartner) {
  const RunResult run = SmallWorldRun();
  ASSERT_TRUE(run.solution.summary.IsConverged()) << run.solution.summary.FullReport();
  const std::string text = FormatRunTable(run);
  const Baseline& b = run.baseline;
  EXPECT_NE(text.find("12 regions × 3 sectors"), std::string::npos) << text;

  const auto countries = TableLines(text, "Outcomes by country");
  ASSERT_EQ(countries.size(), 1 + 12u + 1u) << text;  // header, regions, note
  for (std::size_t n = 0; n < 12; ++n) EXPECT_EQ(FirstCell(countries[1 + n]), b.regions[n].code);
  EXPECT_EQ(countries.back().rfind("Added tariff on goods, %: the scenario's", 0), 0u);
  // Welfare in money: every region too, then the note with the US explanation.
  const auto money = TableLines(text, "Welfare and tariff revenue in money");
  ASSERT_EQ(money.size(), 1 + 12u + 1u) << text;
  for (std::size_t n = 0; n < 12; ++n) EXPECT_EQ(FirstCell(money[1 + n]), b.regions[n].code);
  EXPECT_NE(money.back().find("USA: welfare"), std::string::npos) << money.back();

  // Right after the countries: US imports by partner, in the outcome's order, then the total.
  const std::size_t countries_at = text.find("Outcomes by country");
  const std::size_t partners_at = text.find("Imports of USA by partner");
  const std::size_t trade_at = text.find("Trade among USA, CAN and MEX");
  ASSERT_NE(partners_at, std::string::npos) << text;
  EXPECT_LT(countries_at, partners_at);
  EXPECT_LT(partners_at, trade_at);
  auto partners = TableLines(text, "Imports of USA by partner");
  ASSERT_EQ(partners.size(), 1 + 11u + 1u + 1u) << text;  // header, partners, total, note
  EXPECT_EQ(partners.back().rfind("Share: of USA's imports", 0), 0u) << partners.back();
  partners.pop_back();
  const auto& us = run.outcomes.imports_by_partner[*b.FindRegion("USA")].partners;
  for (std::size_t k = 0; k < 11; ++k)
    EXPECT_EQ(FirstCell(partners[1 + k]), b.regions[us[k].exporter].code) << partners[1 + k];
  EXPECT_EQ(FirstCell(partners.back()), "All partners");
  EXPECT_NE(partners.back().find("100.00  100.00"), std::string::npos) << partners.back();

  // The North American table keeps its three, among twelve.
  EXPECT_EQ(TableLines(text, "Trade among USA, CAN and MEX").size(), 1 + 6u) << text;
  EXPECT_NE(text.find("Largest changes in gross output, all regions (up to 10 sectors)"),
            std::string::npos)
      << text;
}

TEST(RunTable, ImportsByPartnerForTheImportersAsked) {
  const RunResult run = SmallWorldRun();
  TableOptions options;
  options.imports_by_partner_regions = {"CHN", "CAN"};
  const std::string text = FormatRunTable(run, options);
  EXPECT_EQ(text.find("Imports of USA by partner"), std::string::npos);
  const std::size_t chn = text.find("Imports of CHN by partner");
  ASSERT_NE(chn, std::string::npos);
  EXPECT_LT(chn, text.find("Imports of CAN by partner"));
  options.imports_by_partner_regions = {"CNH"};
  try {
    FormatRunTable(run, options);
    FAIL() << "an unknown importer must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kArgument);
    EXPECT_NE(std::string(e.what()).find("unknown importer 'CNH' in baseline 'small-world-test'"),
              std::string::npos)
        << e.what();
  }
}

TEST(RunTable, WithoutTheUsThereIsNoImportsTableAndTradeCoversEveryRegion) {
  RunResult run = SmallRun(false);
  run.baseline.regions[0].code = "XUS";
  run.outcomes.countries[0].code = "XUS";
  const std::string text = FormatRunTable(run);
  EXPECT_EQ(text.find("by partner"), std::string::npos) << text;
  EXPECT_NE(text.find("Trade among XUS, CAN, MEX and ROW"), std::string::npos) << text;
  EXPECT_EQ(TableLines(text, "Trade among").size(), 1 + 12u);
}

}  // namespace
}  // namespace ricardo::testing
