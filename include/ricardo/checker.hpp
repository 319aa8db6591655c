// The independent equilibrium checker.
//
// It trusts nothing the solver says about itself: from the baseline, the shock and the returned
// equilibrium alone it recomputes every equilibrium condition, with code written separately
// from the solver's, and reports the largest violation of each. All residuals are unit-free.
#pragma once

#include <string>

#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"

namespace ricardo {

struct Equilibrium;

struct EquilibriumResiduals {
  // max |ln ĉ_nj − (γ_nj ln ŵ_n + Σ_k γ_n^{k,j} ln P̂_nk)|
  double cost = 0.0;
  // max |ln P̂_nj − ln [Σ_i π_nij (κ̂ d̂ ĉ_ij)^(−θ_j)]^(−1/θ_j)|
  double price = 0.0;
  // max |π′_nij − π_nij (κ̂ d̂ ĉ_ij / P̂_nj)^(−θ_j)|
  double trade_shares = 0.0;
  // max_nj |Σ_i π′_nij − 1|
  double share_sums = 0.0;
  // max_nj |X′_nj − (Σ_k γ_n^{j,k} Σ_i π′_ink/κ′_ink X′_ik + α_nj I′_n)| / Σ_j X′_nj
  double expenditure = 0.0;
  // max_n |exports′_n − imports′_n − S′_n| / VA_n
  double trade_balance = 0.0;
  // |Σ_n (exports′_n − imports′_n − S′_n)| / Σ_n VA_n (Walras' law)
  double walras = 0.0;
  // max_n |Σ_j γ_nj GO′_nj − ŵ_n VA_n| / VA_n (labour market clearing). Implied by (4)–(5) only
  // when every sector's input shares sum exactly to one; data whose shares are rounded (the
  // cp2015 IO.txt columns sum to 1 ± 1.6e-6) violate it slightly by construction, so it is
  // reported for information and left out of Max() and Pass().
  double labour_market = 0.0;
  // |Σ_n VA_n ŵ_n − Σ_n VA_n| / Σ_n VA_n (numéraire)
  double numeraire = 0.0;
  // true if any input or recomputed value was NaN or infinite
  bool non_finite = false;

  double Max() const;  // the largest residual among the equilibrium conditions (1)–(5)
  bool Pass(double tolerance) const { return !non_finite && Max() <= tolerance; }
  std::string ToString() const;  // one "name=value" pair per residual
};

// Default tolerance for EquilibriumResiduals::Pass in tests and reports.
inline constexpr double kCheckerTolerance = 1e-8;

EquilibriumResiduals CheckEquilibrium(const Baseline& baseline, const Shock& shock,
                                      const Equilibrium& equilibrium);

}  // namespace ricardo
