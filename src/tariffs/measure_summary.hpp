// The measures of a scenario, shortened for the report and run.json (RunMetadata::measures).
#pragma once

#include <vector>

#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::detail {

// One summary per measure, in scenario order; in_force on `date` (switched-off ones are not).
std::vector<MeasureSummary> SummariseMeasures(const Scenario& scenario, const Date& date);

// After CompiledScenario::SetRates: each summary's `rate` text says `rates[k]` (a rate taken
// from the baseline is left as it is; it has no rate of its own).
void SetSummaryRates(const std::vector<double>& rates, std::vector<MeasureSummary>* measures);

}  // namespace ricardo::detail
