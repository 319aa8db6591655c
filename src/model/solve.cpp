#include <algorithm>
#include <cmath>
#include <string>

#include "fmt/format.h"
#include "model/model_data.hpp"
#include "model/workspace.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/error.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

const char* ToString(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kAccelerated: return "accelerated";
    case Algorithm::kReference: return "reference";
  }
  return "unknown";
}

const char* ToString(TerminationType type) {
  switch (type) {
    case TerminationType::kConverged: return "converged";
    case TerminationType::kIterationLimit: return "iteration limit";
    case TerminationType::kTimeLimit: return "time limit";
    case TerminationType::kNumericalFailure: return "numerical failure";
    case TerminationType::kInvalidInput: return "invalid input";
  }
  return "unknown";
}

bool SolverOptions::IsValid(std::string* error) const {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  if (!positive(tolerance)) return fail(fmt::format("tolerance must be > 0, got {}", tolerance));
  if (max_outer_iterations < 1) {
    return fail(fmt::format("max_outer_iterations must be >= 1, got {}", max_outer_iterations));
  }
  if (!positive(max_time_in_seconds)) {
    return fail(fmt::format("max_time_in_seconds must be > 0, got {}", max_time_in_seconds));
  }
  if (!positive(wage_step) || wage_step > 10.0) {
    return fail(fmt::format("wage_step must be in (0, 10], got {}", wage_step));
  }
  if (anderson_memory < 0 || anderson_memory > 50) {
    return fail(fmt::format("anderson_memory must be in [0, 50], got {}", anderson_memory));
  }
  if (!positive(price_tolerance)) {
    return fail(fmt::format("price_tolerance must be > 0, got {}", price_tolerance));
  }
  if (!positive(expenditure_tolerance)) {
    return fail(fmt::format("expenditure_tolerance must be > 0, got {}", expenditure_tolerance));
  }
  if (max_inner_iterations < 1) {
    return fail(fmt::format("max_inner_iterations must be >= 1, got {}", max_inner_iterations));
  }
  if (!positive(reference_tolerance)) {
    return fail(fmt::format("reference_tolerance must be > 0, got {}", reference_tolerance));
  }
  if (!positive(reference_price_tolerance)) {
    return fail(
        fmt::format("reference_price_tolerance must be > 0, got {}", reference_price_tolerance));
  }
  if (!positive(check_tolerance)) {
    return fail(fmt::format("check_tolerance must be > 0, got {}", check_tolerance));
  }
  if (threads < 1 || threads > 256) {
    return fail(fmt::format("threads must be in [1, 256], got {}", threads));
  }
  return true;
}

std::string SolverSummary::BriefReport() const {
  return fmt::format(
      "{} ({}{}) after {} iterations ({} price, {} expenditure inner), {:.3f} s, "
      "max check residual {:.1e}",
      ToString(termination), ToString(algorithm), warm_start ? ", warm start" : "",
      outer_iterations, price_iterations, expenditure_iterations, time_total_seconds, check.Max());
}

std::string SolverSummary::FullReport() const {
  std::string out;
  out += fmt::format("termination:            {} — {}\n", ToString(termination), message);
  out += fmt::format("algorithm:              {}{}\n", ToString(algorithm),
                     warm_start ? " (warm start from a given equilibrium)" : "");
  out += fmt::format("outer iterations:       {}\n", outer_iterations);
  out += fmt::format("inner price iterations: {}\n", price_iterations);
  out += fmt::format("inner expenditure its.: {}\n", expenditure_iterations);
  out += fmt::format("time: total {:.4f} s, prices {:.4f} s, expenditure {:.4f} s\n",
                     time_total_seconds, time_prices_seconds, time_expenditure_seconds);
  out += fmt::format("solver residual:        {:.3e} (max |trade balance| / VA)\n",
                     final_relative_residual);
  out += "independent check:      " + check.ToString() + "\n";
  return out;
}

namespace {

void ValidateBaselineForSolve(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  if (N < 2) throw ArgumentError("the baseline needs at least two regions");
  if (J < 1) throw ArgumentError("the baseline needs at least one sector");
  if (b.trade_flows.dim0() != N || b.trade_flows.dim1() != N || b.trade_flows.dim2() != J ||
      b.tariff_rates.dim0() != N || b.tariff_rates.dim1() != N || b.tariff_rates.dim2() != J ||
      b.value_added_share.rows() != N || b.value_added_share.cols() != J ||
      b.input_shares.dim0() != N || b.input_shares.dim1() != J || b.input_shares.dim2() != J ||
      b.final_demand_share.rows() != N || b.final_demand_share.cols() != J) {
    throw ArgumentError("the baseline's arrays do not match its region and sector lists",
                        "build baselines with MakeEmptyBaseline or a reader");
  }
  for (std::size_t j = 0; j < J; ++j) {
    if (!std::isfinite(b.sectors[j].theta) || b.sectors[j].theta <= 0.0) {
      throw ArgumentError(fmt::format("sector '{}' has trade elasticity theta = {} (must be > 0)",
                                      b.sectors[j].code, b.sectors[j].theta));
    }
  }
  const std::vector<double> va = ValueAdded(b);
  for (std::size_t n = 0; n < N; ++n) {
    if (!std::isfinite(va[n]) || va[n] <= 0.0) {
      throw ArgumentError(
          fmt::format("region '{}' has value added {} (must be > 0)", b.regions[n].code, va[n]));
    }
  }
  for (double v : b.trade_flows.values()) {
    if (!std::isfinite(v) || v < 0.0) {
      throw ArgumentError("the baseline holds a negative or non-finite trade flow",
                          "validate the baseline package first (ricardo data check)");
    }
  }
}

void ValidateStart(const Baseline& b, const Equilibrium& start, Algorithm algorithm) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  if (algorithm != Algorithm::kAccelerated) {
    throw ArgumentError("a start equilibrium is only used by the accelerated algorithm",
                        "drop SolverOptions::start or use Algorithm::kAccelerated");
  }
  if (start.wage_ratio.size() != N || start.price_ratio.rows() != N ||
      start.price_ratio.cols() != J || start.expenditure.rows() != N ||
      start.expenditure.cols() != J) {
    throw ArgumentError(fmt::format("the start equilibrium does not fit the baseline's {} regions "
                                    "and {} sectors",
                                    N, J),
                        "start from a solution on the same baseline");
  }
  auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  auto non_negative = [](double v) { return std::isfinite(v) && v >= 0.0; };
  if (!std::all_of(start.wage_ratio.begin(), start.wage_ratio.end(), positive) ||
      !std::all_of(start.price_ratio.values().begin(), start.price_ratio.values().end(),
                   positive) ||
      !std::all_of(start.expenditure.values().begin(), start.expenditure.values().end(),
                   non_negative)) {
    throw ArgumentError(
        "the start equilibrium holds a wage or price change that is not > 0, "
        "or an expenditure that is negative or not finite",
        "start from a converged solution");
  }
  // The wage update keeps Σ_n VA_n ŵ_n where it starts, so a start must be on the numéraire.
  const std::vector<double> va = ValueAdded(b);
  double world = 0.0, world_start = 0.0;
  for (std::size_t n = 0; n < N; ++n) {
    world += va[n];
    world_start += va[n] * start.wage_ratio[n];
  }
  if (!(std::abs(world_start - world) <= 1e-9 * world)) {
    throw ArgumentError(fmt::format("the start equilibrium's wages change world value added by a "
                                    "factor {:.12g}; the numéraire keeps it at 1",
                                    world_start / world),
                        "start from a solution on the same baseline");
  }
}

}  // namespace

Solution Solve(const Baseline& baseline, const Shock& shock, const SolverOptions& options) {
  std::string error;
  if (!options.IsValid(&error)) throw ArgumentError("invalid solver options: " + error);
  ValidateBaselineForSolve(baseline);
  ValidateShock(baseline, shock);
  if (options.start) ValidateStart(baseline, *options.start, options.algorithm);

  const detail::ModelData model = detail::Prepare(baseline, shock, options.threads);
  Solution solution;
  solution.summary.algorithm = options.algorithm;
  solution.equilibrium = options.algorithm == Algorithm::kReference
                             ? detail::SolveReference(model, options, solution.summary)
                             : detail::SolveAccelerated(model, options, solution.summary);
  solution.summary.check = CheckEquilibrium(baseline, shock, solution.equilibrium);
  if (solution.summary.IsConverged() && !solution.summary.check.Pass(options.check_tolerance)) {
    solution.summary.termination = TerminationType::kNumericalFailure;
    solution.summary.message = fmt::format(
        "the iteration met its own criterion, but the independent check found a residual of "
        "{:.2e} > check_tolerance {:.1e}",
        solution.summary.check.Max(), options.check_tolerance);
  }
  return solution;
}

}  // namespace ricardo
