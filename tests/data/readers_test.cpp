// The one gzip reader (data/gzip_text.hpp) and the one CSV splitter (data/csv.hpp) that baseline
// tables, WIOD files and the product and tracker data all go through: lines across the reader's
// buffer, line ends, files cut short, and quotes left open, each with its located error.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "ricardo/error.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::MakeTempDirectory;

void WriteGzip(const std::filesystem::path& path, const std::string& text) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
}

std::vector<std::pair<long, std::string>> Lines(const std::filesystem::path& path) {
  std::vector<std::pair<long, std::string>> lines;
  data_internal::ForEachLine(path,
                             [&](long n, std::string_view line) { lines.emplace_back(n, line); });
  return lines;
}

template <class F>
std::string ErrorOf(F&& read) {
  try {
    read();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(GzipReader, PlainAndGzipFilesGiveTheSameLinesAndText) {
  const auto dir = MakeTempDirectory("gzip_reader_same");
  // A line longer than the reader's 64 KiB pieces, CRLF and LF ends, a blank line, no final end.
  const std::string text = "a,b\r\n" + std::string(200'000, 'x') + "\n\nlast";
  { std::ofstream(dir / "plain.csv", std::ios::binary) << text; }
  WriteGzip(dir / "packed.csv.gz", text);
  const std::vector<std::pair<long, std::string>> expected = {
      {1, "a,b"}, {2, std::string(200'000, 'x')}, {3, ""}, {4, "last"}};
  EXPECT_EQ(Lines(dir / "plain.csv"), expected);
  EXPECT_EQ(Lines(dir / "packed.csv.gz"), expected);
  EXPECT_EQ(data_internal::ReadMaybeGzip(dir / "plain.csv"), text);
  EXPECT_EQ(data_internal::ReadMaybeGzip(dir / "packed.csv.gz"), text);
}

TEST(GzipReader, AFileCutShortIsALocatedErrorForBothReaders) {
  const auto dir = MakeTempDirectory("gzip_reader_cut");
  std::string text;
  for (int k = 0; k < 20'000; ++k) text += "line " + std::to_string(k) + "\n";
  WriteGzip(dir / "whole.gz", text);
  std::ifstream in(dir / "whole.gz", std::ios::binary);
  const std::string packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto cut = dir / "cut.gz";
  std::ofstream(cut, std::ios::binary) << packed.substr(0, packed.size() / 2);
  const std::string lines = ErrorOf([&] { Lines(cut); });
  const std::string whole = ErrorOf([&] { data_internal::ReadMaybeGzip(cut); });
  for (const std::string& message : {lines, whole}) {
    EXPECT_EQ(message.rfind(cut.string() + ":", 0), 0u) << message;
    EXPECT_NE(message.find(": corrupt compressed file: unexpected end of file (copy the file again "
                           "from its source)"),
              std::string::npos)
        << message;
  }
}

TEST(GzipReader, AMissingFileSaysWhatToCheck) {
  const auto dir = MakeTempDirectory("gzip_reader_missing");
  EXPECT_EQ(ErrorOf([&] { Lines(dir / "gone.csv.gz"); }),
            (dir / "gone.csv.gz").string() +
                ": file not found (check RICARDO_DATA_DIR or reinstall ricardo's data directory)");
  EXPECT_EQ(ErrorOf([&] { data_internal::ReadMaybeGzip(dir / "gone.txt"); }),
            (dir / "gone.txt").string() + ": file not found (check the source directory)");
}

TEST(CsvSplitter, SplitsALineByTheRulesOfTheTableReader) {
  EXPECT_EQ(data_internal::SplitCsv("a,\"b,c\",\"say \"\"hi\"\"\",", "f.csv", 3),
            (std::vector<std::string>{"a", "b,c", "say \"hi\"", ""}));
  EXPECT_EQ(data_internal::SplitCsv("", "f.csv", 3), (std::vector<std::string>{""}));
  // A quote inside an unquoted field is a character of it (12" is twelve inches).
  EXPECT_EQ(data_internal::SplitCsv("pipe 12\" long,x", "f.csv", 3),
            (std::vector<std::string>{"pipe 12\" long", "x"}));
  const auto table = data_internal::ParseCsv("h1,h2\na,\"b,c\"\n", "t.csv");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, data_internal::SplitCsv("a,\"b,c\"", "t.csv", 2));
}

TEST(CsvSplitter, ViewsForLargeFilesAreTheSameFields) {
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
  for (const std::string line : {"0101,CAN,2024-01,12.5,3", "a,\"b,c\",", "", ",,", "x\r"}) {
    SCOPED_TRACE(line);
    data_internal::SplitCsvViews(line, "f.csv", 4, owned, views);
    const std::vector<std::string> split = data_internal::SplitCsv(line, "f.csv", 4);
    EXPECT_EQ(std::vector<std::string>(views.begin(), views.end()), split);
  }
}

TEST(CsvSplitter, AQuoteLeftOpenIsLocatedAtItsLineAndField) {
  EXPECT_EQ(ErrorOf([] { data_internal::SplitCsv("a,\"b,c", "data/f.csv", 7); }),
            "data/f.csv:7:2: quoted field is not closed before the end of the line (add the "
            "closing '\"'; a quote inside a field is written '\"\"')");
  EXPECT_EQ(ErrorOf([] { data_internal::ParseCsv("h\n\"open\n", "t.csv"); }),
            "t.csv:2:1: quoted field is not closed before the end of the file (add the closing "
            "'\"'; a quote inside a field is written '\"\"')");
}

}  // namespace
}  // namespace ricardo
