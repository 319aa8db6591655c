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
}

CompiledScenario RateBasis::Compile(const std::vector<double>& rates,
                                    const Baseline& baseline) const {
  CompiledScenario out = compiled_;
  detail::ReplayTariffs(recording_, rates, baseline, out.shock.tariff_rates);
  ValidateShock(baseline, out.shock);
  return out;
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
