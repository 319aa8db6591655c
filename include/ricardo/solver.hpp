// The general-equilibrium solver: Caliendo and Parro (2015), equilibrium in changes.
//
// Given a Baseline and a Shock, Solve() finds wage changes ŵ_n, sectoral price changes P̂_nj,
// input-bundle cost changes ĉ_nj, counterfactual trade shares π′_nij and counterfactual
// expenditure X′_nj such that
//   (1) ln ĉ_nj = γ_nj ln ŵ_n + Σ_k γ_n^{k,j} ln P̂_nk
//   (2) P̂_nj = [Σ_i π_nij (κ̂_nij d̂_nij ĉ_ij)^(−θ_j)]^(−1/θ_j)
//   (3) π′_nij = π_nij (κ̂_nij d̂_nij ĉ_ij / P̂_nj)^(−θ_j)
//   (4) X′_nj = Σ_k γ_n^{j,k} Σ_i (π′_ink / κ′_ink) X′_ik + α_nj I′_n,
//       I′_n = ŵ_n VA_n + Σ_j Σ_i t′_nij (π′_nij / κ′_nij) X′_nj − S′_n
//   (5) exports_n − imports_n = S′_n (net of tariffs), for every n,
// with world nominal value added as the numéraire: Σ_n VA_n ŵ_n = Σ_n VA_n.
//
// Non-convergence is reported in the Summary (termination type and message), never thrown.
// Solve() throws ArgumentError only when the inputs or options are invalid.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/shock.hpp"

namespace ricardo {

enum class Algorithm {
  // Default. Outer iteration on wages (the authors' damped trade-balance update) accelerated
  // with Anderson mixing; inner price fixed point warm-started and Anderson-accelerated; the
  // expenditure system solved matrix-free by an accelerated fixed point (no dense inverse).
  kAccelerated,
  // The authors' MATLAB algorithm step for step: additive damped wage update, inner price
  // fixed point cold-started at P̂ = 1 every outer iteration, stopping when Σ_n |residual_n|
  // < reference_tolerance in money units and the inner loop when max |ΔP̂| <
  // reference_price_tolerance.
  // The expenditure system is solved to machine precision (the authors invert a dense matrix).
  // Used to reproduce the authors' computed base year and iteration counts.
  kReference,
};
const char* ToString(Algorithm algorithm);

enum class TerminationType {
  kConverged,         // every stopping criterion met
  kIterationLimit,    // max_outer_iterations reached first
  kTimeLimit,         // max_time_in_seconds reached first
  kNumericalFailure,  // a non-finite value appeared (the message says where)
  kInvalidInput,      // options or data rejected before iterating
};
const char* ToString(TerminationType type);

// The counterfactual equilibrium, in changes relative to the baseline. The `_ratio` fields are
// x̂ = x′/x (1 = unchanged); CountryOutcome and Outcomes give changes as fractions x̂ − 1 under
// `_change` names, so no name means both.
struct Equilibrium {
  std::vector<double> wage_ratio;  // ŵ_n
  Array2 price_ratio;              // P̂_nj  (country, sector)
  Array2 cost_ratio;               // ĉ_nj  (country, sector)
  Array3 trade_shares;             // π′_nij (importer, exporter, sector)
  Array2 expenditure;              // X′_nj, money units, gross of tariffs (country, sector)
};

struct SolverProgress {
  int outer_iteration = 0;
  double max_relative_residual = 0.0;  // max_n |trade balance residual_n| / VA_n
  double elapsed_seconds = 0.0;
};

struct SolverOptions {
  Algorithm algorithm = Algorithm::kAccelerated;

  // Stop when max_n |exports_n − imports_n − S′_n| / VA_n ≤ tolerance (relative to each
  // country's baseline value added; unit-free). kAccelerated only.
  double tolerance = 1e-11;
  // Upper bound on outer (wage) iterations.
  int max_outer_iterations = 2000;
  // Wall-clock limit for one Solve() call, in seconds.
  double max_time_in_seconds = 120.0;
  // δ in the wage update ŵ_n ← ŵ_n + δ · residual_n / VA_n (the authors use 0.2).
  double wage_step = 0.2;
  // Number of past iterates Anderson mixing uses (outer and inner loops); 0 disables it.
  int anderson_memory = 6;
  // Inner price loop stops when max |Δ ln P̂| ≤ price_tolerance. kAccelerated only.
  double price_tolerance = 1e-14;
  // Inner expenditure loop stops when max |ΔX′| / max X′ ≤ expenditure_tolerance.
  double expenditure_tolerance = 1e-14;
  // Upper bound on iterations of each inner loop (prices, expenditure) per outer iteration.
  int max_inner_iterations = 20000;

  // kReference only: the authors' stopping rules, in their units. Σ_n |residual_n| in the
  // baseline's money unit (scale-dependent, as in the authors' code), and max |ΔP̂| (absolute).
  double reference_tolerance = 1e-7;
  double reference_price_tolerance = 1e-7;

  // After solving, the independent checker recomputes every equilibrium condition; if the
  // largest residual exceeds check_tolerance the solve is reported as a numerical failure even
  // when the iteration's own criterion was met.
  double check_tolerance = 1e-8;

  // kAccelerated only: start from this equilibrium (ŵ, P̂ and X′; from a solve on the same
  // baseline, e.g. of a scenario that differs by a few rates) instead of ŵ = 1, P̂ = 1, X′ = X.
  // Near the answer this saves iterations; the result then agrees with a cold start's to
  // within the tolerance, not bit for bit. Null = cold start.
  std::shared_ptr<const Equilibrium> start;

  // Worker threads for the inner loops (1 = run on the calling thread only).
  int threads = 1;
  // Called once per outer iteration when set (on the calling thread).
  std::function<void(const SolverProgress&)> progress;

  // True if every field is in range; otherwise false with a message naming the field and bound.
  bool IsValid(std::string* error) const;
};

struct SolverSummary {
  TerminationType termination = TerminationType::kInvalidInput;
  std::string message;
  Algorithm algorithm = Algorithm::kAccelerated;
  // True when the iteration started from SolverOptions::start rather than from no change.
  bool warm_start = false;
  int outer_iterations = 0;
  int price_iterations = 0;        // inner price-loop iterations, summed over outer iterations
  int expenditure_iterations = 0;  // inner expenditure-loop iterations, summed
  double time_prices_seconds = 0.0;
  double time_expenditure_seconds = 0.0;
  double time_total_seconds = 0.0;
  // The solver's own final measure: max_n |trade balance residual_n| / VA_n.
  double final_relative_residual = 0.0;
  // Residuals recomputed by the independent checker from the returned equilibrium.
  EquilibriumResiduals check;

  bool IsConverged() const { return termination == TerminationType::kConverged; }
  // One line: "converged in 23 iterations (412 inner), 0.012 s, max residual 3.1e-13".
  std::string BriefReport() const;
  // Several lines: algorithm, iterations and time per phase, every checker residual.
  std::string FullReport() const;
};

struct Solution {
  Equilibrium equilibrium;
  SolverSummary summary;
};

// Solves the counterfactual equilibrium. Throws ArgumentError for invalid options, a shock that
// does not fit the baseline, or a baseline that cannot be solved (non-finite values).
Solution Solve(const Baseline& baseline, const Shock& shock, const SolverOptions& options = {});

}  // namespace ricardo
