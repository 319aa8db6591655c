// The measures of a scenario, shortened for the report and run.json (RunMetadata::measures).
#pragma once

#include <vector>

#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::detail {

// One summary per measure, in scenario order; in_force on `date` (switched-off ones are not).
std::vector<MeasureSummary> SummariseMeasures(const Scenario& scenario, const Date& date);

}  // namespace ricardo::detail
