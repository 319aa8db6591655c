// The authors' algorithm (Caliendo and Parro's equilibrium_LC.m and PH.m), step for step: the
// same updates, starting points and stopping rules, so that it reproduces their iterates and
// iteration counts. Only the expenditure system is solved differently (to machine precision by
// an iterative method instead of an explicit dense inverse).
#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "model/kernels.hpp"
#include "model/workspace.hpp"

namespace ricardo::detail {

Equilibrium SolveReference(const ModelData& m, const SolverOptions& options,
                           SolverSummary& summary) {
  Workspace ws(m);
  const Stopwatch clock;
  constexpr double kExactExpenditure = 1e-15;
  summary.termination = TerminationType::kIterationLimit;
  summary.message =
      fmt::format("no convergence within {} outer iterations", options.max_outer_iterations);
  for (int outer = 1; outer <= options.max_outer_iterations; ++outer) {
    summary.outer_iterations = outer;
    for (std::size_t n = 0; n < m.N; ++n) ws.log_wage[n] = std::log(ws.wage[n]);

    // PH.m: cold start at P̂ = 1; stop when max |P̂_new − P̂| (levels) is within tolerance.
    const Stopwatch price_clock;
    std::fill(ws.log_price.values().begin(), ws.log_price.values().end(), 0.0);
    int inner = 0;
    double change = 1.0;
    while (inner < options.max_inner_iterations && change > options.reference_price_tolerance) {
      ++inner;
      ComputeLogCost(m, ws.log_wage, ws.log_price, ws.log_cost);
      ComputeLogPrice(m, ws.log_cost, ws.cost_power, ws.price_sum, ws.next_log_price);
      change = 0.0;
      for (std::size_t k = 0; k < ws.log_price.size(); ++k) {
        change = std::max(change, std::abs(std::exp(ws.next_log_price.values()[k]) -
                                           std::exp(ws.log_price.values()[k])));
      }
      if (!std::isfinite(change)) break;
      if (change > options.reference_price_tolerance) ws.log_price = ws.next_log_price;
    }
    summary.time_prices_seconds += price_clock.Seconds();
    summary.price_iterations += inner;
    if (!std::isfinite(change) || change > options.reference_price_tolerance) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("inner price loop did not converge at outer iteration {}", outer);
      break;
    }
    // Dinprime.m: shares from the last costs, with their own price sums.
    ComputeTradeShares(m, ws.cost_power, ws.price_sum, ws.trade_shares, ws.purchase_share,
                       ws.tariff_free_share);

    const Stopwatch expenditure_clock;
    const int expenditure_its = SolveExpenditure(
        m, ws, kExactExpenditure, options.max_inner_iterations, options.anderson_memory);
    summary.time_expenditure_seconds += expenditure_clock.Seconds();
    if (expenditure_its < 0) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("expenditure system could not be solved at outer iteration {}", outer);
      break;
    }
    summary.expenditure_iterations += expenditure_its;

    double absolute_sum = 0.0;
    for (double r : ws.residual) absolute_sum += std::abs(r);
    summary.final_relative_residual = MaxRelativeResidual(m, ws.residual);
    if (options.progress) {
      options.progress({outer, summary.final_relative_residual, clock.Seconds()});
    }
    if (!std::isfinite(absolute_sum)) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("non-finite trade-balance residual at outer iteration {}", outer);
      break;
    }
    if (absolute_sum <= options.reference_tolerance) {
      summary.termination = TerminationType::kConverged;
      summary.message = fmt::format("sum of |trade balance residuals| {:.3g} <= {:g} money units",
                                    absolute_sum, options.reference_tolerance);
      break;
    }
    if (clock.Seconds() > options.max_time_in_seconds) {
      summary.termination = TerminationType::kTimeLimit;
      summary.message = fmt::format("time limit of {} s reached", options.max_time_in_seconds);
      break;
    }
    // equilibrium_LC.m: additive damped update, ŵ ← ŵ + δ · residual / VA.
    for (std::size_t n = 0; n < m.N; ++n) {
      ws.wage[n] += options.wage_step * ws.residual[n] / m.value_added[n];
    }
  }
  summary.time_total_seconds = clock.Seconds();
  return ExtractEquilibrium(m, ws);
}

}  // namespace ricardo::detail
