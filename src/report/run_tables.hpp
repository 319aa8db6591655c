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
  std::vector<std::string> heading;   // scenario and baseline lines
  std::vector<TextTable> tables;      // countries, imports by partner, bilateral trade, sectors,
                                      // sectors with a high trade elasticity
  std::string solver_line;            // "Solver: ..." (empty when not requested)
  std::vector<std::string> warnings;  // non-convergence, sectors with a high trade elasticity
};

RunTables BuildRunTables(const RunResult& result, const TableOptions& options);

// `importer`'s imports by partner before and after, shares and change in share, and a total
// row (Outcomes::imports_by_partner).
TextTable ImportsByPartnerTable(const RunResult& result, std::size_t importer,
                                const MoneyDisplay& money);

// What "Added tariff on goods" means, for the notes under the tables that show it.
std::string AddedTariffNote(const RunResult& result);

// Welfare in money, per household, and the change in tariff revenue per year and over the
// budget window, by region; its note explains the conventions, and, when the baseline has USA,
// carries WelfareVersusWageNote for it.
TextTable MoneyTable(const RunResult& result, const MoneyDisplay& money);
// Why `region`'s exact welfare can rise while its real wage falls (tariff revenue rebated,
// terms of trade), and how a partial-equilibrium cost per household differs; every number in
// it comes from the run.
std::string WelfareVersusWageNote(const RunResult& result, std::size_t region,
                                  const MoneyDisplay& money);

// One line naming the sectors whose θ is above the threshold (RunResult::elasticity_flags, not
// empty), for the warnings at the top; and the table of their largest changes under the run's θ
// and under the alternative θ.
std::string ElasticityFlagWarning(const RunResult& result);
TextTable ElasticityFlagTable(const RunResult& result, const MoneyDisplay& money);

// The percentile bands of `ricardo run --draws` (RunResult::uncertainty, not null) per country.
TextTable BandsTable(const RunResult& result);

}  // namespace ricardo::detail
