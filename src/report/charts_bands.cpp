// The bands of `ricardo run --draws` as a chart: per region, the 5th–95th percentile as a line,
// the median draw as a tick and the run's value as a point, for welfare and the real wage.
#include "fmt/format.h"
#include "report/chart_limits.hpp"
#include "report/charts.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo::detail {

ChartSpec BandsChart(const RunResult& r) {
  using nlohmann::json;
  const DrawResult& d = *r.uncertainty;
  const Baseline& b = r.baseline;
  const auto regions = ChartRegions(r);
  json values = json::array();
  std::vector<std::string> order;
  auto value = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  for (std::size_t n : regions) {
    const CountryOutcome& c = r.outcomes.countries[n];
    order.push_back(c.code);
    const std::pair<const char*, double> indicators[] = {
        {"welfare_pct", 100.0 * c.welfare_exact}, {"real_wage_pct", 100.0 * c.real_wage_change}};
    for (const auto& [key, point] : indicators) {
      const Band& band = d.country_bands[n].at(key);
      values.push_back({{"region", c.code},
                        {"indicator", key == std::string("welfare_pct") ? "Welfare" : "Real wage"},
                        {"run", value(point)},
                        {"p05", value(band.p05)},
                        {"p50", value(band.p50)},
                        {"p95", value(band.p95)}});
    }
  }
  json spec = VegaLiteBase(
      fmt::format("Welfare and real wage, % change: the run and its 5th–95th percentile band "
                  "over {} draws",
                  d.draws.size()));
  spec["data"] = {{"values", values}};
  const json x = {{"field", "region"},
                  {"type", "nominal"},
                  {"sort", order},
                  {"title", nullptr},
                  {"axis", {{"labelAngle", 0}}}};
  const json y_title = "% change";
  json band = {
      {"mark", {{"type", "rule"}, {"strokeWidth", 3}, {"color", "#9ab"}}},
      {"encoding",
       {{"x", x},
        {"y", {{"field", "p05"}, {"type", "quantitative"}, {"title", y_title}}},
        {"y2", {{"field", "p95"}}},
        {"tooltip", json::array({{{"field", "region"}},
                                 {{"field", "p05"}, {"format", ".3f"}, {"title", "5th pct"}},
                                 {{"field", "p50"}, {"format", ".3f"}, {"title", "median"}},
                                 {{"field", "p95"}, {"format", ".3f"}, {"title", "95th pct"}}})}}}};
  json median = {{"mark", {{"type", "tick"}, {"color", "#456"}, {"thickness", 2}, {"size", 14}}},
                 {"encoding", {{"x", x}, {"y", {{"field", "p50"}, {"type", "quantitative"}}}}}};
  json run = {
      {"mark", {{"type", "point"}, {"filled", true}, {"size", 60}, {"color", "#c33"}}},
      {"encoding",
       {{"x", x},
        {"y", {{"field", "run"}, {"type", "quantitative"}}},
        {"tooltip", json::array({{{"field", "region"}},
                                 {{"field", "run"}, {"format", ".3f"}, {"title", "run"}}})}}}};
  spec["facet"] = {{"row",
                    {{"field", "indicator"},
                     {"type", "nominal"},
                     {"title", nullptr},
                     {"sort", json::array({"Welfare", "Real wage"})}}}};
  spec["spec"] = {
      {"layer", json::array({band, median, run})}, {"width", {{"step", 44}}}, {"height", 180}};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  return {"bands", "Uncertainty bands",
          "Red point: the run's value; grey line: the 5th to 95th percentile over the draws; "
          "tick: the median draw. " +
              BandsSentence(d),
          spec,
          LimitNote(regions.size(), b.region_count(), "regions", "base-year income", "bands.csv")};
}

}  // namespace ricardo::detail
