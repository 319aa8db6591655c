// The compile of a named scenario as a function of its measures' rates, for /solve requests
// that edit only rates (what the dashboard's sliders send).
//
// Why this is exact (src/tariffs/compile.cpp, stacking.cpp): a measure's rate is read only by
// Compiler::RateFor. Which measures are present on a product, which are displaced and the value
// share each is charged on depend on dates, scopes, content, USMCA treatment and the stacking
// rules, never on rates; a product's added rate is Σ rate × (charged share), a sector's added
// rate is an import-weighted mean (products mode) or Σ rate × effective coverage (sector mode),
// and the tariff is the baseline's plus the added rate. Rates are compared only to write the
// product and sector traces, which a solve does not use. So for fixed dates, switches, scopes
// and USMCA share, t′(n,i,j) = t0(n,i,j) + Σ_k rate_k · a_k(n,i,j), with t0 the compile with
// every editable rate 0 and a_k the added rate per unit rate of measure k (compiled on a copy
// of the baseline without tariffs, so a_k is the compiler's own sum, not a difference).
// The sums are reordered: results agree with the full compile to rounding
// (tests/server/rate_basis_test.cpp compares them on random rate edits).
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::server {

class RateBasis {
 public:
  // Compiles `scenario` (as named, before edits) on `baseline` once per editable measure and
  // once with every editable rate 0, with default compile options (the scenario's date and
  // USMCA shares). Throws what CompileScenario throws.
  RateBasis(const Scenario& scenario, const Baseline& baseline);

  // The compile of `edited`, which must be the scenario given to the constructor with only
  // measure rates changed. The trace is left empty (solves do not use it).
  CompiledScenario Compile(const Scenario& edited) const;

 private:
  struct Term {
    std::size_t measure;                                    // index in the scenario
    std::vector<std::pair<std::size_t, double>> per_rate;  // (flat tariff index, a_k), a_k ≠ 0
  };
  CompiledScenario zero_;  // every editable rate 0; trace dropped
  std::vector<Term> terms_;
  std::size_t tariff_count_ = 0;
};

// RateBases of the named scenarios a server has been asked about, built on first use. Keyed by
// the catalog's scenario and baseline objects, which each entry holds (a scenario file edited
// on disk is a new object: a new basis). At most 16 entries; then it starts over.
std::shared_ptr<const RateBasis> RateBasisFor(const std::shared_ptr<const Scenario>& scenario,
                                              const std::shared_ptr<const Baseline>& baseline);

}  // namespace ricardo::server
