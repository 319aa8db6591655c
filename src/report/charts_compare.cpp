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

// What tells the scenarios apart in legends and panel headers: "A: <title>" (the letter the
// comparison tables use), or the run's label when the scenario has no title.
std::vector<std::string> Labels(const std::vector<LabelledRun>& runs) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const std::string& title = runs[k].run->metadata.scenario_title;
    const std::string letter =
        k < 26 ? std::string(1, static_cast<char>('A' + k)) : std::to_string(k + 1);
    out.push_back(letter + ": " + (title.empty() ? runs[k].label : title));
  }
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
                     const std::string& name, const std::string& title,
                     const std::string& caption) {
  const Baseline& b = runs.front().run->baseline;
  const auto regions = ChartRegions(*runs.front().run);
  json values = json::array();
  const std::vector<std::string> labels = Labels(runs);
  for (std::size_t k = 0; k < runs.size(); ++k)
    for (std::size_t n : regions)
      values.push_back({{"region", b.regions[n].code},
                        {"scenario", labels[k]},
                        {"value", Value(indicator.value(*runs[k].run, n))}});
  json spec = GroupedBars(indicator.title, values, "region", Codes(b, regions), "scenario", labels,
                          "value", indicator.title);
  // The legend under the chart, one scenario a line, titles in full.
  spec["encoding"]["color"]["legend"] = {
      {"orient", "bottom"}, {"direction", "vertical"}, {"labelLimit", 0}, {"title", "Scenario"}};
  spec["encoding"]["color"]["title"] = "Scenario";
  spec["encoding"]["y"]["scale"] = {{"padding", 34}};  // room for the value labels
  json layer = json::array({{{"mark", spec["mark"]}}});
  for (auto& label : BarValueLabels("value", ".2f")) layer.push_back(label);
  spec.erase("mark");
  spec["layer"] = layer;
  return {name, title, caption, spec, RegionsNote(b, regions)};
}

ChartSpec TradeMatrices(const std::vector<LabelledRun>& runs) {
  const Baseline& b = runs.front().run->baseline;
  std::string note;
  const std::vector<std::size_t> regions =
      MatrixRegions(*runs.front().run, FocusRegions(b, {}), &note);
  std::vector<std::string> codes;
  for (std::size_t n : regions) codes.push_back(b.regions[n].code);
  json values = json::array();
  double max_abs = 0.0;
  const std::vector<std::string> labels = Labels(runs);
  std::vector<double> all_pct;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const LabelledRun& r = runs[k];
    for (std::size_t n : regions)
      for (std::size_t i : regions) {
        if (i == n) continue;
        const double pct = PercentChange(r.run->outcomes.BilateralImportsBase(n, i),
                                         r.run->outcomes.BilateralImportsNew(n, i));
        all_pct.push_back(pct);
        values.push_back({{"scenario", labels[k]},
                          {"importer", b.regions[n].code},
                          {"exporter", b.regions[i].code},
                          {"change_pct", Value(pct)}});
      }
  }
  max_abs = RobustBound(all_pct);
  json rect = {{"mark", {{"type", "rect"}, {"stroke", "white"}, {"tooltip", true}}},
               {"encoding", {{"color", ClippedDivergingColor("change_pct", "% change", max_abs)}}}};
  json text = {{"mark", {{"type", "text"}, {"fontSize", 10}}},
               {"encoding",
                {{"text", {{"field", "change_pct"}, {"type", "quantitative"}, {"format", ".1f"}}},
                 {"color",
                  {{"condition",
                    {{"test", "abs(datum['change_pct']) > " + std::to_string(0.6 * max_abs)},
                     {"value", "white"}}},
                   {"value", "black"}}}}}};
  json spec = VegaLiteBase("Change in bilateral imports by scenario, % (row imports from column)");
  spec["data"] = {{"values", values}};
  // One matrix under the other, each headed by its scenario's full title (side by side, long
  // titles ran into each other).
  spec["facet"] = {{"row",
                    {{"field", "scenario"},
                     {"type", "nominal"},
                     {"sort", labels},
                     {"title", nullptr},
                     {"header",
                      {{"labelOrient", "top"},
                       {"labelAngle", 0},
                       {"labelAlign", "left"},
                       {"labelAnchor", "start"},
                       {"labelLimit", 0},
                       {"labelFontSize", 12}}}}}};
  spec["spec"] = {
      {"width", {{"step", 44}}},
      {"height", {{"step", 26}}},
      {"encoding",
       {{"x",
         {{"field", "exporter"},
          {"type", "nominal"},
          {"sort", codes},
          {"title", "Exporter"},
          {"axis", {{"labelAngle", -40}}}}},
        {"y",
         {{"field", "importer"}, {"type", "nominal"}, {"sort", codes}, {"title", "Importer"}}}}},
      {"layer", json::array({rect, text})}};
  return {"trade_change_by_scenario", "Bilateral trade by scenario",
          "Change in imports of the row region from the column region, all sectors, %, one "
          "matrix per scenario, one under the other. Colours stop at the 5th–95th percentile range "
          "(beyond: the end "
          "colour).",
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

std::vector<ChartSpec> RangeCharts(const std::vector<LabelledRun>& runs,
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
        values.push_back({{"region", b.regions[n].code},
                          {"variant", r.label},
                          {"value", Value(ind->value(*r.run, n))}});
    json spec = VegaLiteBase(title + ": range over the elasticity variants");
    spec["data"] = {{"values", values}};
    json x = {{"field", "region"},
              {"type", "nominal"},
              {"sort", Codes(b, regions)},
              {"title", nullptr},
              {"axis", {{"labelAngle", 0}}}};
    json rule = {{"mark", {{"type", "rule"}, {"strokeWidth", 2}, {"color", "#888"}}},
                 {"encoding",
                  {{"x", x},
                   {"y",
                    {{"aggregate", "min"},
                     {"field", "value"},
                     {"type", "quantitative"},
                     {"title", ind->title}}},
                   {"y2", {{"aggregate", "max"}, {"field", "value"}}}}}};
    json points = {{"mark", {{"type", "point"}, {"filled", true}, {"size", 70}, {"tooltip", true}}},
                   {"encoding",
                    {{"x", x},
                     {"y", {{"field", "value"}, {"type", "quantitative"}}},
                     {"color",
                      {{"field", "variant"},
                       {"type", "nominal"},
                       {"sort", Labels(runs)},
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
