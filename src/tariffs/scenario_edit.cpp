// Finding and editing measures, comparing scenarios, and locating the shipped scenarios.
#include <algorithm>
#include <cmath>

#include "core/suggest.hpp"
#include "fmt/format.h"
#include "ricardo/paths.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo {

Measure* Scenario::FindMeasure(std::string_view id) {
  for (Measure& m : measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const Measure* Scenario::FindMeasure(std::string_view id) const {
  for (const Measure& m : measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

bool Scenario::operator==(const Scenario& o) const {
  return name == o.name && title == o.title && description == o.description &&
         sources == o.sources && baseline == o.baseline && date == o.date &&
         reference_date == o.reference_date && usmca == o.usmca && measures == o.measures &&
         stacking == o.stacking && trade_costs == o.trade_costs && elasticities == o.elasticities;
}

namespace {

Measure& Require(Scenario& scenario, std::string_view id) {
  Measure* m = scenario.FindMeasure(id);
  if (!m) {
    std::vector<std::string> ids;
    for (const Measure& x : scenario.measures) ids.push_back(x.id);
    throw ArgumentError(
        fmt::format("scenario '{}' has no measure '{}'", scenario.name, id),
        detail::DidYouMeanOr(id, ids, fmt::format("measures: {}", fmt::join(ids, ", "))));
  }
  return *m;
}

}  // namespace

void SetMeasureRate(Scenario& scenario, std::string_view id, double rate) {
  Measure& m = Require(scenario, id);
  if (!std::isfinite(rate) || rate < 0.0 || rate > kMaxTariffRate) {
    throw ArgumentError(
        fmt::format("rate {} for measure '{}' is out of range", rate, id),
        fmt::format("rates are fractions from 0 to {} (0.25 = 25%)", kMaxTariffRate));
  }
  if (!m.rate_from_baseline.empty()) {
    throw ArgumentError(
        fmt::format("measure '{}' takes its rates from the baseline ({}); it has "
                    "no single rate to set",
                    id, m.rate_from_baseline));
  }
  m.rate = rate;
}

void SetMeasureEnabled(Scenario& scenario, std::string_view id, bool enabled) {
  Require(scenario, id).enabled = enabled;
}

int SetTagEnabled(Scenario& scenario, std::string_view tag, bool enabled) {
  int count = 0;
  for (Measure& m : scenario.measures) {
    if (std::find(m.tags.begin(), m.tags.end(), tag) != m.tags.end()) {
      m.enabled = enabled;
      ++count;
    }
  }
  return count;
}

std::filesystem::path ShippedScenarioDirectory() {
  // Next to the data directory (source tree or installed share/ricardo/), else the source tree.
  std::error_code ec;
  try {
    const auto beside_data = DataDirectory().parent_path() / "scenarios";
    if (std::filesystem::is_directory(beside_data, ec)) return beside_data;
  } catch (const NotFoundError&) {
  }
  return SourceDirectory() / "scenarios";
}

std::vector<std::string> ShippedScenarioNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(ShippedScenarioDirectory(), ec)) {
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::filesystem::path ResolveScenarioPath(const std::string& name_or_path) {
  std::error_code ec;
  // Anything but a directory that exists is the user's file: LoadScenario refuses pipes and
  // devices with their own message. A directory is tried as a shipped name first.
  if (std::filesystem::exists(name_or_path, ec) &&
      !std::filesystem::is_directory(name_or_path, ec)) {
    return name_or_path;
  }
  const auto dir = ShippedScenarioDirectory();
  for (const std::string& candidate : {name_or_path, name_or_path + ".toml"}) {
    const auto path = dir / candidate;
    if (candidate.find('/') == std::string::npos && std::filesystem::is_regular_file(path, ec)) {
      return path;
    }
  }
  if (std::filesystem::exists(name_or_path, ec)) return name_or_path;  // a directory
  const auto names = ShippedScenarioNames();
  throw NotFoundError(
      Location{name_or_path, 0, 0, ""}, "no such scenario file or shipped scenario",
      detail::DidYouMeanOr(name_or_path, names,
                           fmt::format("shipped scenarios: {}", fmt::join(names, ", "))));
}

}  // namespace ricardo
