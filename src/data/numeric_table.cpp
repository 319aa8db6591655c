#include "data/numeric_table.hpp"

#include <charconv>
#include <cmath>

#include "core/regular_file.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line, char delimiter) {
  std::vector<std::string_view> fields;
  if (delimiter == ' ') {
    std::size_t pos = 0;
    while (pos < line.size()) {
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
      if (pos >= line.size()) break;
      std::size_t end = pos;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
      fields.push_back(line.substr(pos, end - pos));
      pos = end;
    }
    return fields;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(delimiter, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? line.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return fields;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const char* DelimiterName(char delimiter) {
  switch (delimiter) {
    case '\t': return "tab-separated";
    case ',': return "comma-separated";
    default: return "blank-separated";
  }
}

}  // namespace

NumericTable ParseNumericTable(const std::string& text, const std::string& file,
                               const NumericTableSpec& spec) {
  NumericTable table;
  table.file = file;
  std::vector<std::string_view> lines;
  {
    std::string_view all(text);
    std::size_t start = 0;
    while (start <= all.size()) {
      std::size_t end = all.find('\n', start);
      std::string_view line = all.substr(start, end == all.npos ? all.npos : end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      if (end == all.npos) break;
      start = end + 1;
    }
    while (!lines.empty() && Trim(lines.back()).empty()) lines.pop_back();
  }
  for (std::size_t r = 0; r < lines.size(); ++r) {
    const long row_number = static_cast<long>(r + 1);
    if (Trim(lines[r]).empty()) {
      throw DataError(Location{file, row_number, 0, ""}, "empty line inside the table",
                      "remove the blank line; every row must hold numbers");
    }
    const auto fields = SplitFields(lines[r], spec.delimiter);
    if (r == 0) {
      table.cols = fields.size();
      if (spec.cols && table.cols != *spec.cols) {
        throw DataError(Location{file, row_number, 0, ""},
                        fmt::format("expected {} columns, found {}", *spec.cols, table.cols),
                        fmt::format("the file must be {} with {} values per row",
                                    DelimiterName(spec.delimiter), *spec.cols));
      }
    } else if (fields.size() != table.cols) {
      throw DataError(Location{file, row_number, 0, ""},
                      fmt::format("expected {} columns, found {}", table.cols, fields.size()),
                      "every row must have the same number of values");
    }
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const std::string_view token = Trim(fields[c]);
      const Location where{file, row_number, static_cast<long>(c + 1), ""};
      double value = 0.0;
      const char* first = token.data();
      const char* last = token.data() + token.size();
      if (!token.empty() && *first == '+') ++first;
      const auto [ptr, ec] = std::from_chars(first, last, value);
      if (token.empty() || ec != std::errc() || ptr != last) {
        throw DataError(where, fmt::format("value '{}' is not a number", token),
                        "expected a decimal number such as 1234.5 or 1.2E+09");
      }
      if (!std::isfinite(value)) {
        throw DataError(where, fmt::format("value '{}' is not finite", token),
                        "replace it with a finite number");
      }
      if (!spec.allow_negative && value < 0.0) {
        throw DataError(where, fmt::format("value {} is negative", token),
                        "values in this file must be >= 0");
      }
      table.values.push_back(value);
    }
  }
  table.rows = lines.size();
  if (spec.rows && table.rows != *spec.rows) {
    throw DataError(Location{file, 0, 0, ""},
                    fmt::format("expected {} rows, found {}", *spec.rows, table.rows),
                    "the file is truncated or has extra rows");
  }
  return table;
}

NumericTable ReadNumericTable(const std::filesystem::path& path, const NumericTableSpec& spec) {
  const std::string file = path.filename().string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "cannot open file",
                        "check that the file exists and is readable");
  }
  // Refuses pipes, devices and directories, and tables above kMaxDataFileBytes.
  return ParseNumericTable(ReadRegularFile(path, kDataFileKind), file, spec);
}

}  // namespace ricardo::detail
