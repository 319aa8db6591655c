// `ricardo sweep` end to end on the documented example (docs/examples/tariff-sweep.toml): the
// tidy CSV and JSON, the same bytes whatever the thread count, resuming after an interruption,
// and the folder refused for another spec. The MPI run is compared in tests/sweep/CMakeLists.txt.
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ricardo/sweep.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::RunCli;

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Example() {
  return (testing::ProjectDirectory() / "docs" / "examples" / "tariff-sweep.toml").string();
}

// The example with chunks of two points (six chunks), for stopping part-way.
std::filesystem::path SmallChunks(const std::filesystem::path& dir) {
  const auto spec = dir / "chunks-sweep.toml";
  std::ofstream(spec) << "scenario = \"us-tariffs-2025-11\"\nbaseline = \"world\"\n"
                         "chunk_points = 2\n[axes]\ndates = [2025-08-01, 2025-11-01]\n"
                         "rates = { \"s232-steel\" = [0.25, 0.4, 0.5] }\n";
  return spec;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(SweepCli, ExampleWritesOneRowPerPointRegionAndIndicator) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto r = RunCli("sweep " + Example() + " --out " + (dir / "d").string() + " --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // no progress bar off a terminal, no MPI noise
  EXPECT_NE(r.out.find("12 points (12 solved, 0 resumed) on 1 rank × 2 threads"), std::string::npos)
      << r.out;
  const auto json = nlohmann::json::parse(ReadText(dir / "d" / kSweepJsonName));
  EXPECT_EQ(json["schema"], "ricardo.sweep");
  ASSERT_EQ(json["points"].size(), 12u);
  const std::size_t regions = json["regions"].size();
  const std::string csv = ReadText(dir / "d" / kSweepCsvName);
  EXPECT_EQ(Lines(csv), 1 + 12 * regions * SweepIndicators().size());
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "point,scenario,date,usmca_share,theta_draw,rate_s232-steel,converged,region,"
            "indicator,value");
  // Grid order: the date slowest, then the share, then the rate.
  const auto& p5 = json["points"][5];
  EXPECT_EQ(p5["date"], "2025-08-01");
  EXPECT_EQ(p5["usmca_share"], 0.5);
  EXPECT_EQ(p5["rates"]["s232-steel"], 0.5);
  EXPECT_EQ(p5["converged"], true);
  EXPECT_TRUE(p5["values"]["welfare_pct"]["USA"].is_number());
  EXPECT_FALSE(std::filesystem::exists(dir / "d" / kSweepJournalName));
  // A higher steel tariff changes the US's tariff revenue.
  EXPECT_NE(json["points"][4]["values"]["tariff_revenue_change"]["USA"],
            json["points"][5]["values"]["tariff_revenue_change"]["USA"]);
}

TEST(SweepCli, ThreadCountDoesNotChangeABit) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = SmallChunks(dir);
  ASSERT_EQ(
      RunCli("sweep " + spec.string() + " -q --threads 1 --out " + (dir / "t1").string()).exit_code,
      0);
  ASSERT_EQ(
      RunCli("sweep " + spec.string() + " -q --threads 3 --out " + (dir / "t3").string()).exit_code,
      0);
  for (const char* name : {kSweepCsvName, kSweepJsonName})
    EXPECT_EQ(ReadText(dir / "t1" / name), ReadText(dir / "t3" / name)) << name;
}

// Elasticity draws (DrawTheta, ricardo/uncertainty.hpp) are an axis like any other: numbered
// from 0, between the compile and the rates, and the same bytes on any number of threads.
TEST(SweepCli, ElasticityDrawsAreAnAxis) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = dir / "draws.toml";
  std::ofstream(spec) << "scenario = \"us-tariffs-2025-11\"\nbaseline = \"world\"\n"
                         "chunk_points = 3\n[axes]\ntheta_draws = { count = 3, seed = 11 }\n"
                         "rates = { \"s232-steel\" = [0.25, 0.5] }\n";
  ASSERT_EQ(
      RunCli("sweep " + spec.string() + " -q --threads 1 --out " + (dir / "t1").string()).exit_code,
      0);
  ASSERT_EQ(
      RunCli("sweep " + spec.string() + " -q --threads 2 --out " + (dir / "t2").string()).exit_code,
      0);
  for (const char* name : {kSweepCsvName, kSweepJsonName})
    EXPECT_EQ(ReadText(dir / "t1" / name), ReadText(dir / "t2" / name)) << name;
  const auto json = nlohmann::json::parse(ReadText(dir / "t1" / kSweepJsonName));
  ASSERT_EQ(json["points"].size(), 6u);
  EXPECT_EQ(json["spec"]["axes"]["theta_draws"]["seed"], 11);
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(json["points"][k]["theta_draw"], k / 2) << k;
    EXPECT_EQ(json["points"][k]["converged"], true) << k;
  }
}

// A list of points: numbered in list order; a rate a point does not set is the scenario's.
TEST(SweepCli, ListedPointsKeepTheirOrderAndTheScenariosOwnRates) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = dir / "list.toml";
  std::ofstream(spec) << "scenario = \"us-tariffs-2025-11\"\nbaseline = \"world\"\n"
                         "[[points]]\nrates = { \"s232-steel\" = 0.1 }\n"
                         "[[points]]\ndate = 2025-08-01\nusmca_share = 0.8\n"
                         "[[points]]\nrates = { \"s232-aluminum\" = 0.2, \"s232-steel\" = 0.3 }\n";
  const auto r = RunCli("sweep " + spec.string() + " --out " + (dir / "d").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(ReadText(dir / "d" / kSweepJsonName));
  ASSERT_EQ(json["points"].size(), 3u);
  EXPECT_EQ(json["spec"]["rate_measures"], nlohmann::json({"s232-steel", "s232-aluminum"}));
  EXPECT_EQ(json["points"][0]["rates"]["s232-steel"], 0.1);
  EXPECT_EQ(json["points"][0]["rates"]["s232-aluminum"], 0.5);  // the scenario's rate
  EXPECT_EQ(json["points"][0]["date"], "2025-11-01");           // the scenario's date
  EXPECT_EQ(json["points"][1]["date"], "2025-08-01");
  EXPECT_EQ(json["points"][1]["usmca_share"], 0.8);
  EXPECT_EQ(json["points"][1]["rates"]["s232-steel"], 0.5);
  EXPECT_EQ(json["points"][2]["rates"]["s232-aluminum"], 0.2);
  const std::string csv = ReadText(dir / "d" / kSweepCsvName);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "point,scenario,date,usmca_share,theta_draw,rate_s232-steel,rate_s232-aluminum,"
            "converged,region,indicator,value");
  EXPECT_NE(csv.find("\n1,us-tariffs-2025-11,2025-08-01,0.8,,0.5,0.5,true,USA,welfare_pct,"),
            std::string::npos);
}

TEST(SweepCli, ResumesAfterAnInterruptionToTheSameBytes) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = SmallChunks(dir);
  const std::string whole = (dir / "whole").string(), cut = (dir / "cut").string();
  ASSERT_EQ(RunCli("sweep " + spec.string() + " -q --out " + whole).exit_code, 0);
  // Two chunks (four points), then a write cut off half-way through a line.
  const auto first = RunCli("sweep " + spec.string() + " --threads 1 --max-chunks 2 --out " + cut);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("stopped after 4 of 6 points"), std::string::npos) << first.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "cut" / kSweepCsvName));
  const auto journal = dir / "cut" / kSweepJournalName;
  const std::string lines = ReadText(journal);
  ASSERT_EQ(Lines(lines), 1u + 4u);
  std::filesystem::resize_file(journal, lines.size() - 25);
  // The same command: the first chunk is kept, the second (its last line cut) solved again.
  const auto again = RunCli("sweep " + spec.string() + " --out " + cut);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("6 points (4 solved, 2 resumed)"), std::string::npos) << again.out;
  for (const char* name : {kSweepCsvName, kSweepJsonName})
    EXPECT_EQ(ReadText(dir / "cut" / name), ReadText(dir / "whole" / name)) << name;
  // Once more: nothing to do.
  const auto done = RunCli("sweep " + spec.string() + " --out " + cut);
  EXPECT_EQ(done.exit_code, 0);
  EXPECT_NE(done.out.find("already holds this sweep: 6 points"), std::string::npos) << done.out;
}

TEST(SweepCli, AFolderOfAnotherSpecIsRefusedUnlessRestarted) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = SmallChunks(dir);
  const std::string out = (dir / "d").string();
  ASSERT_EQ(RunCli("sweep " + spec.string() + " -q --max-chunks 1 --out " + out).exit_code, 0);
  const auto other = RunCli("sweep " + Example() + " -q --out " + out);
  EXPECT_EQ(other.exit_code, 73);
  EXPECT_EQ(other.err.substr(0, other.err.find("sha256") + 6),
            "ricardo: output error: " + out + ": holds a sweep of another spec (sha256");
  EXPECT_NE(other.err.find("(use another --out, or --restart to discard it)"), std::string::npos)
      << other.err;
  EXPECT_EQ(RunCli("sweep " + Example() + " -q --restart --out " + out).exit_code, 0);
  // A finished sweep of another spec is refused the same way.
  EXPECT_EQ(RunCli("sweep " + spec.string() + " -q --out " + out).exit_code, 73);
  // A folder of other files is not taken over.
  std::ofstream(dir / "mine.txt") << "x";
  const auto foreign = RunCli("sweep " + spec.string() + " -q --out " + dir.string());
  EXPECT_EQ(foreign.exit_code, 73);
  EXPECT_NE(foreign.err.find("holds 'chunks-sweep.toml', which is not a file of a sweep"),
            std::string::npos)
      << foreign.err;
}

TEST(SweepCli, ABadSpecIsAScenarioErrorWithItsPlace) {
  REQUIRE_DEFAULT_SCENARIO();
  const auto dir = testing::MakeTempDirectory("out");
  const auto spec = dir / "bad.toml";
  std::ofstream(spec) << "scenario = \"us-tariffs-2025-11\"\n[axes]\ndates = [2025-13-01]\n";
  const auto r = RunCli("sweep " + spec.string() + " --out " + (dir / "d").string());
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "ricardo: scenario error: " + spec.string() +
                       ":3:17: Error while parsing date: expected month between 1 and 12 "
                       "(inclusive), saw 13\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "d"));
}

}  // namespace
}  // namespace ricardo
