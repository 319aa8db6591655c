// Readers refuse what is not a regular file and stop at their caps (issue 11): a named pipe, a
// device or a directory given as a scenario, a package table or a data file fails at once with a
// located error instead of hanging or reading forever; files above the cap of their kind are
// refused before they are read, and gzip files stop inflating at the cap.
//
// A FIFO has no writer here, so a reader that opened it the ordinary way would block for ever:
// these tests carry no timed assertion, the ctest timeout catches such a regression.
#include "core/regular_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data/gzip_text.hpp"
#include "data/numeric_table.hpp"
#include "data/package_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/sensitivity.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::MakeTempDirectory;
using testing::RunCli;

const std::string kNotAFileFix = " (give the path of a file)";
const std::string kLimitsFix = " (check that this is the right file; docs/cli.md lists the limits)";

std::filesystem::path MakeFifo(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  EXPECT_EQ(::mkfifo(path.c_str(), 0600), 0) << path;
  return path;
}

// Writes `members` concatenated gzip members of `zeros_per_member` zero bytes each: a file of a
// few kilobytes that inflates to members × zeros_per_member bytes (gzread reads all members).
void WriteGzipZeros(const std::filesystem::path& path, int members, std::size_t zeros_per_member) {
  const std::filesystem::path one = path.string() + ".member";
  {
    gzFile out = gzopen(one.c_str(), "wb9");
    ASSERT_NE(out, nullptr);
    const std::vector<char> zeros(zeros_per_member, '\0');
    ASSERT_EQ(gzwrite(out, zeros.data(), static_cast<unsigned>(zeros.size())),
              static_cast<int>(zeros.size()));
    ASSERT_EQ(gzclose(out), Z_OK);
  }
  std::ifstream in(one, std::ios::binary);
  const std::string member((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream out(path, std::ios::binary);
  for (int k = 0; k < members; ++k) out << member;
  std::filesystem::remove(one);
}

template <class F>
std::string ErrorOf(F&& read, ErrorKind expected_kind) {
  try {
    read();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), expected_kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(RegularFileTest, FifoScenarioIsRefusedByTheLibraryAndTheCli) {
  const auto dir = MakeTempDirectory("fifo_scenario");
  const std::string fifo = MakeFifo(dir / "scenario.toml").string();
  const std::string message = fifo + ": is a named pipe, not a regular file" + kNotAFileFix;
  EXPECT_EQ(ErrorOf([&] { LoadScenario(ResolveScenarioPath(fifo)); }, ErrorKind::kScenario),
            message);
  for (const char* command : {"scenario check", "run"}) {
    SCOPED_TRACE(command);
    const auto result = RunCli(std::string(command) + " '" + fifo + "'");
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "ricardo: scenario error: " + message + "\n");
  }
}

TEST(RegularFileTest, SymlinkIsJudgedByItsTarget) {
  const auto dir = MakeTempDirectory("fifo_link");
  MakeFifo(dir / "pipe");
  const auto link = dir / "scenario.toml";
  std::filesystem::create_symlink(dir / "pipe", link);
  EXPECT_EQ(ErrorOf([&] { LoadScenario(link); }, ErrorKind::kScenario),
            link.string() + ": is a named pipe, not a regular file" + kNotAFileFix);
}

TEST(RegularFileTest, DeviceScenarioIsRefused) {
  const std::string message = "/dev/zero: is a character device, not a regular file" + kNotAFileFix;
  EXPECT_EQ(ErrorOf([] { LoadScenario("/dev/zero"); }, ErrorKind::kScenario), message);
  const auto result = RunCli("scenario check /dev/zero");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err, "ricardo: scenario error: " + message + "\n");
}

TEST(RegularFileTest, DirectoryScenarioIsRefused) {
  const std::string dir = MakeTempDirectory("dir_scenario").string();
  const std::string message = dir + ": is a directory, not a regular file" + kNotAFileFix;
  EXPECT_EQ(ErrorOf([&] { LoadScenario(ResolveScenarioPath(dir)); }, ErrorKind::kScenario),
            message);
  const auto result = RunCli("scenario check '" + dir + "'");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err, "ricardo: scenario error: " + message + "\n");
}

TEST(RegularFileTest, ScenarioAboveTheCapIsRefusedUnread) {
  const auto dir = MakeTempDirectory("big_scenario");
  const auto file = dir / "big.toml";
  std::ofstream(file).put('#');
  std::filesystem::resize_file(file, detail::kMaxScenarioFileBytes + 1);  // sparse: instant
  EXPECT_EQ(ErrorOf([&] { LoadScenario(file); }, ErrorKind::kScenario),
            file.string() + ": is 16777217 bytes, more than the 16 MiB a scenario file may have" +
                kLimitsFix);
}

class RegularFilePackageTest : public testing::TinyPackageTest {};

TEST_F(RegularFilePackageTest, FifoTableIsRefused) {
  MakeFifo(dir_ / "trade_flows.csv");
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           "trade_flows.csv: is a named pipe, not a regular file" + kNotAFileFix);
}

TEST_F(RegularFilePackageTest, FifoManifestIsRefused) {
  MakeFifo(dir_ / "manifest.toml");
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           "manifest.toml: is a named pipe, not a regular file" + kNotAFileFix);
}

TEST_F(RegularFilePackageTest, TableAboveTheCapIsRefusedUnread) {
  std::filesystem::resize_file(dir_ / "trade_flows.csv", detail::kMaxDataFileBytes + 1);
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           "trade_flows.csv: is 536870913 bytes, more than the 512 MiB a data file "
                           "may have" +
                               kLimitsFix);
}

TEST_F(RegularFilePackageTest, ManifestAboveTheCapIsRefusedUnread) {
  std::filesystem::resize_file(dir_ / "manifest.toml", detail::kMaxManifestFileBytes + 1);
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           "manifest.toml: is 1048577 bytes, more than the 1 MiB a manifest may "
                           "have" +
                               kLimitsFix);
}

TEST(RegularFileTest, FifoDataFilesAreRefused) {
  const auto dir = MakeTempDirectory("fifo_data");
  const auto fifo = MakeFifo(dir / "data.csv.gz");
  const std::string message =
      fifo.string() + ": is a named pipe, not a regular file" + kNotAFileFix;
  // Product data and tracker files (ForEachLine), WIOD (ReadMaybeGzip), CP2015 (numeric tables).
  EXPECT_EQ(ErrorOf([&] { data_internal::ForEachLine(fifo, [](long, std::string_view) {}); },
                    ErrorKind::kData),
            message);
  EXPECT_EQ(ErrorOf([&] { data_internal::ReadMaybeGzip(fifo); }, ErrorKind::kData), message);
  EXPECT_EQ(ErrorOf([&] { detail::ReadNumericTable(fifo, {}); }, ErrorKind::kData), message);
  const Baseline baseline = testing::MakeRandomBaseline(2, 2, 1);
  EXPECT_EQ(ErrorOf([&] { ReadElasticityVariants(fifo, baseline); }, ErrorKind::kData), message);
}

// 4 KiB of gzip inflating to 2 MiB of zeros, against a 1 MiB cap: stops with an error at the cap.
TEST(RegularFileTest, GzipStopsInflatingAtTheCap) {
  const auto dir = MakeTempDirectory("gzip_small_cap");
  const auto file = dir / "bomb.csv.gz";
  WriteGzipZeros(file, 2, detail::kMebibyte);
  ASSERT_LT(std::filesystem::file_size(file), 16u * 1024u);
  const detail::FileKind one_mebibyte{"data file", detail::kMebibyte, ErrorKind::kData};
  const std::string message =
      file.string() + ": inflates to more than 1 MiB, the limit for a data file" + kLimitsFix;
  EXPECT_EQ(ErrorOf(
                [&] {
                  data_internal::ForEachLine(
                      file, [](long, std::string_view) {}, one_mebibyte);
                },
                ErrorKind::kData),
            message);
  EXPECT_EQ(ErrorOf([&] { data_internal::ReadMaybeGzip(file, one_mebibyte); }, ErrorKind::kData),
            message);
  // Under the cap the same reader reads it whole.
  const detail::FileKind four_mebibytes{"data file", 4 * detail::kMebibyte, ErrorKind::kData};
  EXPECT_EQ(data_internal::ReadMaybeGzip(file, four_mebibytes).size(), 2 * detail::kMebibyte);
}

// The shipped cap itself: a file of about half a megabyte that would inflate to 513 MiB stops at
// 512 MiB (ForEachLine holds one line at a time, so this costs time, not memory).
TEST(RegularFileTest, GzipBombStopsAtTheDataFileCap) {
  const auto dir = MakeTempDirectory("gzip_bomb");
  const auto file = dir / "tracker.csv.gz";
  WriteGzipZeros(file, 513, detail::kMebibyte);
  EXPECT_EQ(
      ErrorOf([&] { data_internal::ForEachLine(file, [](long, std::string_view) {}); },
              ErrorKind::kData),
      file.string() + ": inflates to more than 512 MiB, the limit for a data file" + kLimitsFix);
}

TEST(RegularFileTest, NonRegularFileType) {
  const auto dir = MakeTempDirectory("file_types");
  EXPECT_EQ(detail::NonRegularFileType(dir), "a directory");
  EXPECT_EQ(detail::NonRegularFileType(MakeFifo(dir / "pipe")), "a named pipe");
  EXPECT_EQ(detail::NonRegularFileType("/dev/null"), "a character device");
  std::ofstream(dir / "plain.txt") << "x";
  EXPECT_EQ(detail::NonRegularFileType(dir / "plain.txt"), "");
  EXPECT_EQ(detail::NonRegularFileType(dir / "missing"), "");
  EXPECT_EQ(detail::FormatByteSize(16 * detail::kMebibyte), "16 MiB");
  EXPECT_EQ(detail::FormatByteSize(1000), "1000 bytes");
}

}  // namespace
}  // namespace ricardo
