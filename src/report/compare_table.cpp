// The terminal table of a comparison: runs side by side, differences against the first.
#include <cmath>

#include "fmt/format.h"
#include "report/indicators.hpp"
#include "ricardo/compare.hpp"
#include "ricardo/error.hpp"

namespace ricardo {
namespace detail {

std::vector<TextTable> ComparisonTables(const Comparison& c, const TableOptions& options,
                                        std::vector<std::string>* legend) {
  if (c.runs.empty()) throw ArgumentError("nothing to compare: no run");
  const auto letters = ColumnLetters(c.runs.size());
  std::vector<const RunResult*> results;
  for (const auto& r : c.runs) results.push_back(&r.result);
  const MoneyDisplay money = ChooseMoneyDisplay(results);
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    const RunMetadata& m = c.runs[k].result.metadata;
    std::string line = letters[k] + " = " + c.runs[k].label;
    if (!m.scenario_title.empty()) line += " — " + m.scenario_title;
    if (!m.scenario_date.empty()) line += " (" + m.scenario_date + ")";
    legend->push_back(line);
  }
  std::vector<TextTable> tables;
  for (const auto& indicator : CountryIndicators(money, /*levels=*/true))
    tables.push_back(IndicatorBlock(indicator, c.runs, letters, BlockExtra::kDifferences));
  const auto focus = FocusRegions(c.runs.front().result.baseline, options.focus_regions);
  if (focus.size() >= 2)
    tables.push_back(BilateralBlock(c.runs, letters, focus, BlockExtra::kDifferences));
  return tables;
}

}  // namespace detail

std::string FormatComparisonTable(const Comparison& c, const TableOptions& options) {
  std::vector<std::string> legend;
  const auto tables = detail::ComparisonTables(c, options, &legend);
  const bool md = options.format == TableFormat::kMarkdown;
  const Manifest& m = c.runs.front().result.baseline.manifest;
  std::string out =
      md ? "### Comparison of " + std::to_string(c.runs.size()) + " scenarios\n\n" : "";
  out += fmt::format("Comparison on baseline {}{}; differences against A{}\n", m.name,
                     m.year > 0 ? fmt::format(" ({})", m.year) : "", md ? "  " : "");
  for (const auto& l : legend) out += l + (md ? "  \n" : "\n");
  out += "\n";
  for (const auto& run : c.runs) {
    if (!run.result.solution.summary.IsConverged()) {
      out += "WARNING: " + run.label + " did not converge (" + run.result.solution.summary.message +
             "); its numbers are not an equilibrium.\n\n";
    }
  }
  for (const auto& t : tables) out += (md ? t.ToMarkdown() : t.ToText()) + "\n";
  if (options.show_solver) {
    for (std::size_t k = 0; k < c.runs.size(); ++k)
      out += "Solver " + detail::ColumnLetters(c.runs.size())[k] + ": " +
             c.runs[k].result.solution.summary.BriefReport() + (md ? "  \n" : "\n");
  }
  return out;
}

nlohmann::json ComparisonToJson(const Comparison& c, const RunJsonOptions& options) {
  if (c.runs.empty()) throw ArgumentError("nothing to compare: no run");
  nlohmann::json j;
  j["schema"] = "ricardo.comparison";
  j["schema_version"] = kComparisonSchemaVersion;
  j["labels"] = nlohmann::json::array();
  for (const auto& r : c.runs) j["labels"].push_back(r.label);
  const detail::MoneyDisplay money;  // indicator values in percent only; money is unused here
  nlohmann::json diffs = nlohmann::json::object();
  const Baseline& b = c.runs.front().result.baseline;
  for (std::size_t k = 1; k < c.runs.size(); ++k) {
    nlohmann::json per_region = nlohmann::json::object();
    for (std::size_t n = 0; n < b.region_count(); ++n) {
      nlohmann::json d = nlohmann::json::object();
      for (const auto& ind : detail::CountryIndicators(money, false)) {
        const double v = ind.value(c.runs[k].result, n) - ind.value(c.runs[0].result, n);
        d[ind.key + "_pp"] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
      }
      per_region[b.regions[n].code] = d;
    }
    diffs[c.runs[k].label] = per_region;
  }
  j["differences_against"] = c.runs.front().label;
  j["differences"] = diffs;
  j["runs"] = nlohmann::json::array();
  for (const auto& r : c.runs) j["runs"].push_back(RunResultToJson(r.result, options));
  return j;
}

}  // namespace ricardo
