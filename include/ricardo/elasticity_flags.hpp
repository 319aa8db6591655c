// Flags on sectors whose trade elasticity θ_j is so high that small price changes move trade and
// output by large amounts, with the same changes re-solved under a lower, published θ.
//
// Why: in the model a sector's trade shares move with (relative cost)^(−θ_j). Caliendo and
// Parro (2015) estimate θ = 64.85 for coke and refined petroleum; a 1% cost advantage then
// shifts trade shares by about 90%, and a few points of tariff or trade-cost change can make a
// region's petroleum output jump by half or a small import flow grow ten-fold. These are the
// model's answer under that estimate, not a bug, so the default runs keep CP2015's θ (the
// engine must reproduce the paper), but every run says which sectors are above the threshold
// and what their largest changes become when the model is solved again with only that
// sector's θ replaced by `alternative_theta`. docs/model.md states the decision and sources.
//
//   std::vector<ElasticityFlag> flags = FlagHighElasticities(baseline, shock, outcomes, solver);
//   for (const ElasticityFlag& f : flags) ... f.changes[0].change(), change_alternative() ...
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/outcomes.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

struct ElasticityFlagOptions {
  // False: no sector is flagged and no second solve runs.
  bool enabled = true;
  // A tradable sector is flagged when its θ_j (unit-free) is strictly above this. 20 lies far
  // above the range of aggregate estimates (about 4 to 8) and above every CP2015 sector but
  // petroleum (the next highest is paper, 16.52).
  double theta_threshold = 20.0;
  // The θ a flagged sector is solved again with: Simonovska and Waugh (2014, J. Int. Econ.
  // 92(1)), whose estimate of the trade elasticity is "roughly four".
  double alternative_theta = 4.0;
  // Named wherever the alternative is shown.
  std::string alternative_source = "Simonovska and Waugh 2014";
  // A region is a candidate for the largest change in output only if its base-year output of
  // the sector is at least this fraction of the sector's world output: a percent change of a
  // negligible amount says nothing.
  double min_output_share = 0.001;

  // True if every field is in range; otherwise false with a message naming the field and bound.
  bool IsValid(std::string* error) const;
};

// What a flagged change measures. New values go at the end.
enum class FlaggedMeasure {
  kGrossOutput,    // the sector's gross output in `region`
  kSectorImports,  // imports of `region` from `partner` in the sector (net of tariffs)
  kPairImports,    // imports of `region` from `partner`, all sectors (net of tariffs)
};
const char* ToString(FlaggedMeasure measure);  // "gross_output", "sector_imports", "pair_imports"

// One change of a flagged sector, in money units of the baseline, under the run's θ and under
// the alternative. Counterfactual values of both solves are measured with world nominal value
// added as the numéraire, so they compare with each other and with the base year.
struct FlaggedChange {
  FlaggedMeasure measure = FlaggedMeasure::kGrossOutput;
  std::size_t region = 0;   // producing region (gross output) or importer (imports)
  std::size_t partner = 0;  // exporter (imports); equal to `region` for gross output
  double value_base = 0.0;
  double value_new = 0.0;              // counterfactual under the run's θ
  double value_new_alternative = 0.0;  // counterfactual with the sector's θ = alternative
                                       // (NaN if that solve failed)

  // Changes as fractions (0.5 = +50%); NaN when the base value is zero.
  double change() const;
  double change_alternative() const;
};

// A sector whose θ is above the threshold, with its largest changes under both elasticities.
struct ElasticityFlag {
  std::size_t sector = 0;
  double theta = 0.0;              // the run's θ_j (after any scenario override)
  double theta_threshold = 0.0;    // the threshold it exceeds
  double alternative_theta = 0.0;  // the θ_j of the second solve
  std::string alternative_source;
  double min_output_share = 0.0;  // ElasticityFlagOptions::min_output_share of the candidates
  // The second solve's outcome; its numbers are NaN unless it converged.
  TerminationType alternative_termination = TerminationType::kInvalidInput;
  std::string alternative_message;
  // In this order, chosen under the run's θ: the sector's gross output in the region where it
  // moves most (largest |percent change|); the sector's imports of the pair that moves most
  // (largest |change in money|); that pair's imports over all sectors, which says how far the
  // sector drives the pair's total; and the run's largest bilateral change (the pair whose
  // imports over all sectors move most in percent), unless it is that same pair. A change with
  // no candidate (no output, no trade) is left out.
  std::vector<FlaggedChange> changes;

  bool alternative_converged() const {
    return alternative_termination == TerminationType::kConverged;
  }
};

// The flags for a solved run: for each tradable sector with θ_j above the threshold, in sector
// order, the largest changes in `outcomes` (computed from `baseline`, `shock` and the run's
// equilibrium) and the same changes from a cold solve of `shock` on `baseline` with θ_j alone
// replaced by options.alternative_theta, using `solver` without its progress callback and warm
// start (so the second solve equals a run of the same scenario with that elasticity override).
// Empty when disabled or no sector is above the threshold. ArgumentError for invalid options.
std::vector<ElasticityFlag> FlagHighElasticities(const Baseline& baseline, const Shock& shock,
                                                 const Outcomes& outcomes,
                                                 const SolverOptions& solver,
                                                 const ElasticityFlagOptions& options = {});

}  // namespace ricardo
