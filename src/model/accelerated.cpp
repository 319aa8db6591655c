// The default algorithm: the authors' wage update, accelerated, with exact warm-started inner
// solves. See Algorithm::kAccelerated.
#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "model/anderson.hpp"
#include "model/kernels.hpp"
#include "model/workspace.hpp"

namespace ricardo::detail {
namespace {

// Inner price fixed point ln P̂ = price(cost(ŵ, ln P̂)), warm-started from ws.log_price.
// On return log_cost/cost_power/price_sum belong to ws.log_price and next_log_price is the
// map applied to it. Returns iterations, or −1 without convergence.
int SolvePrices(const ModelData& m, Workspace& ws, double tolerance, int max_iterations,
                int memory) {
  AndersonMixer mixer(ws.log_price.size(), memory);
  for (int it = 1; it <= max_iterations; ++it) {
    ComputeLogCost(m, ws.log_wage, ws.log_price, ws.log_cost);
    ComputeLogPrice(m, ws.log_cost, ws.cost_power, ws.price_sum, ws.next_log_price);
    double change = 0.0;
    const auto& x = ws.log_price.values();
    const auto& g = ws.next_log_price.values();
    for (std::size_t k = 0; k < x.size(); ++k) change = std::max(change, std::abs(g[k] - x[k]));
    if (!std::isfinite(change)) return -1;
    if (change <= tolerance) return it;
    mixer.Step(ws.log_price.values(), g);
  }
  return -1;
}

}  // namespace

Equilibrium SolveAccelerated(const ModelData& m, const SolverOptions& options,
                             SolverSummary& summary) {
  Workspace ws(m);
  if (options.start) {  // checked by Solve(): sizes, signs, the baseline's numéraire
    const Equilibrium& start = *options.start;
    summary.warm_start = true;
    ws.wage = start.wage_ratio;
    for (std::size_t k = 0; k < ws.log_price.size(); ++k) {
      ws.log_price.values()[k] = std::log(start.price_ratio.values()[k]);
    }
    ws.expenditure.values() = start.expenditure.values();
  }
  AndersonMixer wage_mixer(m.N, options.anderson_memory);
  std::vector<double> next_wage(m.N);
  const Stopwatch clock;
  summary.termination = TerminationType::kIterationLimit;
  summary.message =
      fmt::format("no convergence within {} outer iterations", options.max_outer_iterations);
  // Inexact inner solves: far from the equilibrium the inner loops need not be exact, so their
  // tolerances track the outer residual (two orders below it), down to the requested floors.
  double previous_relative = 1.0;
  for (int outer = 1; outer <= options.max_outer_iterations; ++outer) {
    const double inner_price_tolerance =
        std::max(options.price_tolerance, std::min(1e-6, 1e-2 * previous_relative));
    const double inner_expenditure_tolerance =
        std::max(options.expenditure_tolerance, std::min(1e-6, 1e-2 * previous_relative));
    summary.outer_iterations = outer;
    for (std::size_t n = 0; n < m.N; ++n) ws.log_wage[n] = std::log(ws.wage[n]);

    const Stopwatch price_clock;
    const int price_its = SolvePrices(m, ws, inner_price_tolerance, options.max_inner_iterations,
                                      options.anderson_memory);
    summary.time_prices_seconds += price_clock.Seconds();
    if (price_its < 0) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("inner price loop did not converge at outer iteration {}", outer);
      break;
    }
    summary.price_iterations += price_its;
    ComputeTradeShares(m, ws.cost_power, ws.price_sum, ws.trade_shares, ws.purchase_share,
                       ws.tariff_free_share);

    const Stopwatch expenditure_clock;
    const int expenditure_its = SolveExpenditure(
        m, ws, inner_expenditure_tolerance, options.max_inner_iterations, options.anderson_memory);
    summary.time_expenditure_seconds += expenditure_clock.Seconds();
    if (expenditure_its < 0) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("inner expenditure loop did not converge at outer iteration {}", outer);
      break;
    }
    summary.expenditure_iterations += expenditure_its;

    const double relative = MaxRelativeResidual(m, ws.residual);
    summary.final_relative_residual = relative;
    previous_relative = relative;
    if (options.progress) options.progress({outer, relative, clock.Seconds()});
    if (!std::isfinite(relative)) {
      summary.termination = TerminationType::kNumericalFailure;
      summary.message =
          fmt::format("non-finite trade-balance residual at outer iteration {}", outer);
      break;
    }
    // Converged only if the inner solves of this iteration were two orders finer than the outer
    // criterion (or at their floors), so that every condition holds, not just the trade balance.
    const bool inner_fine_enough =
        inner_price_tolerance <= std::max(options.price_tolerance, 1e-2 * options.tolerance) &&
        inner_expenditure_tolerance <=
            std::max(options.expenditure_tolerance, 1e-2 * options.tolerance);
    if (relative <= options.tolerance && inner_fine_enough) {
      summary.termination = TerminationType::kConverged;
      summary.message = "trade balance residuals within tolerance";
      break;
    }
    if (clock.Seconds() > options.max_time_in_seconds) {
      summary.termination = TerminationType::kTimeLimit;
      summary.message = fmt::format("time limit of {} s reached", options.max_time_in_seconds);
      break;
    }
    for (std::size_t n = 0; n < m.N; ++n) {
      next_wage[n] = ws.wage[n] + options.wage_step * ws.residual[n] / m.value_added[n];
    }
    wage_mixer.Step(ws.wage, next_wage);
    const bool valid = std::all_of(ws.wage.begin(), ws.wage.end(),
                                   [](double w) { return std::isfinite(w) && w > 0.0; });
    if (!valid) {  // an extrapolated step left the domain: fall back to the damped step
      ws.wage = next_wage;
      wage_mixer.Reset();
    }
  }
  summary.time_total_seconds = clock.Seconds();
  return ExtractEquilibrium(m, ws);
}

}  // namespace ricardo::detail
