// Scratch arrays for one solve, and the pieces both algorithms share.
#pragma once

#include <chrono>
#include <vector>

#include "model/model_data.hpp"
#include "ricardo/solver.hpp"

namespace ricardo::detail {

struct Workspace {
  explicit Workspace(const ModelData& m);

  std::vector<double> wage;  // ŵ_n
  std::vector<double> log_wage;
  Array2 log_price;          // current iterate of ln P̂
  Array2 next_log_price;     // the price map applied to it
  Array2 log_cost;           // ln ĉ from (ŵ, log_price)
  Array2 cost_power;         // ĉ^(−θ)
  Array2 price_sum;          // D_nj
  Array3 trade_shares;       // π′
  Array3 purchase_share;     // π′ / (1 + t′)
  Array2 tariff_free_share;  // F_nj
  Array2 expenditure;        // X′
  Array2 next_expenditure;
  Array2 gross_output;           // sales by exporter and sector at X′
  std::vector<double> residual;  // trade-balance residual per country
};

// Solves X′ = A(π′) X′ + b(ŵ) for the current shares; warm-starts from ws.expenditure and leaves
// the solution there, with ws.gross_output and ws.residual consistent with it. Returns the
// number of iterations, or −1 if max_iterations was reached first.
int SolveExpenditure(const ModelData& m, Workspace& ws, double tolerance, int max_iterations,
                     int memory);

// Moves the workspace's state into an Equilibrium (prices from next_log_price).
Equilibrium ExtractEquilibrium(const ModelData& m, Workspace& ws);

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// The two algorithms. Each fills the summary's counters, times and termination.
Equilibrium SolveAccelerated(const ModelData& m, const SolverOptions& options,
                             SolverSummary& summary);
Equilibrium SolveReference(const ModelData& m, const SolverOptions& options,
                           SolverSummary& summary);

}  // namespace ricardo::detail
