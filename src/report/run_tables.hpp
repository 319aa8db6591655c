// The tables of one run, built once and rendered as text, Markdown (FormatRunTable) or HTML
// (the report).
#pragma once

#include <string>
#include <vector>

#include "report/text_table.hpp"
#include "ricardo/report.hpp"

namespace ricardo::detail {

struct RunTables {
  std::vector<std::string> heading;  // scenario and baseline lines
  std::vector<TextTable> tables;   // countries, bilateral trade, largest sector changes
  std::string solver_line;         // "Solver: ..." (empty when not requested)
  std::vector<std::string> warnings;  // non-convergence and scenario notes
};

RunTables BuildRunTables(const RunResult& result, const TableOptions& options);

}  // namespace ricardo::detail
