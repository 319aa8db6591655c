// Calibration of the base year: making the data an equilibrium of the model.
//
// Raw data rarely satisfy the model's expenditure identity exactly (final-demand shares are
// clipped at zero, gross output is raised to exports, ...). Calibration solves the model at a
// zero tariff shock — optionally setting every trade balance to zero — and replaces the flows
// with the equilibrium flows, as Caliendo and Parro do before their counterfactuals.
#pragma once

#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

enum class DeficitTreatment {
  kKeep,       // hold each country's base-year surplus fixed
  kEliminate,  // solve for the economy in which every trade balance is zero
};
const char* ToString(DeficitTreatment treatment);

struct CalibrationOptions {
  DeficitTreatment deficits = DeficitTreatment::kKeep;
  SolverOptions solver;
};

struct CalibrationResult {
  Baseline baseline;      // an equilibrium: a zero shock on it changes nothing
  SolverSummary summary;  // the solve that produced it
};

// Solves at zero tariff change and returns the equilibrium baseline. Throws ArgumentError if
// the solve does not converge (the message carries the solver's report).
CalibrationResult CalibrateBaseYear(const Baseline& data, const CalibrationOptions& options);

// Final-demand shares from the expenditure identity, as in the authors' base-year code:
// α_nj ∝ max(0, X_nj − Σ_k γ_n^{j,k} GO_nk) / I_n, renormalised to sum to one over j.
// `clipped` (optional) receives "REGION/SECTOR" for every share that was negative and set to 0.
Array2 FinalDemandSharesFromIdentity(const Baseline& data, std::vector<std::string>* clipped);

}  // namespace ricardo
