// The tidy CSV files: documented columns, long format, values that agree with the outcomes.
#include <fstream>
#include <map>
#include <sstream>

#include "gtest/gtest.h"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"

namespace ricardo::testing {
namespace {

std::vector<std::vector<std::string>> ReadCsv(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.push_back("");
    rows.push_back(cells);
  }
  return rows;
}

std::string Join(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + cells[k];
  return out;
}

TEST(RunCsv, EveryFileAndColumnIsDocumented) {
  const auto dir = MakeTempDirectory("csv");
  const auto files = WriteRunCsv(SmallRun(true), dir);
  ASSERT_EQ(files.size(), 11u);
  std::ifstream in(ProjectDirectory() / "docs" / "reports.md");
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  for (const auto& file : files) {
    const auto rows = ReadCsv(file);
    ASSERT_FALSE(rows.empty()) << file;
    EXPECT_NE(doc.find("### `" + file.filename().string() + "`"), std::string::npos) << file;
    EXPECT_NE(doc.find("Columns: `" + Join(rows[0]) + "`"), std::string::npos)
        << file << " header " << Join(rows[0]) << " is not in docs/reports.md";
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << file << ": " << Join(row);
  }
}

TEST(RunCsv, LongFormatValuesAgreeWithTheOutcomes) {
  const RunResult run = SmallRun(true);
  const auto dir = MakeTempDirectory("csv");
  WriteRunCsv(run, dir);
  const std::size_t N = 4, J = 3;
  // One row per region and indicator.
  const auto changes = ReadCsv(dir / "country_changes.csv");
  EXPECT_EQ(changes.size(), 1 + N * 13);
  std::map<std::string, double> welfare;
  for (const auto& row : changes)
    if (row[2] == "welfare_exact") welfare[row[1]] = std::stod(row[3]);
  for (std::size_t n = 0; n < N; ++n) {
    const auto& c = run.outcomes.countries[n];
    EXPECT_DOUBLE_EQ(welfare[c.code], 100.0 * c.welfare_exact) << c.code;  // full precision
  }
  // Trade: per pair, the sector rows add up to the `_all` row; money in US$ (money unit 1e9).
  const auto trade = ReadCsv(dir / "trade.csv");
  EXPECT_EQ(trade.size(), 1 + N * (N - 1) * (J + 1) * 2);
  std::map<std::string, double> total, by_sector;
  for (std::size_t r = 1; r < trade.size(); ++r) {
    const std::string key = trade[r][1] + trade[r][2] + trade[r][4];
    (trade[r][3] == "_all" ? total : by_sector)[key] += std::stod(trade[r][5]);
  }
  for (const auto& [key, value] : total) EXPECT_NEAR(value, by_sector[key], 1e-6 * value) << key;
  EXPECT_NEAR(total["USACANbase"], 1e9 * run.outcomes.BilateralImportsBase(0, 1), 1e-3);
  // Decomposition by partner sums to the ToT effect.
  double tot = 0.0;
  for (const auto& row : ReadCsv(dir / "welfare_decomposition.csv"))
    if (row[1] == "CAN" && row[3] == "_all" && row[4] == "tot") tot += std::stod(row[5]);
  EXPECT_NEAR(tot, 100.0 * run.outcomes.countries[1].welfare_tot, 1e-12);
}

// imports_by_partner*.csv: the outcome's numbers, in its order, in US$ and percent.
TEST(RunCsv, ImportsByPartnerFollowTheOutcome) {
  const RunResult run = SmallWorldRun();
  const auto dir = MakeTempDirectory("csv");
  WriteRunCsv(run, dir);
  const std::size_t N = 12;
  const auto levels = ReadCsv(dir / "imports_by_partner.csv");
  const auto changes = ReadCsv(dir / "imports_by_partner_changes.csv");
  ASSERT_EQ(levels.size(), 1 + N * N * 2);  // per importer: 11 partners and the total, 2 states
  ASSERT_EQ(changes.size(), 1 + N * N);
  const Baseline& b = run.baseline;
  std::size_t row = 1;
  for (std::size_t n = 0; n < N; ++n) {
    const ImportsByPartner& m = run.outcomes.imports_by_partner[n];
    double shares[2] = {0.0, 0.0}, change_pp = 0.0;
    for (const PartnerImports& p : m.partners) {
      const auto& base = levels[2 * row - 1];
      const auto& now = levels[2 * row];
      const auto& change = changes[row];
      EXPECT_EQ(Join(base), "test-world-tariffs," + b.regions[n].code + "," +
                                b.regions[p.exporter].code + ",base," + base[4] + "," + base[5]);
      EXPECT_EQ(now[3], "counterfactual");
      EXPECT_EQ(change[2], b.regions[p.exporter].code);
      EXPECT_DOUBLE_EQ(std::stod(base[4]), 1e9 * p.imports_base);  // money unit: US$ billion
      EXPECT_DOUBLE_EQ(std::stod(now[4]), 1e9 * p.imports_new);
      EXPECT_DOUBLE_EQ(std::stod(base[5]), 100.0 * p.share_base);
      EXPECT_DOUBLE_EQ(std::stod(now[5]), 100.0 * p.share_new);
      EXPECT_DOUBLE_EQ(std::stod(change[3]), 100.0 * (p.imports_new / p.imports_base - 1.0));
      EXPECT_DOUBLE_EQ(std::stod(change[4]), 100.0 * p.share_change());
      shares[0] += std::stod(base[5]);
      shares[1] += std::stod(now[5]);
      change_pp += std::stod(change[4]);
      ++row;
    }
    EXPECT_NEAR(shares[0], 100.0, 1e-10);
    EXPECT_NEAR(shares[1], 100.0, 1e-10);
    EXPECT_NEAR(change_pp, 0.0, 1e-10);
    EXPECT_EQ(Join(levels[2 * row - 1]), "test-world-tariffs," + b.regions[n].code + ",_all,base," +
                                             levels[2 * row - 1][4] + ",100");
    EXPECT_DOUBLE_EQ(std::stod(levels[2 * row][4]), 1e9 * m.imports_new);
    EXPECT_EQ(changes[row][4], "0");
    ++row;
  }
}

TEST(RunCsv, UndefinedChangesAreEmpty) {
  RunResult run = SmallRun(false);
  run.outcomes.countries[3].tariff_revenue_base = 0.0;  // a region that collected nothing
  const auto dir = MakeTempDirectory("csv");
  WriteRunCsv(run, dir);
  bool found = false;
  for (const auto& row : ReadCsv(dir / "country_changes.csv"))
    if (row[1] == "ROW" && row[2] == "tariff_revenue") {
      found = true;
      EXPECT_EQ(row[3], "");
    }
  EXPECT_TRUE(found);
}

// An output that cannot be written is an output error (exit 73), never a usage error.
TEST(RunCsv, UnwritableDirectoryIsAnOutputError) {
  const auto dir = MakeTempDirectory("csv");
  std::ofstream(dir / "file") << "x";
  try {
    WriteRunCsv(SmallRun(false), dir / "file" / "sub");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()).rfind(
                  (dir / "file" / "sub").string() + ": cannot create the folder: ", 0),
              0u)
        << e.what();
  }
}

}  // namespace
}  // namespace ricardo::testing
