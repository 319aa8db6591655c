// The compile of a named scenario as a function of its measures' rates, for /solve requests
// that edit only rates (what the dashboard's sliders send): the scenario is compiled once with
// a recording (src/tariffs/rate_replay.hpp), and each rate-only edit replays the compiler's
// arithmetic on the recorded product lines and sector parts with its own rates. The tariffs
// are the full compile's, bit for bit (tests/server/rate_basis_test.cpp), at a fraction of the
// cost: no product sets, import pooling, stacking rules or content look-ups per request.
//
// It also keeps the run of the scenario as named (solved once, cold, as `ricardo run` would):
// a request that leaves every rate as it is gets that run, and an edited one starts its solve
// from that run's equilibrium (SolverOptions::start), which a few rates move only a little.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/rate_replay.hpp"

namespace ricardo::server {

class RateBasis {
 public:
  // Compiles `scenario` (as named, before edits) on `baseline` with default compile options
  // (the scenario's date and USMCA shares), recording. Throws what CompileScenario throws.
  RateBasis(const Scenario& scenario, const Baseline& baseline);

  // The compile of the scenario given to the constructor with measure k at rates[k] (every
  // measure's rate, in scenario order) on `baseline`, the same baseline. The trace is left
  // empty (solves do not use it).
  CompiledScenario Compile(const std::vector<double>& rates, const Baseline& baseline) const;

  // Every measure's rate in the scenario as named, in scenario order.
  const std::vector<double>& rates() const { return rates_; }

  // The run of the scenario as named on `baseline` (the constructor's), solved on first use
  // with default solver options and the time limit. Kept only once it has converged: a run
  // that has not is returned to this caller and computed again by the next (a time limit may
  // not be hit next time).
  std::shared_ptr<const RunResult> Unedited(const Baseline& baseline,
                                            double time_limit_seconds) const;

 private:
  CompiledScenario compiled_;  // trace dropped
  detail::CompileRecording recording_;
  std::vector<double> rates_;
  mutable std::mutex unedited_mutex_;
  mutable std::shared_ptr<const RunResult> unedited_;  // converged, or null
};

// The equilibrium of `run` (sharing its ownership) if it converged, else null: a start for
// solving edits of the run's scenario (SolverOptions::start).
std::shared_ptr<const Equilibrium> ConvergedEquilibrium(const std::shared_ptr<const RunResult>& run);

// RateBases of the named scenarios a server has been asked about, built on first use. Keyed by
// the catalog's scenario and baseline objects, which each entry holds (a scenario file edited
// on disk is a new object: a new basis). At most 16 entries; then it starts over.
std::shared_ptr<const RateBasis> RateBasisFor(const std::shared_ptr<const Scenario>& scenario,
                                              const std::shared_ptr<const Baseline>& baseline);

}  // namespace ricardo::server
