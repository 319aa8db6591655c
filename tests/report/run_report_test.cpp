// WriteRunReport: the files it writes, their tidy CSV columns, and the HTML report with charts.
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"

namespace ricardo::testing {
namespace {

std::string ReadAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RunReport, WritesHtmlWithEveryChartInlined) {
  std::string reason;
  if (!ChartRendererAvailable({}, &reason)) GTEST_SKIP() << reason;
  const RunResult run = SmallRun(true);
  const auto dir = MakeTempDirectory("report");
  const ReportFiles files = WriteRunReport(run, dir);
  ASSERT_TRUE(files.html_skipped_reason.empty()) << files.html_skipped_reason;
  ASSERT_EQ(files.html, dir / "report.html");
  const std::string html = ReadAll(files.html);
  EXPECT_EQ(files.charts.size(), 7u);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "charts" / "import_share_change_usa.svg"));
  for (const auto& svg : files.charts) {
    const std::string name = svg.stem().string();
    EXPECT_NE(html.find("id=\"chart-" + name + "\""), std::string::npos) << name;
    const std::string content = ReadAll(svg);
    EXPECT_NE(content.find("<svg"), std::string::npos) << svg;
    EXPECT_TRUE(std::filesystem::is_regular_file(dir / "charts" / (name + ".vl.json"))) << name;
  }
  // Self-contained: no scripts, no external resources.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_NE(html.find("US tariffs, Canada retaliates"), std::string::npos);
}

}  // namespace
}  // namespace ricardo::testing
