// A compiled scenario's US tariffs beside a published tracker's (the Yale Budget Lab's effective
// tariff rates by partner group, data/tracker/): the cross-check `ricardo scenario explain` prints.
//
// Both sides are the all-goods additional duty on US imports (duties / imports, in force on the
// date, whatever year a measure dates from). ricardo's side, for a partner group, is the mean of
// its countries' rates weighted by their 2024 US imports, as the tracker weights them; a
// country's rate is its region's all-goods rate, or its portion's where the scenario names
// countries inside the region (Vietnam inside ROW).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/scenario.hpp"

namespace ricardo {

struct TrackerRate {
  std::string date;   // YYYY-MM-DD
  std::string label;  // the tracker's name for the date ("Phase 2")
  std::string group;  // partner group ("china", …); "" for all partners
  double rate = 0.0;  // fraction
};

struct TrackerRates {
  std::string source;  // one line, for the table's title
  std::vector<TrackerRate> rates;
};

// Reads yale_etr_by_partner.csv and yale_etr_overall.csv from `dir`. DataError (located) for a
// malformed file, NotFoundError if one is missing.
TrackerRates LoadTrackerRates(const std::filesystem::path& dir);
// data/tracker of the installation, loaded once; nullptr if the folder is absent.
std::shared_ptr<const TrackerRates> ShippedTrackerRates();

struct TrackerRow {
  std::string group;    // "china", …, "all" for every partner
  std::string members;  // ricardo's regions and countries in the group ("KOR, AUS, SGP, … (19)")
  double imports_2024_usd = 0.0;               // the weights: 2024 US imports of the group
  double model_rate = 0.0;                     // ricardo, on the compile date
  std::optional<double> model_reference_rate;  // ricardo, on the reference date (if any)
  std::optional<double> tracker_before;  // the tracker's rate on the last date ≤ the compile date
  std::optional<double> tracker_after;   // … and on the first date after it
  double gap() const { return tracker_before ? model_rate - *tracker_before : 0.0; }
};

struct TrackerComparison {
  std::string importer = "USA";
  std::string source;
  std::string date_before, date_after;  // tracker dates; "" if none
  std::vector<TrackerRow> rows;         // the tracker's groups, then "all"
  std::vector<std::string> notes;
};

// Empty (no rows) when the scenario compiles no pair with US imports in product mode.
TrackerComparison CompareWithTracker(const CompiledScenario& compiled, const TrackerRates& tracker,
                                     const std::shared_ptr<const ProductData>& products = nullptr);

std::string TrackerComparisonText(const TrackerComparison& comparison);

}  // namespace ricardo
