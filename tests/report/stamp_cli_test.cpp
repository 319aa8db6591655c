// Issue 12 item 4: every output carries a stamp (run.json's `stamp`, manifest.json, the report's
// footer), and item 5: a second `run --out D` leaves exactly its own files. End to end through
// the CLI; hashes are recomputed here with coreutils' sha256sum, independently of ricardo's.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ricardo/report.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The output of a shell command (its first line is what sha256sum prints).
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

std::string Quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

// coreutils' SHA-256 of a file: the first 64 characters of `sha256sum FILE`.
std::string Sha256sum(const fs::path& file) {
  return Shell("sha256sum " + Quoted(file)).substr(0, 64);
}

// Every regular file under `directory`, relative, '/'-separated.
std::set<std::string> FilesUnder(const fs::path& directory) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(directory))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), directory).generic_string());
  return out;
}

// With the chart renderer the folder holds the whole report; without, the CSV and JSON files.
std::string HtmlFlag() {
  return ChartRendererAvailable(ChartRendererOptions{}, nullptr) ? "" : " --no-html";
}

TEST(StampCli, RunJsonAndReportCarryTheStamp) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path out = MakeTempDirectory("stamp") / "out";
  const CommandResult run =
      RunCli("run us-tariffs-2025-11 --quiet --out " + out.string() + HtmlFlag());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto stamp = nlohmann::json::parse(ReadText(out / "run.json"))["stamp"];

  const fs::path scenario = ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml";
  EXPECT_EQ(stamp["scenario_sha256"], Sha256sum(scenario));
  // The documented definition of a package's hash, with coreutils (docs/run-result-schema.md).
  const fs::path world = ProjectDirectory() / "data/baselines/world";
  const std::string package_hash =
      Shell("cd " + Quoted(world) +
            " && find . -type f ! -name '.*' | sed 's|^\\./||' | LC_ALL=C sort | "
            "xargs sha256sum | sha256sum")
          .substr(0, 64);
  EXPECT_EQ(stamp["baseline_sha256"], package_hash);

  const std::string version_line = RunCli("--version").out;  // "0.1.0\n"
  EXPECT_EQ(stamp["program"]["name"], "ricardo");
  EXPECT_EQ(stamp["program"]["version"].get<std::string>() + "\n", version_line);
  EXPECT_TRUE(std::regex_match(stamp["program"]["git_commit"].get<std::string>(),
                               std::regex("unknown|[0-9a-f]{40}(-dirty)?")))
      << stamp["program"]["git_commit"];
  // The months of product weights and USMCA shares for measures of 2025-11-01: the three
  // latest months of data up to the date (scenario explain prints the same).
  EXPECT_EQ(stamp["data_months"], nlohmann::json({"2025-09", "2025-10", "2025-11"}));
  EXPECT_EQ(stamp["command_line"],
            "ricardo run us-tariffs-2025-11 --quiet --out " + out.string() + HtmlFlag());
  EXPECT_TRUE(std::regex_match(stamp["created_utc"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));

  if (!fs::exists(out / "report.html"))
    GTEST_SKIP() << "no chart renderer: the footer is not checked";
  // Every chart says under its title which program, scenario and day made it.
  const std::string subtitle = "ricardo " + stamp["program"]["version"].get<std::string>() +
                               " · us-tariffs-2025-11 (measures of 2025-11-01) · made " +
                               stamp["created_utc"].get<std::string>().substr(0, 10);
  std::size_t charts = 0;
  for (const auto& e : fs::directory_iterator(out / "charts")) {
    if (!e.path().string().ends_with(".vl.json")) continue;
    ++charts;
    const auto spec = nlohmann::json::parse(ReadText(e.path()));
    EXPECT_EQ(spec["title"]["subtitle"], subtitle) << e.path();
  }
  EXPECT_EQ(charts, 7u);
  const std::string html = ReadText(out / "report.html");
  for (const char* key : {"scenario_sha256", "baseline_sha256", "created_utc"})
    EXPECT_NE(html.find(stamp[key].get<std::string>()), std::string::npos) << key;
  EXPECT_NE(html.find("<dd>ricardo " + stamp["program"]["version"].get<std::string>()),
            std::string::npos);
  EXPECT_NE(html.find(stamp["program"]["git_commit"].get<std::string>()), std::string::npos);
  EXPECT_NE(html.find("2025-09, 2025-10, 2025-11"), std::string::npos);
}

TEST(StampCli, ManifestListsExactlyTheFilesWithTheirHashes) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path out = MakeTempDirectory("manifest") / "out";
  const CommandResult run =
      RunCli("run us-tariffs-2025-11 --quiet --out " + out.string() + HtmlFlag());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = nlohmann::json::parse(ReadText(out / "manifest.json"));
  EXPECT_EQ(manifest["schema"], "ricardo.manifest");
  EXPECT_EQ(manifest["stamp"], nlohmann::json::parse(ReadText(out / "run.json"))["stamp"]);
  std::set<std::string> listed;
  for (const auto& f : manifest["files"]) {
    const std::string path = f["path"];
    listed.insert(path);
    EXPECT_EQ(f["sha256"], Sha256sum(out / path)) << path;
    EXPECT_EQ(f["size_bytes"].get<std::uintmax_t>(), fs::file_size(out / path)) << path;
  }
  std::set<std::string> present = FilesUnder(out);
  present.erase("manifest.json");
  EXPECT_EQ(listed, present);
}

// Without the PNG converter the report is complete in SVG and says so in its notes.
TEST(StampCli, WithoutThePngConverterTheReportSaysSo) {
  REQUIRE_DEFAULT_SCENARIO();
  if (!HtmlFlag().empty()) GTEST_SKIP() << "no chart renderer";
  const fs::path out = MakeTempDirectory("no-png") / "out";
  setenv("RICARDO_RSVG_CONVERT", "/nonexistent/rsvg-convert", 1);
  const CommandResult run = RunCli("run us-tariffs-2025-11 --quiet --out " + out.string());
  unsetenv("RICARDO_RSVG_CONVERT");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& e : fs::directory_iterator(out / "charts"))
    EXPECT_NE(e.path().extension(), ".png") << e.path();
  EXPECT_NE(ReadText(out / "report.html")
                .find("PNG copies of the charts were not written: the converter "
                      "'/nonexistent/rsvg-convert' was not found"),
            std::string::npos);
}

// Issue 12 item 5: `ricardo run --out D` twice with different scenarios leaves exactly the second
// run's files: the same list as the second scenario written into a fresh folder, every file the
// second run's (its manifest's hashes), none of the first's.
TEST(StampCli, RunOutTwiceLeavesExactlyTheSecondRunsFiles) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-twice-exact");
  const fs::path out = dir / "out", fresh = dir / "fresh";
  const std::string html = HtmlFlag();
  ASSERT_EQ(RunCli("run us-tariffs-2025-11 --quiet --out " + out.string() + html).exit_code, 0);
  std::map<std::string, std::string> first_hashes;
  for (const auto& f : FilesUnder(out)) first_hashes[f] = Sha256sum(out / f);
  // A file of the first run's making that the second does not write (as an older version's
  // chart would be) must go too.
  fs::create_directories(out / "charts");
  std::ofstream(out / "charts" / "old_chart.svg") << "<svg/>";
  const CommandResult second =
      RunCli("run us-tariffs-2025-11-retaliation --quiet --out " + out.string() + html);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  // Not quiet: it also says how many files it wrote (checked below).
  const CommandResult fresh_run =
      RunCli("run us-tariffs-2025-11-retaliation --out " + fresh.string() + html);
  ASSERT_EQ(fresh_run.exit_code, 0) << fresh_run.err;

  const std::set<std::string> files = FilesUnder(out);
  EXPECT_EQ(files, FilesUnder(fresh));
  EXPECT_EQ(files.count("charts/old_chart.svg"), 0u);
  const auto manifest = nlohmann::json::parse(ReadText(out / "manifest.json"));
  EXPECT_EQ(manifest["stamp"]["scenario_sha256"],
            Sha256sum(ProjectDirectory() / "scenarios/us-tariffs-2025-11-retaliation.toml"));
  std::size_t checked = 0;
  for (const auto& f : manifest["files"]) {
    const std::string path = f["path"];
    ASSERT_TRUE(fs::is_regular_file(out / path)) << path;
    EXPECT_EQ(f["sha256"], Sha256sum(out / path)) << path;
    ++checked;
  }
  EXPECT_EQ(checked + 1, files.size());  // every file but the manifest itself
  // The count a run prints is of every file in the folder (the charts' specs were left out).
  EXPECT_NE(fresh_run.err.find(fmt::format("ricardo: wrote {} files to {}",
                                           FilesUnder(fresh).size(), fresh.string())),
            std::string::npos)
      << fresh_run.err;
  // No file holds the first run's content. (Only the charts whose inputs the retaliation does
  // not change could coincide; their subtitles name the scenario, so none does.)
  for (const auto& f : files) {
    auto it = first_hashes.find(f);
    if (it != first_hashes.end()) {
      EXPECT_NE(it->second, Sha256sum(out / f)) << f << " is the first run's";
    }
  }
  EXPECT_EQ(nlohmann::json::parse(ReadText(out / "run.json"))["scenario"]["name"],
            "us-tariffs-2025-11-retaliation");
  std::set<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.insert(e.path().filename().string());
  EXPECT_EQ(left, (std::set<std::string>{"fresh", "out"}));  // no staging or old folder left
}

}  // namespace
}  // namespace ricardo::testing
