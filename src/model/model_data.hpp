// Quantities the solver needs, precomputed once per Solve() from a baseline and a shock.
#pragma once

#include <cstddef>
#include <vector>

#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"

namespace ricardo::detail {

struct ModelData {
  std::size_t N = 0;          // regions
  std::size_t J = 0;          // sectors
  std::vector<double> theta;  // θ_j
  Array2 va_share;            // γ_nj (n, j)
  // γ_n^{k,j} stored twice for contiguous inner loops:
  Array3 input_coef_by_user;        // (n, j, k): inputs k of using sector j
  Array3 input_coef_by_input;       // (n, k, j): users j of input k
  Array2 final_share;               // α_nj
  Array3 weighted_shares;           // a_nij = π_nij (κ̂_nij d̂_nij)^(−θ_j)
  Array3 inv_tariff_factor_new;     // 1 / (1 + t′_nij)
  std::vector<double> value_added;  // VA_n (baseline)
  std::vector<double> surplus_new;  // S′_n
  double world_value_added = 0.0;
  Array2 expenditure_base;  // X_nj, a warm start for X′
  int threads = 1;
};

ModelData Prepare(const Baseline& baseline, const Shock& shock, int threads);

}  // namespace ricardo::detail
