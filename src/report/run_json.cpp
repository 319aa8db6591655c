// The run-result JSON document, schema version 1 (docs/run-result-schema.md).
#include <cmath>
#include <fstream>

#include "report/run_views.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {
namespace {

// Percent change from a base and a new level; null when the base is zero.
nlohmann::json PercentChange(double base, double now) {
  if (base == 0.0) return nullptr;
  return 100.0 * (now / base - 1.0);
}

nlohmann::json SolverJson(const SolverSummary& s) {
  const EquilibriumResiduals& r = s.check;
  return {{"termination", ToString(s.termination)},
          {"converged", s.IsConverged()},
          {"message", s.message},
          {"algorithm", ToString(s.algorithm)},
          {"iterations", s.outer_iterations},
          {"price_iterations", s.price_iterations},
          {"expenditure_iterations", s.expenditure_iterations},
          {"seconds", s.time_total_seconds},
          {"max_residual", r.Max()},
          {"residuals",
           {{"cost", r.cost},
            {"price", r.price},
            {"trade_shares", r.trade_shares},
            {"share_sums", r.share_sums},
            {"expenditure", r.expenditure},
            {"trade_balance", r.trade_balance},
            {"walras", r.walras},
            {"labour_market", r.labour_market},
            {"numeraire", r.numeraire}}}};
}

// Trade-weighted effective tariffs by partner (sector "_all") and by sector (exporter "_all"),
// percent; null where there is no trade to weight by.
nlohmann::json EffectiveTariffsJson(const RunResult& result) {
  auto pct = [](double fraction) -> nlohmann::json {
    if (!std::isfinite(fraction)) return nullptr;
    return 100.0 * fraction;
  };
  const Baseline& b = result.baseline;
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t n = 0; n < b.region_count(); ++n) {
    for (std::size_t i = 0; i < b.region_count(); ++i) {
      if (i == n) continue;
      const detail::EffectiveTariff t = detail::PairTariff(result, n, i);
      rows.push_back({{"importer", b.regions[n].code}, {"exporter", b.regions[i].code},
                      {"sector", "_all"}, {"base_pct", pct(t.base)}, {"new_pct", pct(t.now)}});
    }
    for (std::size_t s = 0; s < b.sector_count(); ++s) {
      const detail::EffectiveTariff t = detail::SectorTariff(result, n, s);
      rows.push_back({{"importer", b.regions[n].code}, {"exporter", "_all"},
                      {"sector", b.sectors[s].code}, {"base_pct", pct(t.base)},
                      {"new_pct", pct(t.now)}});
    }
  }
  return rows;
}

}  // namespace

void WriteRunJson(const RunResult& result, const std::filesystem::path& file,
                  const RunJsonOptions& options) {
  std::ofstream out(file, std::ios::binary);
  out << RunResultToJson(result, options).dump(2) << '\n';
  out.close();
  if (!out) {
    throw ArgumentError("cannot write '" + file.string() + "'",
                        "check that the directory exists and is writable");
  }
}

nlohmann::json RunResultToJson(const RunResult& result, const RunJsonOptions& options) {
  const Baseline& b = result.baseline;
  const Outcomes& o = result.outcomes;
  const std::size_t N = b.region_count(), J = b.sector_count();
  nlohmann::json j;
  j["schema"] = "ricardo.run-result";
  j["schema_version"] = kRunResultSchemaVersion;
  j["generator"] = {{"name", "ricardo"}, {"version", RICARDO_VERSION}};
  j["scenario"] = {{"name", result.metadata.scenario_name},
                   {"title", result.metadata.scenario_title},
                   {"description", result.metadata.scenario_description},
                   {"date", result.metadata.scenario_date},
                   {"sources", result.metadata.sources},
                   {"notes", result.metadata.notes}};
  nlohmann::json regions = nlohmann::json::array(), sectors = nlohmann::json::array();
  for (const auto& r : b.regions) regions.push_back({{"code", r.code}, {"name", r.name}});
  for (const auto& s : b.sectors) {
    sectors.push_back({{"code", s.code}, {"name", s.name}, {"tradable", s.tradable},
                       {"theta", s.theta}});
  }
  j["baseline"] = {{"name", b.manifest.name},       {"title", b.manifest.title},
                   {"year", b.manifest.year},       {"currency", b.manifest.currency},
                   {"money_unit", b.manifest.money_unit},
                   {"money_unit_label", b.manifest.MoneyUnitLabel()},
                   {"regions", regions},            {"sectors", sectors}};
  j["units"] = {{"money", b.manifest.MoneyUnitLabel()},
                {"changes", "percent"},
                {"tariffs", "percent ad valorem"}};

  nlohmann::json countries = nlohmann::json::object();
  for (std::size_t n = 0; n < N; ++n) {
    const CountryOutcome& c = o.countries[n];
    countries[c.code] = {
        {"name", b.regions[n].name},
        {"welfare_pct", 100.0 * c.welfare_exact},
        {"welfare_linear_pct", 100.0 * c.welfare_linear},
        {"welfare_tot_pct", 100.0 * c.welfare_tot},
        {"welfare_vot_pct", 100.0 * c.welfare_vot},
        {"welfare_trade_cost_pct", 100.0 * c.welfare_trade_cost},
        {"real_wage_pct", 100.0 * c.real_wage_change},
        {"wage_pct", 100.0 * c.wage_change},
        {"price_index_pct", 100.0 * c.price_index_change},
        {"income_base", c.income_base},
        {"income_new", c.income_new},
        {"value_added_base", c.value_added_base},
        {"value_added_new", c.value_added_new},
        {"exports_base", c.exports_base},
        {"exports_new", c.exports_new},
        {"exports_pct", PercentChange(c.exports_base, c.exports_new)},
        {"imports_base", c.imports_base},
        {"imports_new", c.imports_new},
        {"imports_pct", PercentChange(c.imports_base, c.imports_new)},
        {"tariff_revenue_base", c.tariff_revenue_base},
        {"tariff_revenue_new", c.tariff_revenue_new},
        {"average_tariff_base_pct", 100.0 * c.average_tariff_base},
        {"average_tariff_new_pct", 100.0 * c.average_tariff_new}};
  }
  j["countries"] = countries;

  nlohmann::json bilateral = nlohmann::json::array();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      const double base = o.BilateralImportsBase(n, i), now = o.BilateralImportsNew(n, i);
      bilateral.push_back({{"importer", b.regions[n].code},
                           {"exporter", b.regions[i].code},
                           {"imports_base", base},
                           {"imports_new", now},
                           {"change_pct", PercentChange(base, now)},
                           {"tot_contribution_pct", 100.0 * o.bilateral_tot(n, i)},
                           {"vot_contribution_pct", 100.0 * o.bilateral_vot(n, i)}});
    }
  j["bilateral"] = bilateral;

  nlohmann::json sector_rows = nlohmann::json::array();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t s = 0; s < J; ++s) {
      sector_rows.push_back({{"region", b.regions[n].code},
                             {"sector", b.sectors[s].code},
                             {"output_base", o.gross_output_base(n, s)},
                             {"output_new", o.gross_output_new(n, s)},
                             {"output_pct",
                              PercentChange(o.gross_output_base(n, s), o.gross_output_new(n, s))},
                             {"price_pct", 100.0 * o.price_change(n, s)},
                             {"tot_contribution_pct", 100.0 * o.sectoral_tot(n, s)},
                             {"vot_contribution_pct", 100.0 * o.sectoral_vot(n, s)}});
    }
  j["sectors"] = sector_rows;

  if (options.include_bilateral_sector) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t n = 0; n < N; ++n)
      for (std::size_t i = 0; i < N; ++i) {
        if (i == n) continue;
        for (std::size_t s = 0; s < J; ++s) {
          const double base = o.flows_base(n, i, s), now = o.flows_new(n, i, s);
          const double t0 = b.tariff_rates(n, i, s), t1 = result.shock.tariff_rates(n, i, s);
          const double d = result.shock.trade_cost_change(n, i, s);
          if (base == 0.0 && now == 0.0 && t0 == t1 && d == 1.0) continue;
          rows.push_back({{"importer", b.regions[n].code},
                          {"exporter", b.regions[i].code},
                          {"sector", b.sectors[s].code},
                          {"flow_base", base},
                          {"flow_new", now},
                          {"change_pct", PercentChange(base, now)},
                          {"tariff_base_pct", 100.0 * t0},
                          {"tariff_new_pct", 100.0 * t1},
                          {"trade_cost_change", d}});
        }
      }
    j["bilateral_sector"] = rows;
  }
  j["effective_tariffs"] = EffectiveTariffsJson(result);
  j["solver"] = SolverJson(result.solution.summary);
  return j;
}

}  // namespace ricardo
