// Reading and writing CSV: the tables of baseline packages, and the product and tracker data read
// line by line. RFC 4180 (comma-separated, a header line, fields quoted with '"' when they hold
// commas, quotes or line breaks), with every record remembering the line it started on so that
// errors can point at it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ricardo::data_internal {

struct CsvRecord {
  long line = 0;                    // 1-based line where the record starts
  std::vector<std::string> fields;  // unquoted
};

struct CsvTable {
  std::string file;                 // name used in messages
  std::vector<std::string> header;  // first record
  std::vector<CsvRecord> records;   // the data records (blank lines skipped)
};

// Parses CSV text. Throws DataError for an empty file or an unterminated quoted field.
CsvTable ParseCsv(std::string_view text, const std::string& file);

// One line of a file read line by line (ForEachLine), split into fields by the rules of
// ParseCsv. A quoted field still open at the end of the line is a DataError at file:line:field.
// If `columns` is given, it gets the 1-based column where each field starts, to locate errors.
std::vector<std::string> SplitCsv(std::string_view text, const std::filesystem::path& file,
                                  long line, std::vector<long>* columns = nullptr);

// SplitCsv for the loops over large files (WIOD tables, monthly imports): `out` gets the fields
// as views into `text` when the line holds no quote (the usual case: no copy), else views into
// `owned`, which SplitCsv fills. The fields are the same as SplitCsv's either way.
void SplitCsvViews(std::string_view text, const std::filesystem::path& file, long line,
                   std::vector<std::string>& owned, std::vector<std::string_view>& out);

// Reads a file; throws DataError naming `file` if it cannot be opened.
CsvTable ReadCsvFile(const std::filesystem::path& path, const std::string& file);

// A field as it must be written: quoted (with doubled quotes) only when needed.
std::string CsvField(std::string_view value);

// One line of fields joined by commas, with a trailing '\n'.
std::string CsvLine(const std::vector<std::string>& fields);

// A double in the shortest form that reads back to exactly the same value.
std::string ExactNumber(double value);

}  // namespace ricardo::data_internal
