// The monthly US imports of the product data: us_imports_can_mex_monthly.csv.gz
// (hts10,partner,month,value_usd,usmca_value_usd), about 200,000 rows read at every `ricardo
// run`. Rows come sorted by code, so the code of the previous row is tried first; a month is
// checked once, the first time it appears; fields are views into the line (the file has no
// quoted fields; a line with a quote goes through the full CSV splitter).
#include <algorithm>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/text_files.hpp"

namespace ricardo {
void ProductData::LoadImports(const std::filesystem::path& directory) {
  const auto file = directory / "us_imports_can_mex_monthly.csv.gz";
  std::vector<std::string> seen;                    // months in order of first appearance
  std::vector<std::vector<ImportLine>> by_seen[2];  // [partner][index into seen]
  std::vector<std::string> owned;
  std::vector<std::string_view> fields;
  std::string last_code;
  std::uint32_t last_index = 0;
  data_internal::ForEachLine(file, [&](long line, std::string_view text) {
    if (line == 1)
      return detail::ExpectHeader(text, "hts10,partner,month,value_usd,usmca_value_usd", file);
    data_internal::SplitCsvViews(text, file, line, owned, fields);
    if (fields.size() != 5)
      throw DataError(Location{file.string(), line, 1, ""}, "expected 5 fields");
    if (fields[0] != last_code) {
      const auto [first, last] = PrefixRange(fields[0]);
      if (fields[0].size() != 10 || first == last || codes_[first] != fields[0]) {
        throw DataError(Location{file.string(), line, 1, ""},
                        fmt::format("'{}' is not a known HTS10 number", fields[0]),
                        "rebuild the data with data/tariffs/build_product_data.py");
      }
      last_code.assign(fields[0]);
      last_index = static_cast<std::uint32_t>(first);
    }
    int partner = -1;
    if (fields[1] == "CAN") partner = kCanada;
    if (fields[1] == "MEX") partner = kMexico;
    if (partner < 0) {
      throw DataError(Location{file.string(), line, 2, ""},
                      fmt::format("partner '{}' is not CAN or MEX", fields[1]));
    }
    auto month = std::find(seen.begin(), seen.end(), fields[2]);
    if (month == seen.end()) {
      if (!Date::Parse(std::string(fields[2]) + "-01")) {
        throw DataError(Location{file.string(), line, 3, ""},
                        fmt::format("'{}' is not a month (YYYY-MM)", fields[2]));
      }
      month = seen.insert(seen.end(), std::string(fields[2]));
      for (auto& per_partner : by_seen) per_partner.emplace_back();
    }
    const double value = detail::ParseNumber(fields[3], file, line, 4);
    const double usmca = detail::ParseNumber(fields[4], file, line, 5);
    if (value < 0.0 || usmca < 0.0 || usmca > value) {
      throw DataError(Location{file.string(), line, 4, ""},
                      "values must satisfy 0 <= usmca_value_usd <= value_usd");
    }
    by_seen[partner][static_cast<std::size_t>(month - seen.begin())].push_back(
        {last_index, value, usmca});
  });
  // Months sorted, each month's lines moved to its place among them.
  months_ = seen;
  std::sort(months_.begin(), months_.end());
  for (int partner : {kCanada, kMexico}) {
    imports_[partner].resize(months_.size());
    for (std::size_t k = 0; k < seen.size(); ++k) {
      const auto place =
          std::lower_bound(months_.begin(), months_.end(), seen[k]) - months_.begin();
      imports_[partner][static_cast<std::size_t>(place)] = std::move(by_seen[partner][k]);
    }
  }
}

}  // namespace ricardo
