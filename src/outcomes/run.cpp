#include "ricardo/run.hpp"

namespace ricardo {

RunResult RunCounterfactual(Baseline baseline, Shock shock, const SolverOptions& options,
                            RunMetadata metadata) {
  RunResult result;
  result.metadata = std::move(metadata);
  result.solution = Solve(baseline, shock, options);
  result.outcomes = ComputeOutcomes(baseline, shock, result.solution.equilibrium);
  result.baseline = std::move(baseline);
  result.shock = std::move(shock);
  return result;
}

}  // namespace ricardo
