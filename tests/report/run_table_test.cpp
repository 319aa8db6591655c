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
  if (const char* update = std::getenv("RICARDO_UPDATE_GOLDEN"); update && std::string(update) == "1") {
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

}  // namespace
}  // namespace ricardo::testing
