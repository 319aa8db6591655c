#include "data/csv.hpp"

#include <filesystem>

#include "core/regular_file.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {

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
    std::string field;
    bool in_quotes = false, quoted = false, record_done = false;
    while (!record_done) {
      if (pos >= text.size()) {
        if (in_quotes) {
          throw DataError(Location{file, record.line, static_cast<long>(record.fields.size() + 1),
                                   ""},
                          "quoted field is not closed before the end of the file",
                          "add the closing '\"'; a quote inside a field is written '\"\"'");
        }
        record.fields.push_back(std::move(field));
        record_done = true;
        break;
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
        record.fields.push_back(std::move(field));
        field.clear();
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
        ++line;
        record.fields.push_back(std::move(field));
        record_done = true;
      } else {
        field.push_back(c);
      }
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
