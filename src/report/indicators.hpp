// The per-country indicators shown side by side in comparisons and sensitivity tables.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "report/run_views.hpp"
#include "report/text_table.hpp"
#include "ricardo/compare.hpp"

namespace ricardo::detail {

struct Indicator {
  std::string key;         // JSON/CSV name: "welfare", "real_wage", …
  std::string title;       // table caption
  bool is_percent = true;  // a % change (differences are in percentage points)
  int decimals = 2;
  std::function<double(const RunResult&, std::size_t region)> value;
};

// welfare, real_wage, exports, imports (% change); tariff_revenue_new (money) and
// effective_tariff_new (%) when `levels` is true, tariff_revenue (% change) otherwise.
std::vector<Indicator> CountryIndicators(const MoneyDisplay& money, bool levels);

// One table per indicator: a row per region, a column per run, then either one "X − A" column
// per other run (kDifferences) or "min" and "max" (kRange).
enum class BlockExtra { kDifferences, kRange };
TextTable IndicatorBlock(const Indicator& indicator, const std::vector<ComparedRun>& runs,
                         const std::vector<std::string>& column_labels, BlockExtra extra);

// Bilateral import change % among the focus regions, a row per directed pair.
TextTable BilateralBlock(const std::vector<ComparedRun>& runs,
                         const std::vector<std::string>& column_labels,
                         const std::vector<std::size_t>& focus, BlockExtra extra);

// The comparison's tables (one per indicator, then bilateral trade); `legend` receives one
// "A = label — title" line per run.
std::vector<TextTable> ComparisonTables(const Comparison& c, const TableOptions& options,
                                        std::vector<std::string>* legend);

// Short column labels A, B, C… (Z, then AA…) for runs.
std::vector<std::string> ColumnLetters(std::size_t count);

}  // namespace ricardo::detail
