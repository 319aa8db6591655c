#include "data/wiod_table.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {
LabelledMatrix ParseLabelledMatrix(const std::string& text, const std::string& file) {
  LabelledMatrix m;
  m.file = file;
  std::string_view all(text);
  std::size_t pos = 0;
  long line_number = 0;
  bool header = true;
  std::vector<std::string> owned;  // the fields of a line with quotes
  std::vector<std::string_view> fields;
  while (pos < all.size()) {
    std::size_t end = all.find('\n', pos);
    if (end == all.npos) end = all.size();
    std::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    SplitCsvViews(line, file, line_number, owned, fields);
    if (header) {
      for (std::size_t c = 1; c < fields.size(); ++c) {
        m.column_labels.emplace_back(fields[c]);
      }
      header = false;
      continue;
    }
    if (fields.size() != m.column_labels.size() + 1) {
      throw DataError(
          Location{file, line_number, 0, ""},
          fmt::format("expected {} fields, found {}", m.column_labels.size() + 1, fields.size()),
          "the file is truncated or damaged; copy it again");
    }
    m.row_labels.emplace_back(fields[0]);
    for (std::size_t c = 1; c < fields.size(); ++c) {
      const std::string_view token = fields[c];
      double value = 0.0;
      const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
      if (token.empty() || ec != std::errc() || ptr != token.data() + token.size() ||
          !std::isfinite(value)) {
        throw DataError(Location{file, line_number, static_cast<long>(c + 1), ""},
                        fmt::format("value '{}' is not a number", token),
                        "the WIOD tables hold numbers in US$ million");
      }
      m.values.push_back(value);
    }
  }
  if (m.row_labels.empty()) {
    throw DataError(Location{file, 0, 0, ""}, "the table has no rows",
                    "the file is truncated or damaged; copy it again");
  }
  return m;
}

WiodYear ReadWiodYear(const std::filesystem::path& directory, int year) {
  auto read = [&](const std::string& name) {
    return ParseLabelledMatrix(ReadMaybeGzip(directory / name), name);
  };
  WiodYear y;
  y.intermediate = read(fmt::format("wiot{}_inter.csv.gz", year));
  y.final_use = read(fmt::format("wiot{}_final.csv.gz", year));
  y.output = read(fmt::format("wiot{}_output.csv", year));
  return y;
}

}  // namespace ricardo::data_internal
