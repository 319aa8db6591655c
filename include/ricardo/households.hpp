// Household counts by region, for expressing welfare changes per household.
//
// The shipped counts (data/households/households.csv, sources in its PROVENANCE.md) are official
// figures of national statistical offices and Eurostat, one per region code of the built-in
// baselines, each with its reference year. Regions no office counts (ROW) have none.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ricardo {

struct HouseholdCount {
  std::string region;       // region code of the baselines (ISO3, EU27)
  double households = 0.0;  // count of households (not thousands)
  int year = 0;             // reference year of the count
  std::string source;       // statistical office
  std::string table;        // table, survey or release
  std::string url;
};

// A count describes a baseline's region only when the baseline's year is at most this many
// years from the count's: households grow about 1% a year, so ±5 years keeps the per-household
// figure within about 5%, while CP2015's 1993 base year is refused.
inline constexpr int kHouseholdYearWindow = 5;

// Reads a file laid out like data/households/households.csv (header region, households, year,
// source, table, url). Throws DataError naming the row and field of a bad value.
std::vector<HouseholdCount> LoadHouseholdCounts(const std::filesystem::path& csv);
// The shipped counts (DataDirectory()/households/households.csv), loaded once per process.
const std::vector<HouseholdCount>& ShippedHouseholdCounts();

// The count for `region` usable with a baseline of `baseline_year`; std::nullopt with `why`
// set when there is none ("no official count of ROW is shipped", "the count is of 2024, the
// baseline of 1993: more than 5 years apart").
std::optional<HouseholdCount> FindHouseholdCount(const std::vector<HouseholdCount>& counts,
                                                 const std::string& region, int baseline_year,
                                                 std::string* why);

}  // namespace ricardo
