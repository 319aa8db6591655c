// The Vega-Lite specs of one run's charts. Data go inline; percent and US$ only here, at the edge.
#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "fmt/format.h"
#include "report/chart_limits.hpp"
#include "report/labels.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

using nlohmann::json;

// Room at both ends of a bar chart's value axis for the value labels beyond the longest bars.
constexpr int kLabelRoomPx = 34;
// Sector names are read in full on a heatmap's side ("Agriculture, hunting, forestry and fishing").
constexpr int kNameLabelLimitPx = 320;

// A number for chart data: null when not finite (Vega-Lite leaves the mark out).
json Value(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

json SortOrder(const std::vector<std::string>& codes) {
  return codes;
}

std::vector<std::string> Codes(const Baseline& b, const std::vector<std::size_t>& regions) {
  std::vector<std::string> out;
  for (std::size_t n : regions) out.push_back(b.regions[n].code);
  return out;
}

std::string RegionsNote(const RunResult& r, const std::vector<std::size_t>& regions) {
  return LimitNote(regions.size(), r.baseline.region_count(), "regions", "base-year income",
                   "country_changes.csv and country_levels.csv");
}

std::vector<double> PairImportsBase(const RunResult& r,
                                    const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  std::vector<double> out;
  for (const auto& [n, i] : pairs) out.push_back(r.outcomes.BilateralImportsBase(n, i));
  return out;
}

// At most kChartPairsMax pairs, the largest by base-year imports, in their order.
std::vector<std::pair<std::size_t, std::size_t>> CapPairs(
    const RunResult& r, const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
    std::string* note) {
  std::vector<std::size_t> positions(pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) positions[k] = k;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t k : LargestInOrder(positions, PairImportsBase(r, pairs), kChartPairsMax))
    out.push_back(pairs[k]);
  *note = LimitNote(out.size(), pairs.size(), "importer ← exporter pairs", "base-year imports",
                    "effective_tariffs.csv");
  return out;
}

// The layers every heatmap shares: cells coloured as `rect` says, and `text_field` printed in
// each cell, white where |value| > dark_above (the dark end of the colour scale).
json HeatmapLayers(const std::string& x, json x_sort, json y_encoding, json rect, json text_field,
                   const std::string& value, double dark_above) {
  json text = {{"mark", {{"type", "text"}, {"fontSize", 10}}},
               {"encoding",
                {{"text", std::move(text_field)},
                 {"color",
                  {{"condition",
                    {{"test", "abs(datum['" + value + "']) > " + std::to_string(dark_above)},
                     {"value", "white"}}},
                   {"value", "black"}}}}}};
  return {{"encoding",
           {{"x",
             {{"field", x},
              {"type", "nominal"},
              {"sort", std::move(x_sort)},
              {"axis", {{"labelAngle", -40}}}}},
            {"y", std::move(y_encoding)}}},
          {"layer", json::array({std::move(rect), std::move(text)})}};
}

// A heatmap of a percent value with the value printed in each cell (white on dark cells).
json Heatmap(const std::string& x, const std::string& y, const std::string& value, json x_sort,
             json y_sort, json color, double max_abs, const std::string& format) {
  json rect = {{"mark", {{"type", "rect"}, {"stroke", "white"}}},
               {"encoding", {{"color", std::move(color)}}}};
  return HeatmapLayers(
      x, std::move(x_sort), {{"field", y}, {"type", "nominal"}, {"sort", std::move(y_sort)}},
      std::move(rect), {{"field", value}, {"type", "quantitative"}, {"format", format}}, value,
      0.6 * max_abs);
}

// A heatmap of percent changes on a diverging colour scale clipped at RobustBound: values
// beyond it take the end colour and their printed value is marked "*", which the caption
// explains (ClippedNote). Each element of `values` needs `value` (number or null).
json ClippedHeatmap(const std::string& x, const std::string& y, const std::string& value,
                    json& values, json x_sort, json y_sort, double* bound) {
  std::vector<double> finite;
  for (const auto& v : values)
    if (v[value].is_number()) finite.push_back(v[value].get<double>());
  *bound = RobustBound(finite);
  for (auto& v : values) {
    v["label"] = "";  // no number (no base-year value): an empty cell, not "undefined"
    if (!v[value].is_number()) continue;
    const double x_value = v[value].get<double>();
    v["label"] = fmt::format("{:.1f}{}", x_value, std::fabs(x_value) > *bound ? "*" : "");
  }
  json rect = {{"mark", {{"type", "rect"}, {"stroke", "white"}, {"tooltip", true}}},
               {"encoding", {{"color", ClippedDivergingColor(value, "% change", *bound)}}}};
  return HeatmapLayers(x, std::move(x_sort),
                       {{"field", y},
                        {"type", "nominal"},
                        {"sort", std::move(y_sort)},
                        {"axis", {{"labelLimit", kNameLabelLimitPx}}}},
                       std::move(rect), {{"field", "label"}, {"type", "nominal"}}, value,
                       0.6 * *bound);
}

std::string ClippedNote(const json& values, double bound) {
  for (const auto& v : values)
    if (v.contains("label") && v["label"].get<std::string>().ends_with("*"))
      return fmt::format(
          "Colours stop at ±{:.1f}% (the 5th–95th percentile range) so that a few "
          "large changes do not wash out the rest; cells marked * are beyond it.",
          bound);
  return "";
}

// Sector codes to names in a chart built with codes (the "sector" field and its sort order), so
// that every chart shows names while CSV and JSON keep the codes.
void UseSectorNames(const Baseline& b, ChartSpec& chart) {
  std::map<std::string, std::string> names;
  for (const Sector& sector : b.sectors) names[sector.code] = SectorLabel(sector);
  auto rename = [&](json& v) {
    if (v.is_string())
      if (auto it = names.find(v.get<std::string>()); it != names.end()) v = it->second;
  };
  if (chart.spec.contains("data") && chart.spec["data"].contains("values"))
    for (auto& row : chart.spec["data"]["values"])
      if (row.contains("sector")) rename(row["sector"]);
  for (const char* axis : {"x", "y"}) {
    if (!chart.spec.contains("encoding") || !chart.spec["encoding"].contains(axis)) continue;
    json& e = chart.spec["encoding"][axis];
    if (e.value("field", "") == "sector" && e.contains("sort") && e["sort"].is_array())
      for (auto& v : e["sort"]) rename(v);
  }
}

ChartSpec WelfareChart(const RunResult& r) {
  const auto regions = ChartRegions(r);
  json values = json::array();
  for (std::size_t n : regions) {
    const CountryOutcome& c = r.outcomes.countries[n];
    values.push_back({{"region", c.code},
                      {"measure", "Welfare (exact)"},
                      {"change_pct", Value(100.0 * c.welfare_exact)}});
    values.push_back({{"region", c.code},
                      {"measure", "Real wage"},
                      {"change_pct", Value(100.0 * c.real_wage_change)}});
  }
  json spec = VegaLiteBase("Welfare and real wage by country");
  spec["data"] = {{"values", values}};
  spec["layer"] = json::array({{{"mark", {{"type", "bar"}, {"tooltip", true}}}}});
  for (auto& label : BarValueLabels("change_pct", "+.2f")) spec["layer"].push_back(label);
  spec["width"] = {{"step", 44}};
  spec["height"] = 220;
  spec["encoding"] = {{"x",
                       {{"field", "region"},
                        {"type", "nominal"},
                        {"sort", SortOrder(Codes(r.baseline, regions))},
                        {"title", "Region"},
                        {"axis", {{"labelAngle", 0}}}}},
                      {"xOffset", {{"field", "measure"}, {"type", "nominal"}}},
                      {"y",
                       {{"field", "change_pct"},
                        {"type", "quantitative"},
                        {"title", "% change"},
                        {"scale", {{"padding", kLabelRoomPx}}}}},
                      {"color",
                       {{"field", "measure"},
                        {"type", "nominal"},
                        {"title", nullptr},
                        {"scale", {{"range", {"#1f77b4", "#ff7f0e"}}}}}}};
  return {"welfare_real_wage", "Welfare and real wage",
          "Exact change in real income (welfare) and in the real wage, % of the base year.", spec,
          RegionsNote(r, regions)};
}

ChartSpec BilateralChart(const RunResult& r, const std::vector<std::size_t>& regions,
                         const std::string& note) {
  const Baseline& b = r.baseline;
  json values = json::array();
  std::vector<std::string> codes;
  for (std::size_t n : regions) codes.push_back(b.regions[n].code);
  for (std::size_t n : regions)
    for (std::size_t i : regions) {
      if (i == n) continue;
      const double pct = PercentChange(r.outcomes.BilateralImportsBase(n, i),
                                       r.outcomes.BilateralImportsNew(n, i));
      values.push_back({{"importer", b.regions[n].code},
                        {"exporter", b.regions[i].code},
                        {"change_pct", Value(pct)}});
    }
  double bound = 0.0;
  json spec = VegaLiteBase("Change in bilateral imports, % (row imports from column)");
  spec.update(ClippedHeatmap("exporter", "importer", "change_pct", values, codes, codes, &bound));
  spec["data"] = {{"values", values}};
  std::string clipped = ClippedNote(values, bound);
  const std::string limits = note;
  spec["width"] = {{"step", 52}};
  spec["height"] = {{"step", 30}};
  spec["encoding"]["x"]["title"] = "Exporter";
  spec["encoding"]["y"]["title"] = "Importer";
  return {"bilateral_trade_change", "Bilateral trade",
          "Change in imports of the row region from the column region, all sectors, net of "
          "tariffs, %.",
          spec, limits + (limits.empty() || clipped.empty() ? "" : " ") + clipped};
}

ChartSpec SectorOutputChart(const RunResult& r, const std::vector<std::size_t>& regions,
                            const std::string& regions_note) {
  const Baseline& b = r.baseline;
  json values = json::array();
  std::vector<std::string> region_codes, sector_codes;
  for (std::size_t n : regions) region_codes.push_back(b.regions[n].code);
  std::vector<std::size_t> every_sector(b.sector_count());
  for (std::size_t j = 0; j < b.sector_count(); ++j) every_sector[j] = j;
  const auto sectors = ChartSectors(r, every_sector);
  for (std::size_t j : sectors) sector_codes.push_back(SectorLabel(b.sectors[j]));
  for (std::size_t n : regions)
    for (std::size_t j : sectors) {
      const double pct =
          PercentChange(r.outcomes.gross_output_base(n, j), r.outcomes.gross_output_new(n, j));
      values.push_back({{"region", b.regions[n].code},
                        {"sector", SectorLabel(b.sectors[j])},
                        {"change_pct", Value(pct)}});
    }
  double bound = 0.0;
  json spec = VegaLiteBase("Change in gross output by sector, %");
  spec.update(
      ClippedHeatmap("region", "sector", "change_pct", values, region_codes, sector_codes, &bound));
  spec["data"] = {{"values", values}};
  spec["width"] = {{"step", 52}};
  spec["height"] = {{"step", 16}};
  spec["encoding"]["x"]["title"] = "Region";
  spec["encoding"]["y"]["title"] = "Sector";
  std::string note = regions_note;
  const std::string sectors_note =
      LimitNote(sectors.size(), b.sector_count(), "sectors", "world base-year gross output",
                "sector_output.csv and sector_changes.csv");
  if (!sectors_note.empty()) note += (note.empty() ? "" : " ") + sectors_note;
  const std::string clipped = ClippedNote(values, bound);
  if (!clipped.empty()) note += (note.empty() ? "" : " ") + clipped;
  return {"sector_output_change", "Output by sector",
          "Change in each sector's gross output (value, relative to world value added), %.", spec,
          note};
}

std::string PairLabel(const Baseline& b, std::size_t n, std::size_t i) {
  return b.regions[n].code + " ← " + b.regions[i].code;
}

ChartSpec TariffPartnerChart(const RunResult& r, const std::vector<std::size_t>& importers) {
  const Baseline& b = r.baseline;
  json values = json::array();
  std::vector<std::string> order;
  std::vector<std::pair<std::size_t, std::size_t>> all;
  for (std::size_t n : importers)
    for (std::size_t i = 0; i < b.region_count(); ++i)
      if (i != n) all.emplace_back(n, i);
  std::string note;
  const std::string at_base = AddedTariffBaseWeightsLabel(b), after = kAddedTariffShiftsLabel;
  for (const auto& [n, i] : CapPairs(r, all, &note)) {
    const GoodsDuties& d = PairGoodsDuties(r, n, i);
    order.push_back(PairLabel(b, n, i));
    values.push_back({{"pair", order.back()},
                      {"state", at_base},
                      {"tariff_pct", Value(100.0 * d.added_at_base_weights)}});
    values.push_back({{"pair", order.back()},
                      {"state", after},
                      {"tariff_pct", Value(100.0 * d.added_after_shifts)}});
  }
  // Pairs down the side, read like the tables: labels stay horizontal however many pairs a
  // baseline has (33 for three importers among 12 regions).
  json spec = VegaLiteBase(std::string(kAddedTariffLabel) + " by partner (importer ← exporter)");
  spec["data"] = {{"values", values}};
  spec["mark"] = {{"type", "bar"}, {"tooltip", true}};
  spec["width"] = 360;
  spec["height"] = {{"step", 8}, {"for", "offset"}};  // per bar: 16 px a pair
  spec["encoding"] = {
      {"y", {{"field", "pair"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
      {"yOffset", {{"field", "state"}, {"type", "nominal"}, {"sort", {at_base, after}}}},
      {"x", {{"field", "tariff_pct"}, {"type", "quantitative"}, {"title", "% ad valorem"}}},
      {"color",
       {{"field", "state"},
        {"type", "nominal"},
        {"sort", {at_base, after}},
        {"title", nullptr},
        {"scale", {{"range", {"#d62728", "#ff9896"}}}}}}};
  return {"effective_tariff_partner", std::string(kAddedTariffLabel) + " by partner",
          "The scenario's additional duties on the importer's goods imports from each partner, "
          "weighted by goods imports " +
              at_base + " and " + after + " (counterfactual imports), %.",
          spec, note};
}

bool PairTariffsChange(const RunResult& r, std::size_t n, std::size_t i) {
  for (std::size_t j = 0; j < r.baseline.sector_count(); ++j)
    if (r.shock.tariff_rates(n, i, j) != r.baseline.tariff_rates(n, i, j)) return true;
  return false;
}

// Columns of the sector heatmap: every importer ← partner pair up to 12 (four regions' three
// importers have 9); beyond, only the pairs whose tariffs the shock changes (three importers
// among 12 regions have 33 pairs, too many columns to read), unless none does.
constexpr std::size_t kMaxTariffPairs = 12;
std::vector<std::pair<std::size_t, std::size_t>> TariffPairs(
    const RunResult& r, const std::vector<std::size_t>& importers, bool* changed_only) {
  std::vector<std::pair<std::size_t, std::size_t>> all, changed;
  for (std::size_t n : importers)
    for (std::size_t i = 0; i < r.baseline.region_count(); ++i) {
      if (i == n) continue;
      all.emplace_back(n, i);
      if (PairTariffsChange(r, n, i)) changed.emplace_back(n, i);
    }
  *changed_only = all.size() > kMaxTariffPairs && !changed.empty();
  return *changed_only ? changed : all;
}

ChartSpec TariffSectorChart(const RunResult& r, const std::vector<std::size_t>& importers) {
  const Baseline& b = r.baseline;
  json values = json::array();
  std::vector<std::string> pairs, sectors;
  double max_rate = 0.0;
  std::vector<std::size_t> taxed;
  for (std::size_t j = 0; j < b.sector_count(); ++j)
    if (SectorHasTariffs(r, j)) taxed.push_back(j);
  const auto shown_sectors = ChartSectors(r, taxed);
  for (std::size_t j : shown_sectors) sectors.push_back(b.sectors[j].code);
  bool changed_only = false;
  std::string note;
  for (const auto& [n, i] : CapPairs(r, TariffPairs(r, importers, &changed_only), &note)) {
    pairs.push_back(PairLabel(b, n, i));
    for (std::size_t j : shown_sectors) {
      // One pair and sector: the added tariff is the rate's change itself, no weights.
      const double now = 100.0 * r.shock.tariff_rates(n, i, j);
      const double added = now - 100.0 * b.tariff_rates(n, i, j);
      max_rate = std::max(max_rate, added);
      values.push_back({{"pair", pairs.back()},
                        {"sector", b.sectors[j].code},
                        {"added_pct", added},
                        {"tariff_new_pct", now},
                        {"tariff_base_pct", 100.0 * b.tariff_rates(n, i, j)}});
    }
  }
  json spec = VegaLiteBase(std::string(kAddedTariffLabel) + " by sector and partner");
  spec["data"] = {{"values", values}};
  json color = {{"field", "added_pct"},
                {"type", "quantitative"},
                {"title", "% ad valorem"},
                {"scale", {{"scheme", "orangered"}, {"domainMin", 0}}}};
  spec.update(Heatmap("pair", "sector", "added_pct", pairs, sectors, color, max_rate, ".1f"));
  spec["layer"][0]["mark"]["tooltip"] = true;
  spec["width"] = {{"step", 46}};
  spec["height"] = {{"step", 16}};
  spec["encoding"]["x"]["title"] = "Importer ← exporter";
  spec["encoding"]["y"]["title"] = "Sector";
  return {"effective_tariff_sector", std::string(kAddedTariffLabel) + " by sector and partner",
          std::string("The scenario's additional duty (new rate minus the baseline's) on each "
                      "importer's purchases from each partner") +
              (changed_only ? " whose tariffs the shock changes" : "") +
              ", by sector (sectors with a tariff anywhere), %.",
          spec,
          note + (note.empty() ? "" : " ") +
              LimitNote(shown_sectors.size(), taxed.size(), "sectors with tariffs",
                        "world base-year gross output", "effective_tariffs.csv")};
}

// Tariff revenue before and after: the USA, CAN and MEX in one panel and the rest of the
// world's regions in another, each on its own scale, so that the US revenue (tens of times the
// others' after a US tariff) does not flatten every other bar; every bar carries its value.
ChartSpec RevenueChart(const RunResult& r) {
  const MoneyDisplay money = ChooseMoneyDisplay(r);
  const Manifest& m = r.baseline.manifest;
  const auto regions = ChartRegions(r);
  const bool split = r.baseline.FindRegion("USA") && r.baseline.FindRegion("CAN") &&
                     r.baseline.FindRegion("MEX") && regions.size() > 3;
  const std::string kThree = "USA, CAN and MEX", kRest = "Rest of the world";
  json values = json::array();
  for (std::size_t n : regions) {
    const CountryOutcome& c = r.outcomes.countries[n];
    const bool three = c.code == "USA" || c.code == "CAN" || c.code == "MEX";
    const std::string panel = !split || three ? kThree : kRest;
    values.push_back({{"region", c.code},
                      {"panel", panel},
                      {"state", "before"},
                      {"revenue", Value(money(m, c.tariff_revenue_base))}});
    values.push_back({{"region", c.code},
                      {"panel", panel},
                      {"state", "after"},
                      {"revenue", Value(money(m, c.tariff_revenue_new))}});
  }
  json layer = json::array({{{"mark", {{"type", "bar"}, {"tooltip", true}}}}});
  for (auto& label : BarValueLabels("revenue", ".1f")) layer.push_back(label);
  json encoding = {
      {"x",
       {{"field", "region"},
        {"type", "nominal"},
        {"sort", SortOrder(Codes(r.baseline, regions))},
        {"title", nullptr},
        {"axis", {{"labelAngle", 0}}}}},
      {"xOffset", {{"field", "state"}, {"type", "nominal"}, {"sort", {"before", "after"}}}},
      {"y",
       {{"field", "revenue"},
        {"type", "quantitative"},
        {"title", money.label},
        {"scale", {{"padding", kLabelRoomPx}}}}},
      {"color",
       {{"field", "state"},
        {"type", "nominal"},
        {"sort", {"before", "after"}},
        {"title", nullptr},
        {"scale", {{"range", {"#9e9e9e", "#2ca02c"}}}}}}};
  json spec = VegaLiteBase("Tariff revenue, " + money.label);
  spec["data"] = {{"values", values}};
  if (split) {
    spec["facet"] = {
        {"column",
         {{"field", "panel"}, {"type", "nominal"}, {"sort", {kThree, kRest}}, {"title", nullptr}}}};
    spec["spec"] = {
        {"width", {{"step", 44}}}, {"height", 220}, {"encoding", encoding}, {"layer", layer}};
    spec["resolve"] = {{"scale", {{"x", "independent"}, {"y", "independent"}}}};
  } else {
    spec["width"] = {{"step", 44}};
    spec["height"] = 220;
    spec["encoding"] = encoding;
    spec["layer"] = layer;
  }
  return {"tariff_revenue", "Tariff revenue",
          "Tariff revenue collected by each region before and after, " + money.label +
              " (after: relative to world value added, the numéraire)" +
              (split ? "; the USA, CAN and MEX apart from the rest of the world's regions, each "
                       "panel on its own scale."
                     : "."),
          spec, RegionsNote(r, regions)};
}

}  // namespace

std::vector<std::size_t> MatrixRegions(const RunResult& r, const std::vector<std::size_t>& focus,
                                       std::string* note) {
  const std::size_t total = r.baseline.region_count();
  std::vector<std::size_t> all(total);
  for (std::size_t n = 0; n < total; ++n) all[n] = n;
  if (total <= kMatrixRegionsMax) {
    note->clear();
    return all;
  }
  std::vector<double> income;
  for (std::size_t n : focus) income.push_back(r.outcomes.countries[n].income_base);
  const auto shown = LargestInOrder(focus, income, kMatrixRegionsMax);
  *note = shown.size() < focus.size()
              ? LimitNote(shown.size(), total, "regions", "base-year income",
                          "trade.csv and sector_output.csv")
              : fmt::format(
                    "Shows the focus regions ({} of {}); every region is in trade.csv "
                    "and sector_output.csv.",
                    shown.size(), total);
  return shown;
}

nlohmann::json VegaLiteBase(const std::string& title) {
  return {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
          {"title", title},
          {"background", "white"},
          {"config",
           {{"font", "sans-serif"},
            {"view", {{"stroke", nullptr}}},
            {"axis", {{"labelFontSize", 11}, {"titleFontSize", 12}}},
            {"title", {{"fontSize", 14}, {"anchor", "start"}}}}}};
}

nlohmann::json DivergingColor(const std::string& field, const std::string& title) {
  return {{"field", field},
          {"type", "quantitative"},
          {"title", title},
          {"scale", {{"scheme", "redblue"}, {"domainMid", 0}}}};
}

std::vector<ChartSpec> RunCharts(const RunResult& r, const TableOptions& options) {
  const auto focus = FocusRegions(r.baseline, options.focus_regions);
  std::string matrix_note;
  const auto matrix = MatrixRegions(r, focus, &matrix_note);
  std::vector<ChartSpec> out;
  out.push_back(WelfareChart(r));
  if (r.uncertainty) out.push_back(BandsChart(r));
  for (std::size_t n : PartnerImporters(r.baseline, options.imports_by_partner_regions))
    out.push_back(ImportShareChart(r, n));
  if (matrix.size() >= 2) out.push_back(BilateralChart(r, matrix, matrix_note));
  out.push_back(SectorOutputChart(r, matrix, matrix_note));
  out.push_back(TariffPartnerChart(r, focus));
  out.push_back(TariffSectorChart(r, focus));
  UseSectorNames(r.baseline, out.back());
  out.push_back(RevenueChart(r));
  return out;
}

}  // namespace ricardo::detail

namespace ricardo::detail {

nlohmann::json GroupedBars(const std::string& title, nlohmann::json values, const std::string& x,
                           const std::vector<std::string>& x_order, const std::string& group,
                           const std::vector<std::string>& group_order, const std::string& y,
                           const std::string& y_title) {
  nlohmann::json spec = VegaLiteBase(title);
  spec["data"] = {{"values", std::move(values)}};
  spec["mark"] = {{"type", "bar"}, {"tooltip", true}};
  spec["width"] = {{"step", std::max<std::size_t>(24, 16 * group_order.size() + 8)}};
  spec["height"] = 220;
  spec["encoding"] = {
      {"x",
       {{"field", x},
        {"type", "nominal"},
        {"sort", x_order},
        {"title", nullptr},
        {"axis", {{"labelAngle", 0}}}}},
      {"xOffset", {{"field", group}, {"type", "nominal"}, {"sort", group_order}}},
      {"y", {{"field", y}, {"type", "quantitative"}, {"title", y_title}}},
      {"color",
       {{"field", group}, {"type", "nominal"}, {"sort", group_order}, {"title", nullptr}}}};
  return spec;
}

}  // namespace ricardo::detail
