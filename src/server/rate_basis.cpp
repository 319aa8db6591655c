#include "server/rate_basis.hpp"

#include <map>
#include <mutex>

namespace ricardo::server {
namespace {

CompiledScenario CompileWithoutTrace(const Scenario& s, const Baseline& b) {
  CompileOptions options;
  options.product_trace = false;
  CompiledScenario compiled = CompileScenario(s, b, options);
  compiled.trace = {};
  return compiled;
}

bool Editable(const Measure& m) { return m.rate_from_baseline.empty(); }

}  // namespace

RateBasis::RateBasis(const Scenario& scenario, const Baseline& baseline) {
  Scenario zero = scenario;
  for (Measure& m : zero.measures)
    if (Editable(m)) m.rate = 0.0;
  zero_ = CompileWithoutTrace(zero, baseline);
  tariff_count_ = zero_.shock.tariff_rates.size();

  // Without baseline tariffs the compiled tariff is the added rate itself. Measures taking their
  // rates from the baseline then add nothing, but they are still present: what they displace
  // or share with the measure at hand is as in the real compile.
  Baseline untaxed = baseline;
  untaxed.tariff_rates = Array3(baseline.region_count(), baseline.region_count(),
                                baseline.sector_count(), 0.0);
  for (std::size_t k = 0; k < zero.measures.size(); ++k) {
    if (!Editable(zero.measures[k])) continue;
    Scenario unit = zero;
    unit.measures[k].rate = 1.0;
    const CompiledScenario compiled = CompileWithoutTrace(unit, untaxed);
    Term term{k, {}};
    const double* added = compiled.shock.tariff_rates.data();
    for (std::size_t x = 0; x < tariff_count_; ++x) {
      if (added[x] != 0.0) term.per_rate.emplace_back(x, added[x]);
    }
    if (!term.per_rate.empty()) terms_.push_back(std::move(term));
  }
}

CompiledScenario RateBasis::Compile(const Scenario& edited) const {
  CompiledScenario out = zero_;
  std::vector<double> added(tariff_count_, 0.0);
  for (const Term& term : terms_) {
    const double rate = edited.measures[term.measure].rate;
    for (const auto& [x, per_rate] : term.per_rate) added[x] += rate * per_rate;
  }
  double* tariffs = out.shock.tariff_rates.data();
  for (std::size_t x = 0; x < tariff_count_; ++x) tariffs[x] += added[x];
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
  // Built outside the lock (about 20 compiles): other requests are not held up meanwhile.
  auto basis = std::make_shared<const RateBasis>(*scenario, *baseline);
  const std::lock_guard lock(mutex);
  if (entries.size() >= 16) entries.clear();
  return entries.try_emplace(key, Entry{scenario, baseline, basis}).first->second.basis;
}

}  // namespace ricardo::server
