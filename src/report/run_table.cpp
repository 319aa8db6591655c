// The terminal table of one run (text or Markdown).
#include <cmath>

#include "fmt/format.h"
#include "report/labels.hpp"
#include "report/run_tables.hpp"
#include "report/run_views.hpp"
#include "ricardo/error.hpp"

namespace ricardo {
namespace detail {
namespace {

TextTable CountryTable(const RunResult& r, const MoneyDisplay& money) {
  TextTable t;
  t.title = "Outcomes by country (% change; welfare = exact change in real income)";
  t.headers = {"Region",
               "Welfare %",
               "Real wage %",
               "Exports %",
               "Imports %",
               "Tariff rev. " + money.label + ": before",
               "after",
               std::string(kAddedTariffLabel) + ": " + AddedTariffBaseWeightsLabel(r.baseline),
               kAddedTariffShiftsLabel};
  t.align = {Align::kLeft};
  t.align.resize(t.headers.size(), Align::kRight);
  const Manifest& m = r.baseline.manifest;
  for (const CountryOutcome& c : r.outcomes.countries) {
    t.AddRow({c.code, SignedFixed(100.0 * c.welfare_exact, 2),
              SignedFixed(100.0 * c.real_wage_change, 2),
              SignedFixed(PercentChange(c.exports_base, c.exports_new), 2),
              SignedFixed(PercentChange(c.imports_base, c.imports_new), 2),
              Fixed(money(m, c.tariff_revenue_base), 1), Fixed(money(m, c.tariff_revenue_new), 1),
              Fixed(100.0 * c.goods_duties.added_at_base_weights, 2),
              Fixed(100.0 * c.goods_duties.added_after_shifts, 2)});
  }
  t.note = AddedTariffNote(r);
  return t;
}

std::string JoinCodes(const Baseline& b, const std::vector<std::size_t>& regions) {
  std::string out;
  for (std::size_t k = 0; k < regions.size(); ++k) {
    if (k > 0) out += k + 1 == regions.size() ? " and " : ", ";
    out += b.regions[regions[k]].code;
  }
  return out;
}

TextTable BilateralTable(const RunResult& r, const std::vector<std::size_t>& focus,
                         const MoneyDisplay& money) {
  TextTable t;
  t.title =
      "Trade among " + JoinCodes(r.baseline, focus) + " (imports, net of tariffs, all sectors)";
  t.headers = {"Importer", "Exporter", money.label + ": before", "after", "Change %"};
  t.align = {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight};
  const Manifest& m = r.baseline.manifest;
  for (std::size_t n : focus)
    for (std::size_t i : focus) {
      if (i == n) continue;
      const double base = r.outcomes.BilateralImportsBase(n, i);
      const double now = r.outcomes.BilateralImportsNew(n, i);
      t.AddRow({r.baseline.regions[n].code, r.baseline.regions[i].code, Fixed(money(m, base), 1),
                Fixed(money(m, now), 1), SignedFixed(PercentChange(base, now), 2)});
    }
  return t;
}

TextTable SectorTable(const RunResult& r, const std::vector<std::size_t>& regions,
                      const TableOptions& options, const MoneyDisplay& money) {
  TextTable t;
  const std::string where = regions.size() == r.baseline.region_count()
                                ? std::string("all regions")
                                : JoinCodes(r.baseline, regions);
  t.title = fmt::format("Largest changes in gross output, {} (up to {} sectors)", where,
                        options.top_sectors);
  t.headers = {"Region", "Sector", money.label + ": before", "after", "Change %"};
  t.align = {Align::kLeft, Align::kLeft, Align::kRight, Align::kRight, Align::kRight};
  const Manifest& m = r.baseline.manifest;
  for (const SectorChange& s :
       LargestSectorChanges(r, regions, options.top_sectors, options.min_sector_output_share)) {
    t.AddRow({r.baseline.regions[s.region].code, SectorLabel(r.baseline.sectors[s.sector]),
              Fixed(money(m, s.output_base), 1), Fixed(money(m, s.output_new), 1),
              SignedFixed(s.change_pct, 2)});
  }
  if (options.min_sector_output_share > 0.0) {
    t.note = fmt::format("Sectors below {:g}% of their region's output are not listed.",
                         100.0 * options.min_sector_output_share);
  }
  return t;
}

}  // namespace

RunTables BuildRunTables(const RunResult& r, const TableOptions& options) {
  if (options.top_sectors < 0) {
    throw ArgumentError(fmt::format("top_sectors is {}, must be at least 0", options.top_sectors));
  }
  const auto focus = FocusRegions(r.baseline, options.focus_regions);
  const auto importers = PartnerImporters(r.baseline, options.imports_by_partner_regions);
  const MoneyDisplay money = ChooseMoneyDisplay(r);
  RunTables out;
  const RunMetadata& meta = r.metadata;
  const Manifest& m = r.baseline.manifest;
  std::string scenario = meta.scenario_name.empty() ? "(unnamed scenario)" : meta.scenario_name;
  if (!meta.scenario_title.empty()) scenario += " — " + meta.scenario_title;
  if (!meta.scenario_date.empty()) scenario += " (compiled for " + meta.scenario_date + ")";
  out.heading.push_back("Scenario: " + scenario);
  out.heading.push_back(fmt::format("Baseline: {}{}, {} regions × {} sectors, money in {}", m.name,
                                    m.year > 0 ? fmt::format(" ({})", m.year) : "",
                                    r.baseline.region_count(), r.baseline.sector_count(),
                                    money.label));
  out.tables.push_back(CountryTable(r, money));
  if (r.uncertainty) out.tables.push_back(BandsTable(r));
  out.tables.push_back(MoneyTable(r, money));
  for (std::size_t n : importers) out.tables.push_back(ImportsByPartnerTable(r, n, money));
  if (focus.size() >= 2) out.tables.push_back(BilateralTable(r, focus, money));
  if (options.top_sectors > 0) {
    out.tables.push_back(
        SectorTable(r, SectorRegions(r.baseline, options.focus_regions), options, money));
  }
  // Last, after the numbers it qualifies; the warning above the tables points to it.
  if (!r.elasticity_flags.empty()) out.tables.push_back(ElasticityFlagTable(r, money));
  const SolverSummary& s = r.solution.summary;
  if (options.show_solver) out.solver_line = "Solver: " + s.BriefReport();
  if (!s.IsConverged()) {
    out.warnings.push_back("WARNING: the solver did not converge (" + s.message +
                           "); these numbers are not an equilibrium.");
  }
  if (!r.elasticity_flags.empty()) out.warnings.push_back(ElasticityFlagWarning(r));
  // Nothing happens (no measure in force on the date, a zero shock): said above the numbers.
  for (const std::string& w : r.metadata.warnings) out.warnings.push_back("WARNING: " + w + ".");
  return out;
}

}  // namespace detail

const char* ToString(TableFormat format) {
  switch (format) {
    case TableFormat::kText: return "text";
    case TableFormat::kMarkdown: return "markdown";
  }
  return "unknown";
}

std::string FormatRunTable(const RunResult& result, const TableOptions& options) {
  const detail::RunTables t = detail::BuildRunTables(result, options);
  const bool md = options.format == TableFormat::kMarkdown;
  std::string out;
  if (md) {
    out += "### " +
           (result.metadata.scenario_title.empty() ? result.metadata.scenario_name
                                                   : result.metadata.scenario_title) +
           "\n\n";
    for (const auto& line : t.heading) out += line + "  \n";  // two spaces: a line break
    out += "\n";
  } else {
    for (const auto& line : t.heading) out += line + "\n";
    out += "\n";
  }
  for (const auto& w : t.warnings) out += w + "\n\n";
  for (const auto& table : t.tables) out += (md ? table.ToMarkdown() : table.ToText()) + "\n";
  if (!t.solver_line.empty()) out += t.solver_line + "\n";
  return out;
}

}  // namespace ricardo
