#include "model/workspace.hpp"

#include <algorithm>
#include <cmath>

#include "model/anderson.hpp"
#include "model/kernels.hpp"

namespace ricardo::detail {

Workspace::Workspace(const ModelData& m)
    : wage(m.N, 1.0),
      log_wage(m.N, 0.0),
      log_price(m.N, m.J),
      next_log_price(m.N, m.J),
      log_cost(m.N, m.J),
      cost_power(m.N, m.J),
      price_sum(m.N, m.J),
      trade_shares(m.N, m.N, m.J),
      purchase_share(m.N, m.N, m.J),
      tariff_free_share(m.N, m.J),
      expenditure(m.expenditure_base),
      next_expenditure(m.N, m.J),
      gross_output(m.N, m.J),
      residual(m.N, 0.0) {}

int SolveExpenditure(const ModelData& m, Workspace& ws, double tolerance, int max_iterations,
                     int memory) {
  AndersonMixer mixer(ws.expenditure.size(), memory);
  int iterations = 0;
  bool converged = false;
  while (iterations < max_iterations) {
    ++iterations;
    ApplyExpenditureMap(m, ws.wage, ws.purchase_share, ws.tariff_free_share, ws.expenditure,
                        ws.gross_output, ws.next_expenditure);
    double change = 0.0, scale = 0.0;
    const auto& x = ws.expenditure.values();
    const auto& y = ws.next_expenditure.values();
    for (std::size_t k = 0; k < x.size(); ++k) {
      change = std::max(change, std::abs(y[k] - x[k]));
      scale = std::max(scale, std::abs(y[k]));
    }
    if (!std::isfinite(change)) break;
    if (change <= tolerance * scale) {
      ws.expenditure.values() = y;
      converged = true;
      break;
    }
    mixer.Step(ws.expenditure.values(), y);
  }
  ComputeGrossOutput(m, ws.purchase_share, ws.expenditure, ws.gross_output);
  ComputeTradeBalanceResidual(m, ws.gross_output, ws.tariff_free_share, ws.expenditure,
                              ws.residual);
  return converged ? iterations : -1;
}

Equilibrium ExtractEquilibrium(const ModelData& m, Workspace& ws) {
  Equilibrium e;
  e.wage_ratio = ws.wage;
  e.price_ratio = Array2(m.N, m.J);
  e.cost_ratio = Array2(m.N, m.J);
  for (std::size_t k = 0; k < e.price_ratio.size(); ++k) {
    e.price_ratio.values()[k] = std::exp(ws.next_log_price.values()[k]);
    e.cost_ratio.values()[k] = std::exp(ws.log_cost.values()[k]);
  }
  e.trade_shares = std::move(ws.trade_shares);
  e.expenditure = std::move(ws.expenditure);
  return e;
}

}  // namespace ricardo::detail
