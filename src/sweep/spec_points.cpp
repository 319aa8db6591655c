// A spec's points (grid decoding, list lookup), their labels, the spec's echo and its hash.
#include <cmath>

#include "fmt/format.h"
#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/run_stamp.hpp"
#include "sweep/sweep_internal.hpp"

namespace ricardo {

std::size_t SweepSpec::PointCount() const {
  if (list_mode) return listed_points.size();
  std::size_t points =
      compiles.size() * static_cast<std::size_t>(std::max<std::uint64_t>(1, theta_draw_count));
  for (const SweepRateAxis& axis : rate_axes) points *= axis.rates.size();
  return points;
}

SweepPoint SweepSpec::Point(std::size_t index) const {
  if (list_mode) return listed_points.at(index);
  // Mixed radix, the last rate axis fastest: rates (in reverse), then the draw, then the
  // compile (whose own order is scenario, date, share).
  SweepPoint point;
  point.rates.assign(rate_axes.size(), std::nullopt);
  std::size_t rest = index;
  for (std::size_t a = rate_axes.size(); a-- > 0;) {
    const std::size_t n = rate_axes[a].rates.size();
    point.rates[a] = rate_axes[a].rates[rest % n];
    rest /= n;
  }
  if (theta_draw_count > 0) {
    point.theta_draw = rest % theta_draw_count;
    rest /= theta_draw_count;
  }
  point.compile = rest;
  return point;
}

const std::vector<std::string>& SweepIndicators() {
  static const std::vector<std::string> indicators = {
      "welfare_pct", "real_wage_pct",      "exports_pct",
      "imports_pct", "tariff_revenue_pct", "tariff_revenue_change"};
  return indicators;
}

std::string SweepSpecJson(const SweepSpec& spec) {
  nlohmann::json echo;
  nlohmann::json scenarios = nlohmann::json::array();
  for (std::size_t s = 0; s < spec.scenarios.size(); ++s) {
    scenarios.push_back(
        {{"name", spec.scenario_names[s]}, {"sha256", FileSha256(spec.scenario_files[s])}});
  }
  echo["scenarios"] = scenarios;
  echo["baseline"] = spec.baseline;
  std::error_code ec;
  if (std::filesystem::is_directory(spec.baseline, ec))
    echo["baseline_sha256"] = PackageSha256(spec.baseline);
  echo["mode"] = spec.list_mode ? "list" : "grid";
  echo["points"] = spec.PointCount();
  echo["chunk_points"] = spec.chunk_points;
  echo["theta_seed"] = spec.theta_seed;
  echo["rate_measures"] = spec.rate_measures;
  if (!spec.list_mode) {
    nlohmann::json axes = nlohmann::json::object();
    if (!spec.dates.empty()) {
      std::vector<std::string> dates;
      for (const Date& d : spec.dates) dates.push_back(d.ToString());
      axes["dates"] = dates;
    }
    if (!spec.usmca_shares.empty()) axes["usmca_share"] = spec.usmca_shares;
    if (spec.theta_draw_count > 0)
      axes["theta_draws"] = {{"count", spec.theta_draw_count}, {"seed", spec.theta_seed}};
    if (!spec.rate_axes.empty()) {
      nlohmann::json rates = nlohmann::json::array();
      for (const SweepRateAxis& axis : spec.rate_axes)
        rates.push_back({{"measure", axis.measure}, {"rates", axis.rates}});
      axes["rates"] = rates;
    }
    echo["axes"] = axes;
  }
  return echo.dump();
}

std::string SweepSpecHash(const SweepSpec& spec) {
  // The program's version too: another version may solve to other bits, and its points must
  // not be mixed into this journal.
  std::string bytes = fmt::format("ricardo {} sweep v{}\n{}\n", RICARDO_VERSION,
                                  kSweepSchemaVersion, SweepSpecJson(spec));
  // A list's points are not in the echo (sweep.json has them with the results): hashed here.
  if (spec.list_mode) {
    for (std::size_t k = 0; k < spec.listed_points.size(); ++k) {
      const detail::PointLabels l = detail::LabelPoint(spec, spec.listed_points[k]);
      bytes += fmt::format("{},{},{},{},{}\n", l.scenario, l.date, l.usmca_share, l.theta_draw,
                           fmt::join(l.rates, ","));
    }
  }
  return Sha256Hex(bytes);
}

namespace detail {

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "nan";
  return fmt::format("{}", value);
}

PointLabels LabelPoint(const SweepSpec& spec, const SweepPoint& point) {
  PointLabels labels;
  const SweepCompile& compile = spec.compiles.at(point.compile);
  const Scenario& scenario = spec.scenarios.at(compile.scenario);
  labels.scenario = spec.scenario_names[compile.scenario];
  labels.date = compile.date ? compile.date->ToString()
                             : (scenario.date ? scenario.date->ToString() : std::string());
  if (compile.usmca_share) labels.usmca_share = FormatNumber(*compile.usmca_share);
  if (point.theta_draw) labels.theta_draw = std::to_string(*point.theta_draw);
  for (std::size_t m = 0; m < spec.rate_measures.size(); ++m) {
    const std::optional<double>& set = m < point.rates.size() ? point.rates[m] : std::nullopt;
    const Measure* measure = scenario.FindMeasure(spec.rate_measures[m]);
    labels.rates.push_back(FormatNumber(set ? *set : (measure ? measure->rate : NAN)));
  }
  return labels;
}

std::size_t SweepChunkCount(const SweepSpec& spec) {
  return (spec.PointCount() + spec.chunk_points - 1) / spec.chunk_points;
}

std::pair<std::size_t, std::size_t> SweepChunkPoints(const SweepSpec& spec, std::size_t chunk) {
  const std::size_t first = chunk * spec.chunk_points;
  return {first, std::min(first + spec.chunk_points, spec.PointCount())};
}

}  // namespace detail
}  // namespace ricardo
