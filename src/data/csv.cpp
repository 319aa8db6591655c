#include "data/csv.hpp"

#include <filesystem>

#include "core/regular_file.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {

namespace {

// Reads one record from text[pos]: fields split at commas; a field that starts with '"' is
// quoted up to the next lone '"' ("" inside it is one quote; commas and line breaks inside are
// kept). Leaves `pos` after the record's line break ("\n", "\r\n" or "\r") and adds the line
// breaks crossed to `line`. False if a quoted field is still open at the end of `text`. If
// `starts` is given, it gets the offset in `text` where each field starts.
bool ScanRecord(std::string_view text, std::size_t& pos, long& line,
                std::vector<std::string>& fields, std::vector<std::size_t>* starts = nullptr) {
  std::string field;
  bool in_quotes = false, quoted = false;
  if (starts) starts->push_back(pos);
  while (true) {
    if (pos >= text.size()) {
      if (in_quotes) return false;
      fields.push_back(std::move(field));
      return true;
    }
    const char c = text[pos++];
    if (in_quotes) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          field.push_back('"');
          ++pos;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      quoted = false;
      if (starts) starts->push_back(pos);
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
      ++line;
      fields.push_back(std::move(field));
      return true;
    } else {
      field.push_back(c);
    }
  }
}

constexpr const char* kCloseQuoteFix =
    "add the closing '\"'; a quote inside a field is written '\"\"'";

}  // namespace

CsvTable ParseCsv(std::string_view text, const std::string& file) {
  CsvTable table;
  table.file = file;
  // A UTF-8 byte-order mark is not part of the first column's name.
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<CsvRecord> records;
  std::size_t pos = 0;
  long line = 1;
  while (pos < text.size()) {
    CsvRecord record;
    record.line = line;
    if (!ScanRecord(text, pos, line, record.fields)) {
      throw DataError(Location{file, record.line, static_cast<long>(record.fields.size() + 1), ""},
                      "quoted field is not closed before the end of the file", kCloseQuoteFix);
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
  }
  if (records.empty()) {
    throw DataError(Location{file, 1, 0, ""}, "the file is empty",
                    "the first line must be the header naming the columns");
  }
  table.header = std::move(records.front().fields);
  records.erase(records.begin());
  table.records = std::move(records);
  return table;
}

std::vector<std::string> SplitCsv(std::string_view text, const std::filesystem::path& file,
                                  long line, std::vector<long>* columns) {
  std::vector<std::string> fields;
  std::vector<std::size_t> starts;
  std::size_t pos = 0;
  long line_after = line;
  const bool closed = ScanRecord(text, pos, line_after, fields, columns ? &starts : nullptr);
  if (columns) {
    columns->clear();
    for (std::size_t start : starts) columns->push_back(static_cast<long>(start) + 1);
  }
  if (!closed) {
    throw DataError(Location{file.string(), line, static_cast<long>(fields.size() + 1), ""},
                    "quoted field is not closed before the end of the line", kCloseQuoteFix);
  }
  if (pos < text.size()) {  // ForEachLine leaves no "\n"; a lone "\r" inside a line is left
    throw DataError(Location{file.string(), line, static_cast<long>(fields.size() + 1), ""},
                    "carriage return inside a line",
                    "save the file with Unix (LF) or Windows (CRLF) line ends");
  }
  return fields;
}

void SplitCsvViews(std::string_view text, const std::filesystem::path& file, long line,
                   std::vector<std::string>& owned, std::vector<std::string_view>& out) {
  out.clear();
  // Without quotes or carriage returns, splitting at commas is exactly what ScanRecord does.
  if (text.find_first_of("\"\r") != std::string_view::npos) {
    owned = SplitCsv(text, file, line);
    out.assign(owned.begin(), owned.end());
    return;
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    out.push_back(text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return;
    start = comma + 1;
  }
}

CsvTable ReadCsvFile(const std::filesystem::path& path, const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DataError(Location{file, 0, 0, ""}, "cannot open the file",
                    "check that it exists and is readable");
  }
  // Refuses pipes, devices and directories, and tables above kMaxDataFileBytes.
  return ParseCsv(detail::ReadRegularFile(path, detail::kDataFileKind, file), file);
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos &&
      (value.empty() || (value.front() != ' ' && value.back() != ' '))) {
    return std::string(value);
  }
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += CsvField(fields[k]);
  }
  out.push_back('\n');
  return out;
}

std::string ExactNumber(double value) {
  if (value == 0.0) return "0";  // also turns -0 into 0, which compares equal
  return fmt::format("{}", value);
}

}  // namespace ricardo::data_internal
