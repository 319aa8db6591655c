// Derived views of a RunResult shared by the table, CSV, chart and comparison code: which
// regions to focus on, money in display units, percent changes, effective tariff rates by
// partner and by sector, and the largest sector output changes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ricardo/run.hpp"

namespace ricardo::detail {

// Percent change 100 (now / base − 1); NaN when base is zero (printed "n/a", written empty).
double PercentChange(double base, double now);

// Money in currency units: model money × the manifest's money unit.
double ToCurrency(const Manifest& manifest, double money);

// The unit tables print money in: "US$ bn" when the largest national income is at least
// US$ 10 billion, else "US$ m". `divisor` converts currency units to it.
struct MoneyDisplay {
  double divisor = 1e9;
  std::string label = "US$ bn";
  double operator()(const Manifest& manifest, double money) const {
    return ToCurrency(manifest, money) / divisor;
  }
};
MoneyDisplay ChooseMoneyDisplay(const RunResult& result);
MoneyDisplay ChooseMoneyDisplay(const std::vector<const RunResult*>& results);

// Column-name suffix of currency amounts in CSV files: "usd", or the lower-case currency code.
std::string CurrencySuffix(const Manifest& manifest);

// Index of the region `code`; ArgumentError naming `what` ("focus region", "importer") and
// listing the baseline's codes if there is none.
std::size_t RegionIndex(const Baseline& baseline, const std::string& code, const char* what);

// Indices of the focus regions: the requested codes (ArgumentError for an unknown one), else
// USA, CAN, MEX when all are present, else every region.
std::vector<std::size_t> FocusRegions(const Baseline& baseline,
                                      const std::vector<std::string>& requested);
// Regions of the largest sector changes: the requested focus regions, else every region.
std::vector<std::size_t> SectorRegions(const Baseline& baseline,
                                       const std::vector<std::string>& requested);
// Importers whose imports by partner are shown (TableOptions::imports_by_partner_regions): the
// requested codes, else USA when the baseline has it; none when there are fewer than 3 regions.
std::vector<std::size_t> PartnerImporters(const Baseline& baseline,
                                          const std::vector<std::string>& requested);

// The one label of the effective tariff (GoodsDuties) in every table, CSV header, chart and the
// dashboard: "Added tariff on goods, %", with its two weightings "at 2024 weights" (the
// baseline's year; "at base-year weights" without one) and "after shifts".
inline constexpr const char* kAddedTariffLabel = "Added tariff on goods, %";
std::string AddedTariffBaseWeightsLabel(const Baseline& baseline);
inline constexpr const char* kAddedTariffShiftsLabel = "after shifts";

// The effective tariff of `importer` on `exporter` (its entry in Outcomes::imports_by_partner).
const GoodsDuties& PairGoodsDuties(const RunResult& result, std::size_t importer,
                                   std::size_t exporter);

// Money per year at the baseline's prices, for labels: "US$ bn/yr at 2024 prices".
std::string MoneyPerYearLabel(const Baseline& baseline, const MoneyDisplay& money);

// Trade-weighted average applied tariff (fraction): base rates weighted by base flows, new
// rates by counterfactual flows, as CountryOutcome::average_tariff_*. NaN without trade.
struct AppliedTariff {
  double base = 0.0;
  double now = 0.0;
};
// Imports of `importer` from `exporter`, over all sectors.
AppliedTariff PairTariff(const RunResult& result, std::size_t importer, std::size_t exporter);
// Imports of `importer` in `sector`, over all foreign partners.
AppliedTariff SectorTariff(const RunResult& result, std::size_t importer, std::size_t sector);
// True if any foreign flow of `sector` has a non-zero base or counterfactual tariff.
bool SectorHasTariffs(const RunResult& result, std::size_t sector);

struct SectorChange {
  std::size_t region = 0, sector = 0;
  double output_base = 0.0, output_new = 0.0;  // model money
  double change_pct = 0.0;
};
// The `count` largest |percent changes| of gross output among the `regions`, leaving out
// sectors whose base output is below `min_output_share` of their region's output.
std::vector<SectorChange> LargestSectorChanges(const RunResult& result,
                                               const std::vector<std::size_t>& regions, int count,
                                               double min_output_share);

}  // namespace ricardo::detail
