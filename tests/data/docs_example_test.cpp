// The worked example of docs/baseline-format.md (docs/examples/tiny-baseline) stays true: the
// package is valid, reads back exactly after writing, is an equilibrium as the document says,
// and the document quotes its files and the check output verbatim — so the documentation
// cannot rot.
#include <sstream>

#include "gtest/gtest.h"
#include "package_fixture.hpp"
#include "ricardo/package.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

std::filesystem::path ExampleDirectory() {
  return testing::ProjectDirectory() / "docs" / "examples" / "tiny-baseline";
}

std::string Document() {
  return testing::ReadText(testing::ProjectDirectory() / "docs" / "baseline-format.md");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(DocsExample, IsAValidPackageWithoutWarnings) {
  const ValidationReport report = CheckPackage(ExampleDirectory());
  EXPECT_TRUE(report.ok()) << report.errors.front().ToString();
  EXPECT_TRUE(report.warnings.empty()) << report.warnings.front().ToString();
  const auto result = testing::RunCli("data check " + ExampleDirectory().string());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, ExampleDirectory().string() + ": ok (0 warning(s))\n");
}

TEST(DocsExample, DerivesWhatTheDocumentSays) {
  const Baseline b = ReadPackage(ExampleDirectory());
  ASSERT_EQ(b.region_count(), 2u);
  ASSERT_EQ(b.sector_count(), 2u);
  EXPECT_EQ(b.manifest.MoneyUnitLabel(), "US$ billion");
  EXPECT_EQ(b.sectors[1].theta, 8.22);  // non-tradable, no theta given: the authors' value
  const std::size_t nth = *b.FindRegion("NTH"), sth = *b.FindRegion("STH");
  const std::size_t goods = *b.FindSector("goods");
  EXPECT_EQ(GrossOutput(b)(nth, goods), 90.0);
  EXPECT_EQ(ValueAdded(b)[nth], 96.0);
  EXPECT_EQ(TariffRevenue(b)[nth], 2.0);
  EXPECT_EQ(TradeSurplus(b)[nth], -10.0);
  EXPECT_DOUBLE_EQ(NationalIncome(b)[nth], 108.0);
  EXPECT_DOUBLE_EQ(NationalIncome(b)[sth], 129.5);
  // final_demand.csv is absent: α from the expenditure identity (the document's table).
  EXPECT_NEAR(b.final_demand_share(nth, goods), 63.0 / 108.0, 1e-15);
  EXPECT_NEAR(b.final_demand_share(sth, goods), 60.3 / 129.5, 1e-15);
}

TEST(DocsExample, WriteThenReadIsExact) {
  const Baseline b = ReadPackage(ExampleDirectory());
  const auto dir = testing::MakeTempDirectory("written");
  WritePackage(b, dir);
  // The writer states every table, the derived ones included.
  EXPECT_TRUE(std::filesystem::exists(dir / "final_demand.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir / "surplus.csv"));
  const Baseline read = ReadPackage(dir);
  EXPECT_TRUE(read == b) << "the written example does not read back exactly";
  const auto again = testing::MakeTempDirectory("again");
  WritePackage(read, again);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto name = entry.path().filename();
    EXPECT_EQ(testing::ReadText(entry.path()), testing::ReadText(again / name)) << name;
  }
}

TEST(DocsExample, IsAnEquilibrium) {
  // The document says a zero shock changes nothing on the example, uncalibrated as it is.
  const Baseline b = ReadPackage(ExampleDirectory());
  const Solution s = Solve(b, Shock::None(b));
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
}

TEST(DocsExample, TheDocumentQuotesEveryFileVerbatim) {
  const std::string doc = Document();
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ExampleDirectory())) {
    ++files;
    const std::string text = testing::ReadText(entry.path());
    EXPECT_NE(doc.find(text), std::string::npos)
        << entry.path().filename() << " changed: quote it again in docs/baseline-format.md";
  }
  EXPECT_EQ(files, 7u);  // the manifest and the six required tables
}

TEST(DocsExample, TheDocumentedCheckOutputIsWhatCheckPrints) {
  // The document's example: a tariff written as a percentage and input shares that do not sum
  // to one, both reported by one `ricardo data check`.
  const auto dir = testing::MakeTempDirectory("broken");
  std::filesystem::copy(ExampleDirectory(), dir, std::filesystem::copy_options::recursive);
  testing::ReplaceInFile(dir / "tariffs.csv", "NTH,STH,goods,0.1", "NTH,STH,goods,25");
  testing::ReplaceInFile(dir / "input_output.csv", "STH,services,goods,0.4,",
                         "STH,services,goods,0.3,");
  const auto result = testing::RunCli("data check " + dir.string());
  EXPECT_EQ(result.exit_code, 3);
  const std::vector<std::string> lines = Lines(result.err);
  ASSERT_EQ(lines.size(), 3u) << result.err;
  const std::string doc = Document();
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_NE(doc.find(lines[k] + "\n"), std::string::npos) << "not in the document: " << lines[k];
  }
  EXPECT_EQ(lines[2], dir.string() + ": 2 error(s), 0 warning(s)");
}

TEST(DocsExample, TheDocumentedWarningsAreWhatCheckPrints) {
  const auto dir = testing::MakeTempDirectory("warned");
  std::filesystem::copy(ExampleDirectory(), dir, std::filesystem::copy_options::recursive);
  testing::ReplaceInFile(dir / "manifest.toml", "licence = \"CC0 1.0\"\n", "");
  std::filesystem::copy_file(dir / "regions.csv", dir / "region.csv");
  const auto result = testing::RunCli("data check " + dir.string());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = Lines(result.err);
  ASSERT_EQ(lines.size(), 2u) << result.err;
  const std::string doc = Document();
  for (const auto& line : lines) {
    EXPECT_NE(doc.find(line + "\n"), std::string::npos) << "not in the document: " << line;
  }
}

}  // namespace
}  // namespace ricardo
