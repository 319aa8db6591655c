// Spec pieces every chart shares: value labels on bars, colour domains that one outlier does not
// wash out, and the subtitle saying which program, scenario and day made the chart.
#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "report/charts.hpp"
#include "ricardo/run_stamp.hpp"

namespace ricardo::detail {

using nlohmann::json;

json BarValueLabels(const std::string& field, const std::string& format) {
  // Rotated to run along the bar, so a label is never wider than its bar however many bars stand
  // side by side; outside the bar's end (above a positive bar, below a negative one), so a bar
  // too short to read by length still carries its number.
  auto label = [&](bool positive) {
    return json{
        {"transform",
         json::array({{{"filter", "isValid(datum['" + field + "']) && datum['" + field + "'] " +
                                      (positive ? ">=" : "<") + " 0"}}})},
        {"mark",
         {{"type", "text"},
          {"angle", 270},
          {"fontSize", 9},
          {"baseline", "middle"},
          {"align", positive ? "left" : "right"},
          {"dx", positive ? 3 : -3},
          {"color", "#333"}}},
        {"encoding", {{"text", {{"field", field}, {"type", "quantitative"}, {"format", format}}}}}};
  };
  return json::array({label(true), label(false)});
}

double RobustBound(std::vector<double> values) {
  values.erase(
      std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
      values.end());
  if (values.empty()) return 1.0;
  std::sort(values.begin(), values.end());
  // Nearest-rank percentiles: with few values (a 4-region matrix has 12) they are the extremes,
  // so small charts keep their full range.
  auto at = [&](double p) {
    const std::size_t rank =
        static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
  };
  double bound = std::max(std::fabs(at(0.05)), std::fabs(at(0.95)));
  if (!(bound > 0.0)) bound = std::max(std::fabs(values.front()), std::fabs(values.back()));
  return bound > 0.0 ? bound : 1.0;
}

json ClippedDivergingColor(const std::string& field, const std::string& title, double bound) {
  return {{"field", field},
          {"type", "quantitative"},
          {"title", title},
          {"scale", {{"scheme", "redblue"}, {"domain", {-bound, bound}}, {"clamp", true}}}};
}

std::string ChartSubtitle(const RunMetadata& metadata) {
  const std::string made = metadata.stamp.created_utc.size() >= 10
                               ? metadata.stamp.created_utc.substr(0, 10)
                               : UtcNowIso8601().substr(0, 10);
  std::string out = std::string("ricardo ") + RICARDO_VERSION;
  if (!metadata.scenario_name.empty()) out += " · " + metadata.scenario_name;
  if (!metadata.scenario_date.empty()) out += " (measures of " + metadata.scenario_date + ")";
  return out + " · made " + made;
}

void AddSubtitle(std::vector<ChartSpec>& charts, const std::string& subtitle) {
  for (ChartSpec& c : charts) {
    json& title = c.spec["title"];
    if (title.is_string()) title = json{{"text", title.get<std::string>()}};
    if (!title.is_object()) continue;
    title["subtitle"] = subtitle;
    title["subtitleColor"] = "#777";
    title["subtitleFontSize"] = 10;
  }
}

}  // namespace ricardo::detail
