// The instances of the scale curve (docs/scale-curve.md), shared by the Google Benchmark
// (scale_bench) and the program that measures time and peak memory per size (scale_curve).
//
// One size N × J: the synthetic world of N regions and J sectors (seed 1, calibrated), and the
// standard shock — region R0 raises its tariffs by 10 percentage points on every other region in
// every tradable sector. A "draw" is what one Monte Carlo draw of the uncertainty bands costs: the
// same shock on the world with every θ_j moved by a few percent, solved warm-started from the
// point solution (SolverOptions::start).
#pragma once

#include <cstddef>
#include <memory>
#include <random>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"
#include "ricardo/synthetic_world.hpp"

namespace ricardo::bench {

inline const std::vector<std::size_t> kScaleRegions = {4, 12, 41, 100, 140};
inline const std::vector<std::size_t> kScaleSectors = {10, 35, 65};
inline constexpr double kScaleTariffIncrease = 0.10;  // fraction: 10 percentage points
// Each θ_j of a draw is θ_j · (1 + u), u uniform in ±kDrawThetaChange.
inline constexpr double kDrawThetaChange = 0.05;
// What a solve must reach to count: the independent checker's largest residual.
inline constexpr double kScaleCheckTolerance = 1e-8;

struct ScaleInstance {
  Baseline world;
  Shock shock;
};

// The solver's options for every solve of the curve: the defaults, except the wall-clock limit
// (120 s by default), which sizes beyond the grid need raised.
inline SolverOptions ScaleSolverOptions(
    double max_time_in_seconds = SolverOptions{}.max_time_in_seconds) {
  SolverOptions options;
  options.max_time_in_seconds = max_time_in_seconds;
  return options;
}

inline ScaleInstance MakeScaleInstance(std::size_t regions, std::size_t sectors,
                                       const SolverOptions& solver = ScaleSolverOptions()) {
  SyntheticWorldOptions options;
  options.regions = regions;
  options.sectors = sectors;
  options.seed = 1;
  options.calibration = solver;
  ScaleInstance instance;
  instance.world = MakeSyntheticWorld(options);
  instance.shock = MakeTariffRiseShock(instance.world, 0, kScaleTariffIncrease);
  return instance;
}

// The world of draw `draw`: θ_j · (1 + u_j). Flows, shares and hence the numéraire are the
// point's, so the point solution is a valid start.
inline Baseline DrawWorld(const Baseline& world, unsigned draw) {
  Baseline b = world;
  std::mt19937 rng(1000u + draw);
  std::uniform_real_distribution<double> change(-kDrawThetaChange, kDrawThetaChange);
  for (auto& sector : b.sectors) sector.theta *= 1.0 + change(rng);
  return b;
}

// A draw starts from the point's ŵ, P̂ and X′; the start's trade shares and costs are not read,
// so they are left out rather than copied (an N·N·J array fewer held by every draw runner).
inline SolverOptions DrawOptions(const Solution& point,
                                 SolverOptions options = ScaleSolverOptions()) {
  auto start = std::make_shared<Equilibrium>();
  start->wage_ratio = point.equilibrium.wage_ratio;
  start->price_ratio = point.equilibrium.price_ratio;
  start->expenditure = point.equilibrium.expenditure;
  options.start = std::move(start);
  return options;
}

inline bool Acceptable(const Solution& s) {
  return s.summary.IsConverged() && s.summary.check.Pass(kScaleCheckTolerance);
}

}  // namespace ricardo::bench
