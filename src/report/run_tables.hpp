// The tables of one run, built once and rendered as text, Markdown (FormatRunTable) or HTML
// (the report).
#pragma once

#include <string>
#include <vector>

#include "report/run_views.hpp"
#include "report/text_table.hpp"
#include "ricardo/report.hpp"

namespace ricardo::detail {

struct RunTables {
  std::vector<std::string> heading;  // scenario and baseline lines
  std::vector<TextTable> tables;   // countries, imports by partner, bilateral trade, sectors
  std::string solver_line;         // "Solver: ..." (empty when not requested)
  std::vector<std::string> warnings;  // non-convergence and scenario notes
};

RunTables BuildRunTables(const RunResult& result, const TableOptions& options);

// `importer`'s imports by partner before and after, shares and change in share, and a total
// row (Outcomes::imports_by_partner).
TextTable ImportsByPartnerTable(const RunResult& result, std::size_t importer,
                                const MoneyDisplay& money);

}  // namespace ricardo::detail
