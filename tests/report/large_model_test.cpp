// A valid 100-region × 100-sector baseline runs end to end and gets a complete report: capped
// charts that say what they leave out, and a run.json of a sane size that says what it omits.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/report.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

namespace fs = std::filesystem;

// run.json of the 100 × 100 run without the 990,000-row bilateral_sector table is about 14 MB
// (measured: 13.8 MB); with it, hundreds (issue 11: 288 MB).
constexpr std::uintmax_t kRunJsonMaxBytes = 20u << 20;

std::string ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A tariff of R0 on R1 and R2 in five sectors, on the baseline package "big".
void WriteScenario(const fs::path& file) {
  std::ofstream(file) << "name = \"big-test\"\n"
                         "title = \"R0 tariff on R1 and R2\"\n"
                         "baseline = \"big\"\n"
                         "date = 2025-01-01\n\n"
                         "[[measures]]\n"
                         "id = \"r0-tariff\"\n"
                         "title = \"R0: 25% on R1 and R2, sectors s0 to s4\"\n"
                         "authority = \"surtax\"\n"
                         "importer = \"R0\"\n"
                         "origins = [\"R1\", \"R2\"]\n"
                         "scope = { sectors = [\"s0\", \"s1\", \"s2\", \"s3\", \"s4\"] }\n"
                         "rate = 0.25\n";
}

TEST(LargeModelReport, HundredRegionsByHundredSectorsGetsAFullReport) {
  const fs::path dir = MakeTempDirectory("large");
  WritePackage(MakeRandomBaseline(100, 100, 11), dir / "big");
  WriteScenario(dir / "scenario.toml");
  const fs::path out = dir / "out";
  const CommandResult r =
      RunCli("run " + (dir / "scenario.toml").string() + " --baseline " + (dir / "big").string() +
             " --quiet --no-elasticity-flags --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;

  ASSERT_TRUE(fs::is_regular_file(out / "run.json"));
  EXPECT_LT(fs::file_size(out / "run.json"), kRunJsonMaxBytes);
  const auto json = nlohmann::json::parse(ReadText(out / "run.json"));
  EXPECT_FALSE(json.contains("bilateral_sector"));
  const std::string notes = json["scenario"]["notes"].dump();
  EXPECT_NE(notes.find("bilateral_sector is left out: 100 regions x 99 partners x 100 sectors "
                       "make 990000 rows, more than the 100000"),
            std::string::npos)
      << notes;

  std::string reason;
  if (!ChartRendererAvailable({}, &reason)) GTEST_SKIP() << reason;
  EXPECT_EQ(r.err, "");
  const std::string html = ReadText(out / "report.html");
  for (const char* chart :
       {"welfare_real_wage", "bilateral_trade_change", "sector_output_change",
        "effective_tariff_partner", "effective_tariff_sector", "tariff_revenue"}) {
    EXPECT_NE(html.find(std::string("id=\"chart-") + chart + "\""), std::string::npos) << chart;
    EXPECT_TRUE(fs::is_regular_file(out / "charts" / (std::string(chart) + ".svg"))) << chart;
  }
  EXPECT_NE(html.find("Shows the 20 largest of 100 regions by base-year income, so that the "
                      "chart stays readable; every one is in country_changes.csv and "
                      "country_levels.csv."),
            std::string::npos);
  EXPECT_NE(html.find("Shows the 40 largest of 100 sectors by world base-year gross output"),
            std::string::npos);
  EXPECT_NE(html.find("Shows the 12 largest of 100 regions by base-year income"),
            std::string::npos);
  EXPECT_NE(html.find("Shows the 40 largest of 9900 importer ← exporter pairs"), std::string::npos);
}

// Memory exhausted half-way is exit 70 with its own message, never a usage error, and leaves no
// partial output folder. The address space is capped with `ulimit -v` (400 MB, less than the
// 100 × 100 run needs: measured 570 MB resident) in the shell that starts ricardo.
TEST(LargeModelReport, MemoryExhaustedIsExitSeventyWithNoPartialOutput) {
  const fs::path dir = MakeTempDirectory("large-oom");
  WritePackage(MakeRandomBaseline(100, 100, 11), dir / "big");
  WriteScenario(dir / "scenario.toml");
  const std::string command = "ulimit -v 400000; " + std::string(RICARDO_CLI_PATH) + " run " +
                              (dir / "scenario.toml").string() + " --baseline " +
                              (dir / "big").string() + " --quiet --no-elasticity-flags --out " +
                              (dir / "out").string() + " 2>" + (dir / "err.txt").string();
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 70);
  EXPECT_EQ(ReadText(dir / "err.txt"),
            "ricardo: out of memory: an allocation failed (the baseline, the scenario set or the "
            "--theta-scale sweep is too large for this machine's memory; use a smaller one, or "
            "see the limits in docs/cli.md)\n");
  EXPECT_FALSE(fs::exists(dir / "out"));
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".out.tmp-"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace ricardo::testing
