// A counterfactual: what changes relative to the baseline.
#pragma once

#include <optional>
#include <vector>

#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"

namespace ricardo {

struct Shock {
  // (importer n, exporter i, sector j): counterfactual tariff rates t′ as fractions — levels,
  // not changes. Equal to the baseline's tariff_rates for "no tariff change".
  Array3 tariff_rates;
  // (importer n, exporter i, sector j): iceberg trade-cost ratios d̂ = d′/d; 1 = unchanged.
  Array3 trade_cost_ratio;
  // Counterfactual trade surplus S′_n per country, in money units. Empty = keep the baseline's
  // surpluses (the usual assumption). Must sum to zero over countries.
  std::optional<std::vector<double>> surplus;

  // The shock that changes nothing: t′ = t, d̂ = 1, S′ = S.
  static Shock None(const Baseline& baseline);
};

// The counterfactual surplus vector: `shock.surplus` if set, else the baseline's.
std::vector<double> CounterfactualSurplus(const Baseline& baseline, const Shock& shock);

// Throws ArgumentError if the shock's arrays do not match the baseline's dimensions or hold
// invalid values (negative tariffs, non-positive trade-cost changes, surpluses not summing to 0).
void ValidateShock(const Baseline& baseline, const Shock& shock);

}  // namespace ricardo
