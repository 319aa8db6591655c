// The measures a run simulated, as a table (RunMetadata::measures) for the HTML report.
#pragma once

#include "report/text_table.hpp"
#include "ricardo/run.hpp"

namespace ricardo::detail {

TextTable MeasuresTable(const RunMetadata& metadata);

}  // namespace ricardo::detail
