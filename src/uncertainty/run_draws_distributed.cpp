// The draws over the ranks of an MPI job (ricardo/distribute.hpp): every rank holds the same
// point solution and inputs, solves the draws rank 0 hands it, and sends each draw's outcomes
// back as bytes; rank 0 takes the bands. A draw depends only on its index, so the bands are
// those of a one-process run, bit for bit.
#include <memory>

#include "ricardo/distribute.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {

std::optional<DrawResult> RunDrawsDistributed(const ProcessGroup& group, const Baseline& baseline,
                                              const Shock& shock, const Solution& point,
                                              const UncertaintyInputs& inputs,
                                              const DrawSettings& settings) {
  CheckDrawCount(baseline, settings);
  const auto start = std::make_shared<const Equilibrium>(point.equilibrium);
  DistributeOptions options;
  options.threads = settings.threads;
  const std::vector<std::string> bytes = DistributeAndGather(
      group, static_cast<std::size_t>(settings.draws),
      [&](std::size_t k) {
        return DrawOutcomesToBytes(SolveDraw(baseline, shock, start, inputs, settings, k));
      },
      options);
  if (!group.is_coordinator()) return std::nullopt;
  std::vector<DrawOutcomes> draws;
  draws.reserve(bytes.size());
  for (const std::string& b : bytes)
    draws.push_back(DrawOutcomesFromBytes(b, baseline.region_count()));
  return SummariseDraws(baseline, settings, inputs, std::move(draws));
}

}  // namespace ricardo
