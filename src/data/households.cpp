// Household counts: reading data/households/households.csv and matching a baseline's regions.
#include "ricardo/households.hpp"

#include <cmath>
#include <cstdlib>
#include <mutex>

#include "data/csv.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"

namespace ricardo {
namespace {

const std::vector<std::string> kHeader = {"region", "households", "year", "source", "table", "url"};

double ParseCount(const std::string& text, const Location& where) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value) || value <= 0.0) {
    throw DataError(where, fmt::format("households is '{}', must be a positive number", text),
                    "write the count of households, e.g. 132737146");
  }
  return value;
}

int ParseYear(const std::string& text, const Location& where) {
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 1900 || value > 2100) {
    throw DataError(where, fmt::format("year is '{}', must be a year such as 2024", text));
  }
  return static_cast<int>(value);
}

}  // namespace

std::vector<HouseholdCount> LoadHouseholdCounts(const std::filesystem::path& csv) {
  const std::string name = csv.filename().string();
  const data_internal::CsvTable table = data_internal::ReadCsvFile(csv, name);
  if (table.header != kHeader) {
    throw DataError(Location{name, 1, 0, {}},
                    "the header is not 'region,households,year,source,table,url'");
  }
  std::vector<HouseholdCount> out;
  for (const data_internal::CsvRecord& r : table.records) {
    if (r.fields.size() != kHeader.size()) {
      throw DataError(Location{name, r.line, 0, {}},
                      fmt::format("{} fields, expected {}", r.fields.size(), kHeader.size()));
    }
    HouseholdCount c;
    c.region = r.fields[0];
    c.households = ParseCount(r.fields[1], Location{name, r.line, 0, "households"});
    c.year = ParseYear(r.fields[2], Location{name, r.line, 0, "year"});
    c.source = r.fields[3];
    c.table = r.fields[4];
    c.url = r.fields[5];
    for (const HouseholdCount& seen : out) {
      if (seen.region == c.region) {
        throw DataError(Location{name, r.line, 0, "region"},
                        fmt::format("region '{}' has a second row", c.region));
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

const std::vector<HouseholdCount>& ShippedHouseholdCounts() {
  static std::once_flag once;
  static std::vector<HouseholdCount> counts;
  std::call_once(once, [] {
    counts = LoadHouseholdCounts(DataDirectory() / "households" / "households.csv");
  });
  return counts;
}

std::optional<HouseholdCount> FindHouseholdCount(const std::vector<HouseholdCount>& counts,
                                                 const std::string& region, int baseline_year,
                                                 std::string* why) {
  for (const HouseholdCount& c : counts) {
    if (c.region != region) continue;
    if (baseline_year <= 0 || std::abs(c.year - baseline_year) > kHouseholdYearWindow) {
      if (why) {
        *why =
            baseline_year <= 0
                ? fmt::format("the baseline has no year to match the {} count of {} with", c.year,
                              region)
                : fmt::format("{}'s count is of {}, the baseline of {}: more than {} years apart",
                              region, c.year, baseline_year, kHouseholdYearWindow);
      }
      return std::nullopt;
    }
    return c;
  }
  if (why) *why = fmt::format("no official household count of {} is shipped", region);
  return std::nullopt;
}

}  // namespace ricardo
