// Synthetic worlds: random but consistent base years of any size, for scale measurements
// (docs/scale-curve.md), tests and benchmarks, and the standard shock the scale curve solves.
//
//   SyntheticWorldOptions options;  options.regions = 140;  options.sectors = 65;
//   const Baseline world = MakeSyntheticWorld(options);   // calibrated: a zero shock changes
//   nothing const Shock shock = MakeTariffRiseShock(world, 0, 0.10);
//
// The world is drawn, not estimated: gravity-like flows between regions of log-normal sizes, a
// home bias that grows with the number of regions (so that a region of average size buys about
// three quarters of its goods at home whatever their number), random tariffs, value-added and
// input-output shares, θ drawn uniformly in a range, and the last sectors non-tradable (services
// follow goods in WIOD's order). Final-demand shares come from the expenditure identity and, when
// `calibrate` is set, the flows are replaced by the model's equilibrium at a zero shock
// (CalibrateBaseYear, deficits kept), so the result passes ValidateBaseline and a zero shock solves
// to ŵ = P̂ = 1.
//
// Reproducible for a given seed with the same standard library: mt19937 streams, one for the
// draws the tests' random baselines always made (θ, flows, tariffs, shares, in that order) and
// one for the sizes, so that sizes alike and no non-tradable sectors reproduce those baselines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

struct SyntheticWorldOptions {
  std::size_t regions = 4;   // N ≥ 2; codes R0, R1, …
  std::size_t sectors = 10;  // J ≥ 1; codes s0, s1, …
  std::uint32_t seed = 1;    // same seed and options, same world

  // Fraction of sectors, the last ones, that are not traded: no foreign flows, no tariffs.
  // Rounded to the nearest count; at least one sector stays tradable. In [0, 1).
  double non_tradable_fraction = 0.25;
  // θ_j uniform in [theta_min, theta_max]; both > 0. Caliendo and Parro's estimates of goods
  // sectors run from about 1 to 70 with most between 2 and 15.
  double theta_min = 2.0;
  double theta_max = 15.0;
  // Weight of a region's purchases from itself relative to one foreign partner's, before sizes
  // and noise. 0 = 3·(N − 1), so that a region of average size buys about three quarters of its
  // goods at home whatever the number of regions (larger ones more, smaller ones less). ≥ 0.
  double domestic_weight = 0.0;
  // Base-year tariffs uniform in [0, max_tariff_rate] (fractions) on foreign tradable flows.
  double max_tariff_rate = 0.2;
  // Standard deviation of log region size; flows from i to n scale with size_i · size_n.
  // 0 = all regions alike. 1 spreads 140 regions over about two orders of magnitude.
  double region_size_log_sd = 1.0;
  // Standard deviation of log sector size (all flows of a sector scale with it). 0 = alike.
  double sector_size_log_sd = 0.5;
  // Replace the drawn flows by the model's equilibrium at a zero shock (deficits kept), so the
  // world is an equilibrium. Without it, final-demand shares come from the identity only.
  bool calibrate = true;
  // Options of that calibration solve (the defaults solve 140 × 65 in seconds).
  SolverOptions calibration;

  // True if every field is in range; otherwise false with a message naming the field and bound.
  bool IsValid(std::string* error) const;
};

// Draws the world. Throws ArgumentError for invalid options or a calibration that does not
// converge (the message carries the solver's report).
Baseline MakeSyntheticWorld(const SyntheticWorldOptions& options);

// The scale curve's counterfactual: region `importer` raises its tariffs by
// `tariff_increase` (a fraction: 0.10 = 10 percentage points) on every other region in every
// tradable sector; everything else as in the baseline. ArgumentError if `importer` is out of
// range or the increase is negative or not finite.
Shock MakeTariffRiseShock(const Baseline& baseline, std::size_t importer, double tariff_increase);

}  // namespace ricardo
