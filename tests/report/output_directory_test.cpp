// StagedDirectory and WriteFileAtomically: nothing appears at the target until Commit(), a
// failure or an abandoned staging folder leaves no trace, and Commit() replaces the target whole.
#include "ricardo/output_directory.hpp"

#include <fstream>
#include <set>

#include "gtest/gtest.h"
#include "ricardo/error.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

namespace fs = std::filesystem;

std::set<std::string> Entries(const fs::path& directory) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(directory)) out.insert(e.path().filename().string());
  return out;
}

void Touch(const fs::path& file, const std::string& text = "x") {
  std::ofstream(file) << text;
}

TEST(StagedDirectory, NothingAtTheTargetUntilCommit) {
  const fs::path dir = testing::MakeTempDirectory("staged");
  const fs::path target = dir / "out";
  {
    StagedDirectory staged(target);
    EXPECT_EQ(staged.path().parent_path(), dir);
    EXPECT_EQ(staged.path().filename().string().rfind(".out.tmp-", 0), 0u);
    Touch(staged.path() / "a.csv");
    EXPECT_FALSE(fs::exists(target));
    EXPECT_EQ(staged.Final(staged.path() / "a.csv"), target / "a.csv");
    staged.Commit();
  }
  EXPECT_EQ(Entries(dir), std::set<std::string>{"out"});
  EXPECT_EQ(Entries(target), std::set<std::string>{"a.csv"});
}

TEST(StagedDirectory, ReplacesAnEarlierOutputWhole) {
  const fs::path dir = testing::MakeTempDirectory("staged-replace");
  const fs::path target = dir / "out";
  fs::create_directories(target);
  Touch(target / "run.json");
  Touch(target / "stale.csv");
  StagedDirectoryOptions options;
  options.replaceable_if_contains = {"run.json"};
  StagedDirectory staged(target, options);
  Touch(staged.path() / "run.json", "new");
  staged.Commit();
  EXPECT_EQ(Entries(target), std::set<std::string>{"run.json"});
  EXPECT_EQ(Entries(dir), std::set<std::string>{"out"});
}

TEST(StagedDirectory, AbandonedStagingLeavesTheTargetAsItWas) {
  const fs::path dir = testing::MakeTempDirectory("staged-abandon");
  const fs::path target = dir / "out";
  fs::create_directories(target);
  Touch(target / "run.json", "old");
  {
    StagedDirectory staged(target);
    Touch(staged.path() / "run.json", "new");
  }  // a failure before Commit(): the destructor removes the staging folder
  EXPECT_EQ(Entries(dir), std::set<std::string>{"out"});
  EXPECT_EQ(Entries(target), std::set<std::string>{"run.json"});
}

TEST(StagedDirectory, RefusesAnExistingFolderWhenAsked) {
  const fs::path dir = testing::MakeTempDirectory("staged-refuse");
  fs::create_directories(dir / "pkg");
  Touch(dir / "pkg" / "manifest.toml");
  StagedDirectoryOptions options;
  options.refuse_existing = true;
  try {
    StagedDirectory staged(dir / "pkg", options);
    FAIL() << "expected an OutputError";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "pkg").string() + ": already exists (pass --force to replace it)");
  }
  EXPECT_EQ(Entries(dir), std::set<std::string>{"pkg"});
}

TEST(WriteFileAtomically, ReplacesTheFileAndLeavesNoTemporary) {
  const fs::path dir = testing::MakeTempDirectory("atomic-file");
  Touch(dir / "c.csv", "old");
  WriteFileAtomically(dir / "c.csv", "new\n");
  std::ifstream in(dir / "c.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "new");
  EXPECT_EQ(Entries(dir), std::set<std::string>{"c.csv"});
  EXPECT_THROW(WriteFileAtomically(dir / "c.csv" / "x.csv", "y"), OutputError);
}

}  // namespace
}  // namespace ricardo
