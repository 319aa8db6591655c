// The scale curve (issue 13; docs/scale-curve.md): one counterfactual solve and one draw on
// synthetic calibrated worlds of N ∈ {4, 12, 41, 100, 140} regions × J ∈ {10, 35, 65} sectors
// (140 × 65 is GTAP-sized), the instances of bench/scale_instances.hpp.
//
//  * BM_ScaleSolve/N/J — region R0 raises its tariffs by 10 points on everyone in every tradable
//    sector, solved from no change (cold).
//  * BM_ScaleDraw/N/J — the same shock with every θ_j moved by up to ±5%, solved warm-started
//    from the point solution: the cost of one Monte Carlo draw of the uncertainty bands.
//
// Expected result, checked after the timed loop: converged, and the independent checker's
// largest residual below 1e-8. The worlds are built (and calibrated) once per size, outside the
// timed loop. Peak memory is not measured here (Google Benchmark cannot, per case): see
// bench/scale_curve.cpp. Sizes with N·N·J above a million run one iteration per repetition.
// Run on one core:  taskset -c 0 build/bench/scale_bench
#include <map>
#include <memory>
#include <utility>

#include "benchmark/benchmark.h"
#include "scale_instances.hpp"

namespace {

using ricardo::bench::ScaleInstance;

const ScaleInstance& Instance(std::size_t regions, std::size_t sectors) {
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<ScaleInstance>> cache;
  auto& slot = cache[{regions, sectors}];
  if (!slot) {
    slot = std::make_unique<ScaleInstance>(ricardo::bench::MakeScaleInstance(regions, sectors));
  }
  return *slot;
}

void Report(benchmark::State& state, const ricardo::Solution& s) {
  if (!ricardo::bench::Acceptable(s)) {
    state.SkipWithError(
        ("the solve did not reach an equilibrium: " + s.summary.BriefReport()).c_str());
    return;
  }
  state.counters["outer_iterations"] = s.summary.outer_iterations;
  state.counters["inner_price_iterations"] = s.summary.price_iterations;
  state.counters["inner_expenditure_iterations"] = s.summary.expenditure_iterations;
  state.counters["max_check_residual"] = s.summary.check.Max();
}

void BM_ScaleSolve(benchmark::State& state) {
  const auto& instance = Instance(state.range(0), state.range(1));
  ricardo::Solution last;
  for (auto _ : state) {
    last = ricardo::Solve(instance.world, instance.shock);
    benchmark::DoNotOptimize(last.equilibrium.wage_ratio.data());
  }
  Report(state, last);
}

void BM_ScaleDraw(benchmark::State& state) {
  const auto& instance = Instance(state.range(0), state.range(1));
  const ricardo::Solution point = ricardo::Solve(instance.world, instance.shock);
  const ricardo::Baseline draw_world = ricardo::bench::DrawWorld(instance.world, 1);
  const ricardo::SolverOptions options = ricardo::bench::DrawOptions(point);
  ricardo::Solution last;
  for (auto _ : state) {
    last = ricardo::Solve(draw_world, instance.shock, options);
    benchmark::DoNotOptimize(last.equilibrium.wage_ratio.data());
  }
  Report(state, last);
}

// Small sizes repeat until the time is stable; large ones (N·N·J ≥ 10^6: a second or more a
// solve) run once per repetition, so the whole grid takes minutes, not hours.
void Register(const char* name, void (*function)(benchmark::State&)) {
  for (std::size_t regions : ricardo::bench::kScaleRegions) {
    for (std::size_t sectors : ricardo::bench::kScaleSectors) {
      auto* b = benchmark::RegisterBenchmark(name, function)
                    ->Args({static_cast<long>(regions), static_cast<long>(sectors)})
                    ->Unit(benchmark::kMillisecond)
                    ->Repetitions(3)
                    ->ReportAggregatesOnly(true);
      if (regions * regions * sectors >= 1'000'000) b->Iterations(1);
    }
  }
}

const bool kRegistered = [] {
  Register("BM_ScaleSolve", BM_ScaleSolve);
  Register("BM_ScaleDraw", BM_ScaleDraw);
  return true;
}();

}  // namespace
