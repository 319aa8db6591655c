#include "server/rate_basis.hpp"

#include <map>
#include <mutex>
#include <utility>

namespace ricardo::server {

RateBasis::RateBasis(const Scenario& scenario, const Baseline& baseline) {
  CompileOptions options;
  options.product_trace = false;
  compiled_ = detail::CompileScenarioRecorded(scenario, baseline, options, &recording_);
  compiled_.trace = {};
  rates_.reserve(scenario.measures.size());
  for (const Measure& measure : scenario.measures) rates_.push_back(measure.rate);
}

std::shared_ptr<const RunResult> RateBasis::Unedited(const Baseline& baseline,
                                                     double time_limit_seconds) const {
  {
    const std::lock_guard lock(unedited_mutex_);
    if (unedited_) return unedited_;
  }
  // Solved outside the lock; two first callers may both solve (the same run), one is kept.
  SolverOptions solver;
  solver.max_time_in_seconds = time_limit_seconds;
  auto run = std::make_shared<const RunResult>(RunCounterfactual(
      ApplyScenarioSectors(baseline, compiled_), compiled_.shock, solver, compiled_.metadata));
  if (!run->solution.summary.IsConverged()) return run;
  const std::lock_guard lock(unedited_mutex_);
  if (!unedited_) unedited_ = std::move(run);
  return unedited_;
}

CompiledScenario RateBasis::Compile(const std::vector<double>& rates,
                                    const Baseline& baseline) const {
  CompiledScenario out = compiled_;
  detail::ReplayTariffs(recording_, rates, baseline, out.shock.tariff_rates);
  ValidateShock(baseline, out.shock);
  return out;
}

std::shared_ptr<const Equilibrium> ConvergedEquilibrium(const std::shared_ptr<const RunResult>& run) {
  if (!run->solution.summary.IsConverged()) return nullptr;
  return std::shared_ptr<const Equilibrium>(run, &run->solution.equilibrium);
}

std::shared_ptr<const RateBasis> RateBasisFor(const std::shared_ptr<const Scenario>& scenario,
                                              const std::shared_ptr<const Baseline>& baseline) {
  struct Entry {
    std::shared_ptr<const Scenario> scenario;  // held: the key's addresses stay theirs
    std::shared_ptr<const Baseline> baseline;
    std::shared_ptr<const RateBasis> basis;
  };
  static std::mutex mutex;
  static std::map<std::pair<const Scenario*, const Baseline*>, Entry> entries;
  const auto key = std::make_pair(scenario.get(), baseline.get());
  {
    const std::lock_guard lock(mutex);
    if (auto it = entries.find(key); it != entries.end()) return it->second.basis;
  }
  // Built outside the lock (one recorded compile): other requests are not held up meanwhile.
  auto basis = std::make_shared<const RateBasis>(*scenario, *baseline);
  const std::lock_guard lock(mutex);
  if (entries.size() >= 16) entries.clear();
  return entries.try_emplace(key, Entry{scenario, baseline, basis}).first->second.basis;
}

}  // namespace ricardo::server
