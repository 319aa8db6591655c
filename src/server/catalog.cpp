#include "server/catalog.hpp"

#include <algorithm>
#include <set>

#include "core/suggest.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/run_stamp.hpp"
#include "server/request_body.hpp"

namespace ricardo::server {

Catalog::Catalog(std::map<std::string, std::filesystem::path> extra_baselines,
                 std::filesystem::path scenario_directory)
    : extra_baselines_(std::move(extra_baselines)),
      scenario_directory_(std::move(scenario_directory)) {}

std::vector<std::string> Catalog::BaselineNames() const {
  std::set<std::string> names;
  try {
    for (const std::string& name : BuiltinBaselineNames()) names.insert(name);
  } catch (const NotFoundError&) {
    // No data directory: only the extra baselines are offered.
  }
  for (const auto& [name, directory] : extra_baselines_) names.insert(name);
  return {names.begin(), names.end()};
}

std::shared_ptr<const Baseline> Catalog::GetBaseline(const std::string& name) {
  const std::vector<std::string> names = BaselineNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw NotFoundError(
        Location{"", 0, 0, "baseline"},
        fmt::format("unknown baseline '{}'{}", name, detail::DidYouMean(name, names)),
        fmt::format("baselines offered: {}", JoinNames(names)));
  }
  // Loading holds the lock: it happens once per baseline, and concurrent first requests for
  // the same baseline would otherwise all load it.
  std::lock_guard lock(mutex_);
  if (auto it = baselines_.find(name); it != baselines_.end()) return it->second;
  const auto extra = extra_baselines_.find(name);
  auto baseline = std::make_shared<const Baseline>(
      extra != extra_baselines_.end() ? ReadPackage(extra->second) : LoadBaseline(name));
  baselines_.emplace(name, baseline);
  baseline_sha256_[name] =
      PackageSha256(extra != extra_baselines_.end() ? extra->second : ResolveBaseline(name));
  return baseline;
}

std::string Catalog::BaselineSha256(const std::string& name) {
  GetBaseline(name);
  std::lock_guard lock(mutex_);
  return baseline_sha256_.at(name);
}

std::vector<std::string> Catalog::ScenarioNames() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(scenario_directory_, ec)) {
    if (entry.path().extension() == ".toml" && entry.is_regular_file(ec)) {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::shared_ptr<const Scenario> Catalog::GetScenario(const std::string& name) {
  const std::vector<std::string> names = ScenarioNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw NotFoundError(
        Location{"", 0, 0, "scenario"},
        fmt::format("unknown scenario '{}'{}", name, detail::DidYouMean(name, names)),
        fmt::format("scenarios offered: {}", JoinNames(names)));
  }
  const std::filesystem::path file = scenario_directory_ / (name + ".toml");
  std::error_code ec;
  const auto modified = std::filesystem::last_write_time(file, ec);
  {
    std::lock_guard lock(mutex_);
    if (auto it = scenarios_.find(name);
        it != scenarios_.end() && it->second.modified == modified) {
      return it->second.scenario;
    }
  }
  auto scenario = std::make_shared<const Scenario>(LoadScenario(file));
  std::lock_guard lock(mutex_);
  scenarios_[name] = CachedScenario{modified, scenario};
  return scenario;
}

std::string Catalog::ScenarioVersion(const std::string& name) const {
  std::error_code ec;
  const auto modified =
      std::filesystem::last_write_time(scenario_directory_ / (name + ".toml"), ec);
  return ec ? std::string() : std::to_string(modified.time_since_epoch().count());
}

std::shared_ptr<const CompiledScenario> Catalog::GetCompiled(
    const std::shared_ptr<const Scenario>& scenario,
    const std::shared_ptr<const Baseline>& baseline) {
  const auto key = std::make_pair(scenario.get(), baseline.get());
  {
    std::lock_guard lock(mutex_);
    if (auto it = compiled_.find(key); it != compiled_.end()) return it->second.compiled;
  }
  // Two first requests may both compile (the same result); one is kept.
  CompileOptions options;
  options.product_trace = false;
  auto compiled =
      std::make_shared<const CompiledScenario>(CompileScenario(*scenario, *baseline, options));
  std::lock_guard lock(mutex_);
  if (compiled_.size() >= 16) compiled_.clear();
  return compiled_.try_emplace(key, CachedCompile{scenario, baseline, compiled})
      .first->second.compiled;
}

std::shared_ptr<const detail::RateTemplate> Catalog::GetRateTemplate(
    const std::shared_ptr<const Scenario>& scenario) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = templates_.find(scenario.get()); it != templates_.end())
      return it->second.rate_template;
  }
  // Made outside the lock (a serialisation); two first requests may both make it, both right.
  auto made = std::make_shared<const detail::RateTemplate>(detail::MakeRateTemplate(*scenario));
  std::lock_guard lock(mutex_);
  // Edited scenario files give new objects; the old ones' templates go with a bound on memory.
  constexpr std::size_t kTemplatesKept = 64;
  if (templates_.size() >= kTemplatesKept) templates_.clear();
  templates_[scenario.get()] = CachedTemplate{scenario, made};
  return made;
}

}  // namespace ricardo::server
