// `--out` end to end: outputs are written all or nothing into a staging folder and swapped into
// place; each failure has its own exit code (73 output, 7 limit) and a message with the path,
// the reason and a fix; a second run leaves exactly its own files.
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ricardo/report.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

namespace fs = std::filesystem;

void WriteText(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::string ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> Entries(const fs::path& directory) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(directory)) out.insert(e.path().filename().string());
  return out;
}

// Sets an environment variable for the child processes of one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(OutputCli, OutOntoAFileIsAnOutputError) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-file");
  const fs::path file = dir / "results";
  WriteText(file, "mine\n");
  const CommandResult r = RunCli("run --quiet --no-html --out " + file.string());
  EXPECT_EQ(r.exit_code, 73);
  EXPECT_EQ(r.err, "ricardo: output error: " + file.string() +
                       ": is a file, not a folder (give the path of a new folder, or remove the "
                       "file)\n");
  EXPECT_EQ(ReadText(file), "mine\n");
  EXPECT_EQ(Entries(dir), std::set<std::string>{"results"});  // no staging folder left
}

TEST(OutputCli, OutUnderAFileIsAnOutputError) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-under-file");
  WriteText(dir / "file", "mine\n");
  const CommandResult r = RunCli("run --quiet --no-html --out " + (dir / "file" / "out").string());
  EXPECT_EQ(r.exit_code, 73);
  EXPECT_EQ(r.err, "ricardo: output error: " + (dir / "file").string() +
                       ": cannot create the folder for " + (dir / "file" / "out").string() +
                       ": Not a directory (give an output path whose parent folders are folders, "
                       "not files, and writable)\n");
  EXPECT_EQ(ReadText(dir / "file"), "mine\n");
}

// Tests run as root in CI, where permissions do not stop a write; a path whose parent cannot
// be created (it would be inside a regular file) is the unwritable parent every user has.
TEST(OutputCli, UnwritableParentIsAnOutputError) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-unwritable");
  WriteText(dir / "file", "mine\n");
  const fs::path out = dir / "file" / "a" / "b";
  const CommandResult r = RunCli(
      "compare us-tariffs-2025-11 us-tariffs-2025-11-retaliation "
      "--quiet --out " +
      out.string());
  EXPECT_EQ(r.exit_code, 73) << r.err;
  EXPECT_EQ(r.err.rfind("ricardo: output error: " + (dir / "file" / "a").string() +
                            ": cannot create the folder for " + out.string() + ": Not a directory",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(Entries(dir), std::set<std::string>{"file"});
}

TEST(OutputCli, AFolderOfOtherFilesIsNotReplaced) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-other");
  const fs::path out = dir / "mine";
  fs::create_directories(out);
  WriteText(out / "notes.txt", "keep me\n");
  const CommandResult r = RunCli("run --quiet --no-html --out " + out.string());
  EXPECT_EQ(r.exit_code, 73);
  EXPECT_EQ(
      r.err,
      "ricardo: output error: " + out.string() +
          ": is a folder that holds other files and no run.json, comparison.json, "
          "sensitivity.json, sensitivity.csv, report.html, country_changes.csv or manifest.json "
          "from an earlier run; ricardo replaces its output folder as a whole and does not delete "
          "files it did not write (give a new or empty folder, or remove this one)\n");
  EXPECT_EQ(Entries(out), std::set<std::string>{"notes.txt"});
  EXPECT_EQ(Entries(dir), std::set<std::string>{"mine"});
}

// Issue 12: `run --out D` twice with different scenarios leaves exactly the second run's files.
TEST(OutputCli, ASecondRunLeavesExactlyItsOwnFiles) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-twice");
  const fs::path out = dir / "out";
  const CommandResult first =
      RunCli("run us-tariffs-2025-11 --quiet --no-html --out " + out.string());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::set<std::string> files = Entries(out);
  WriteText(out / "stale.csv", "from an earlier version\n");
  const CommandResult second =
      RunCli("run us-tariffs-2025-11-retaliation --quiet --no-html --out " + out.string());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Entries(out), files);  // stale.csv is gone, nothing else changed name
  const auto json = nlohmann::json::parse(ReadText(out / "run.json"));
  EXPECT_EQ(json["scenario"]["name"], "us-tariffs-2025-11-retaliation");
  EXPECT_EQ(Entries(dir), std::set<std::string>{"out"});  // no staging or old folder left
}

// A renderer that starts but fails: the run stops with exit 73 and the renderer's first lines;
// the earlier report is left as it was and no partial folder remains.
TEST(OutputCli, AFailingChartRendererLeavesTheEarlierReport) {
  REQUIRE_DEFAULT_SCENARIO();
  const fs::path dir = MakeTempDirectory("out-renderer");
  // A tools folder that passes the availability check: the script and both modules are there.
  const fs::path tools = dir / "tools";
  fs::create_directories(tools / "node_modules" / "vega");
  fs::create_directories(tools / "node_modules" / "vega-lite");
  WriteText(tools / "render-charts.mjs", "");
  const fs::path node = dir / "node";
  WriteText(node, "#!/bin/sh\necho 'RangeError: Maximum call stack size exceeded' >&2\nexit 1\n");
  fs::permissions(node, fs::perms::owner_all);
  const fs::path out = dir / "out";
  const CommandResult first = RunCli("run --quiet --no-html --out " + out.string());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string run_json = ReadText(out / "run.json");

  ScopedEnv tools_env("RICARDO_REPORT_TOOLS_DIR", tools.string());
  ScopedEnv node_env("RICARDO_NODE", node.string());
  const CommandResult r =
      RunCli("run us-tariffs-2025-11-retaliation --quiet --out " + out.string());
  EXPECT_EQ(r.exit_code, 73);
  EXPECT_EQ(r.err, "ricardo: output error: " + (tools / "render-charts.mjs").string() +
                       ": rendering the charts failed (" + node.string() +
                       " exited with 1): RangeError: Maximum call stack size exceeded (run `npm "
                       "ci` in " +
                       tools.string() +
                       " and try again; if it persists, please report it as a bug)\n");
  EXPECT_EQ(ReadText(out / "run.json"), run_json);
  EXPECT_FALSE(fs::exists(out / "report.html"));
  EXPECT_EQ(Entries(dir), (std::set<std::string>{"node", "out", "tools"}));
}

TEST(OutputCli, DataImportOverAnExistingFolderNeedsForce) {
  const fs::path dir = MakeTempDirectory("data-force");
  const fs::path out = dir / "pkg";
  ASSERT_EQ(RunCli("data import cp2015 --out " + out.string()).exit_code, 0);
  WriteText(out / "stale.csv", "left over\n");
  const CommandResult again = RunCli("data import cp2015 --out " + out.string());
  EXPECT_EQ(again.exit_code, 73);
  EXPECT_EQ(again.err, "ricardo: output error: " + out.string() +
                           ": already exists (pass --force to replace it)\n");
  const CommandResult forced = RunCli("data import cp2015 --force --out " + out.string());
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_FALSE(fs::exists(out / "stale.csv"));
  EXPECT_TRUE(fs::is_regular_file(out / "manifest.toml"));
  EXPECT_EQ(Entries(dir), std::set<std::string>{"pkg"});
}

}  // namespace
}  // namespace ricardo::testing
