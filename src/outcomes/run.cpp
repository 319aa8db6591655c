#include "ricardo/run.hpp"

namespace ricardo {

RunResult RunCounterfactual(Baseline baseline, Shock shock, const RunOptions& options,
                            RunMetadata metadata) {
  RunResult result;
  result.metadata = std::move(metadata);
  result.solution = Solve(baseline, shock, options.solver);
  result.outcomes = ComputeOutcomes(baseline, shock, result.solution.equilibrium);
  // Rejected input has no equilibrium to compare a second solve with.
  if (result.solution.summary.termination != TerminationType::kInvalidInput) {
    result.elasticity_flags = FlagHighElasticities(baseline, shock, result.outcomes, options.solver,
                                                   options.elasticity_flags);
  }
  result.baseline = std::move(baseline);
  result.shock = std::move(shock);
  return result;
}

RunResult RunCounterfactual(Baseline baseline, Shock shock, const SolverOptions& options,
                            RunMetadata metadata) {
  RunOptions run;
  run.solver = options;
  return RunCounterfactual(std::move(baseline), std::move(shock), run, std::move(metadata));
}

}  // namespace ricardo
