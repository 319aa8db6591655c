// Vega-Lite specs for several runs: comparisons (scenarios side by side) and sensitivity ranges.
#include <cmath>

#include "report/chart_limits.hpp"
#include "report/charts.hpp"
#include "report/indicators.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

using nlohmann::json;

json Value(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

std::vector<std::string> Labels(const std::vector<LabelledRun>& runs) {
  std::vector<std::string> out;
  for (const auto& r : runs) out.push_back(r.label);
  return out;
}

std::vector<std::string> Codes(const Baseline& b, const std::vector<std::size_t>& regions) {
  std::vector<std::string> out;
  for (std::size_t n : regions) out.push_back(b.regions[n].code);
  return out;
}

std::string RegionsNote(const Baseline& b, const std::vector<std::size_t>& regions) {
  return LimitNote(regions.size(), b.region_count(), "regions",
                   "base-year income (in the first run)", "the CSV files");
}

ChartSpec ByScenario(const std::vector<LabelledRun>& runs, const Indicator& indicator,
                     const std::string& name, const std::string& title, const std::string& caption) {
  const Baseline& b = runs.front().run->baseline;
  const auto regions = ChartRegions(*runs.front().run);
  json values = json::array();
  for (const auto& r : runs)
    for (std::size_t n : regions)
      values.push_back({{"region", b.regions[n].code}, {"scenario", r.label},
                        {"value", Value(indicator.value(*r.run, n))}});
  return {name, title, caption,
          GroupedBars(indicator.title, values, "region", Codes(b, regions), "scenario",
                      Labels(runs), "value", indicator.title),
          RegionsNote(b, regions)};
}

ChartSpec TradeMatrices(const std::vector<LabelledRun>& runs) {
  const Baseline& b = runs.front().run->baseline;
  std::string note;
  const std::vector<std::size_t> regions = MatrixRegions(*runs.front().run, FocusRegions(b, {}), &note);
  std::vector<std::string> codes;
  for (std::size_t n : regions) codes.push_back(b.regions[n].code);
  json values = json::array();
  double max_abs = 0.0;
  for (const auto& r : runs)
    for (std::size_t n : regions)
      for (std::size_t i : regions) {
        if (i == n) continue;
        const double pct = PercentChange(r.run->outcomes.BilateralImportsBase(n, i),
                                         r.run->outcomes.BilateralImportsNew(n, i));
        if (std::isfinite(pct)) max_abs = std::max(max_abs, std::abs(pct));
        values.push_back({{"scenario", r.label}, {"importer", b.regions[n].code},
                          {"exporter", b.regions[i].code}, {"change_pct", Value(pct)}});
      }
  json rect = {{"mark", {{"type", "rect"}, {"stroke", "white"}, {"tooltip", true}}},
               {"encoding", {{"color", DivergingColor("change_pct", "% change")}}}};
  json text = {{"mark", {{"type", "text"}, {"fontSize", 10}}},
               {"encoding",
                {{"text", {{"field", "change_pct"}, {"type", "quantitative"}, {"format", ".1f"}}},
                 {"color", {{"condition", {{"test", "abs(datum['change_pct']) > " +
                                                        std::to_string(0.6 * max_abs)},
                                           {"value", "white"}}},
                            {"value", "black"}}}}}};
  json spec = VegaLiteBase("Change in bilateral imports by scenario, % (row imports from column)");
  spec["data"] = {{"values", values}};
  spec["facet"] = {{"column", {{"field", "scenario"}, {"type", "nominal"}, {"sort", Labels(runs)},
                               {"title", nullptr}}}};
  spec["spec"] = {
      {"width", {{"step", 44}}},
      {"height", {{"step", 26}}},
      {"encoding",
       {{"x", {{"field", "exporter"}, {"type", "nominal"}, {"sort", codes}, {"title", "Exporter"},
               {"axis", {{"labelAngle", -40}}}}},
        {"y", {{"field", "importer"}, {"type", "nominal"}, {"sort", codes}, {"title", "Importer"}}}}},
      {"layer", json::array({rect, text})}};
  return {"trade_change_by_scenario", "Bilateral trade by scenario",
          "Change in imports of the row region from the column region, all sectors, %, one "
          "matrix per scenario.",
          spec, note};
}

}  // namespace

std::vector<ChartSpec> ComparisonCharts(const std::vector<LabelledRun>& runs) {
  std::vector<const RunResult*> results;
  for (const auto& r : runs) results.push_back(r.run);
  const auto indicators = CountryIndicators(ChooseMoneyDisplay(results), /*levels=*/true);
  auto find = [&](const std::string& key) {
    for (const auto& i : indicators)
      if (i.key == key) return i;
    return indicators.front();
  };
  std::vector<ChartSpec> out;
  out.push_back(ByScenario(runs, find("welfare"), "welfare_by_scenario", "Welfare",
                           "Exact change in real income by country and scenario, %."));
  out.push_back(ByScenario(runs, find("real_wage"), "real_wage_by_scenario", "Real wage",
                           "Change in the real wage by country and scenario, %."));
  if (runs.front().run->baseline.region_count() >= 2) out.push_back(TradeMatrices(runs));
  out.push_back(ByScenario(runs, find("tariff_revenue_new"), "tariff_revenue_by_scenario",
                           "Tariff revenue",
                           "Tariff revenue after the shock by country and scenario."));
  return out;
}

std::vector<ChartSpec> RangeCharts(
    const std::vector<LabelledRun>& runs,
    const std::vector<std::pair<std::string, std::string>>& wanted) {
  const auto indicators = CountryIndicators(MoneyDisplay{}, /*levels=*/false);
  const Baseline& b = runs.front().run->baseline;
  const auto regions = ChartRegions(*runs.front().run);
  std::vector<ChartSpec> out;
  for (const auto& [key, title] : wanted) {
    const Indicator* ind = nullptr;
    for (const auto& i : indicators)
      if (i.key == key) ind = &i;
    if (!ind) continue;
    json values = json::array();
    for (const auto& r : runs)
      for (std::size_t n : regions)
        values.push_back({{"region", b.regions[n].code}, {"variant", r.label},
                          {"value", Value(ind->value(*r.run, n))}});
    json spec = VegaLiteBase(title + ": range over the elasticity variants");
    spec["data"] = {{"values", values}};
    json x = {{"field", "region"}, {"type", "nominal"}, {"sort", Codes(b, regions)},
              {"title", nullptr}, {"axis", {{"labelAngle", 0}}}};
    json rule = {{"mark", {{"type", "rule"}, {"strokeWidth", 2}, {"color", "#888"}}},
                 {"encoding",
                  {{"x", x},
                   {"y", {{"aggregate", "min"}, {"field", "value"}, {"type", "quantitative"},
                          {"title", ind->title}}},
                   {"y2", {{"aggregate", "max"}, {"field", "value"}}}}}};
    json points = {{"mark", {{"type", "point"}, {"filled", true}, {"size", 70}, {"tooltip", true}}},
                   {"encoding",
                    {{"x", x},
                     {"y", {{"field", "value"}, {"type", "quantitative"}}},
                     {"color", {{"field", "variant"}, {"type", "nominal"}, {"sort", Labels(runs)},
                                {"title", "Elasticities"}}}}}};
    spec["layer"] = json::array({rule, points});
    spec["width"] = {{"step", 48}};
    spec["height"] = 220;
    out.push_back({"range_" + key, title,
                   title + " under each set of trade elasticities (points) and its range (line).",
                   spec, RegionsNote(b, regions)});
  }
  return out;
}

}  // namespace ricardo::detail
