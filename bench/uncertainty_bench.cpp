// Speed of the uncertainty draws (issue 13): `ricardo run --draws 1000` on the default scenario
// (us-tariffs-2025-11 on the world baseline, 12 regions × 35 sectors), θ and USMCA utilisation
// drawn, every draw warm-started from the point solution.
//
//  * BM_Draws/1000/T — the 1,000 draws with their bands on T threads (the target: ≤ 5 s on 2);
//  * BM_OneDraw — one draw on one thread, split into its solve and its outcomes;
//  * BM_PointSolveCold — the point solve from ŵ = 1, for comparison.
//
// The draws' setup (loading, compiling the scenario three times) is outside the timed loop.
// Report the medians of repetitions on a quiet machine:
//   build/bench/uncertainty_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <memory>

#include "benchmark/benchmark.h"
#include "ricardo/outcomes.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/uncertainty.hpp"

namespace {

struct Setup {
  ricardo::Scenario scenario;
  ricardo::CompileOptions options;
  ricardo::CompiledScenario compiled;
  ricardo::Solution point;
  ricardo::UncertaintyInputs inputs;
};

const Setup& Default() {
  static const Setup s = [] {
    Setup out;
    out.scenario = ricardo::LoadScenario(ricardo::ResolveScenarioPath("us-tariffs-2025-11"));
    out.options.product_trace = false;
    out.compiled = ricardo::CompileScenario(
        out.scenario, ricardo::LoadBaseline(out.scenario.baseline), out.options);
    out.point = ricardo::Solve(out.compiled.baseline, out.compiled.shock);
    ricardo::DrawSettings settings;
    settings.draws = 1;
    out.inputs = ricardo::PrepareUncertainty(out.scenario, out.compiled, out.options, settings);
    return out;
  }();
  return s;
}

void BM_Draws(benchmark::State& state) {
  const Setup& s = Default();
  ricardo::DrawSettings settings;
  settings.draws = static_cast<int>(state.range(0));
  settings.threads = static_cast<int>(state.range(1));
  std::size_t non_converged = 0;
  for (auto _ : state) {
    const ricardo::DrawResult r =
        ricardo::RunDraws(s.compiled.baseline, s.compiled.shock, s.point, s.inputs, settings);
    non_converged = r.non_converged;
    benchmark::DoNotOptimize(r.country_bands.data());
  }
  state.counters["non_converged"] = static_cast<double>(non_converged);
  // Seconds per draw, printed with an SI prefix (2.0m = 2.0 ms).
  state.counters["s_per_draw"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * settings.draws,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Draws)
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_OneDrawSolve(benchmark::State& state) {
  const Setup& s = Default();
  ricardo::Baseline b = s.compiled.baseline;
  const std::vector<double> theta = ricardo::DrawTheta(b, 1, 17);
  for (std::size_t j = 0; j < b.sector_count(); ++j) b.sectors[j].theta = theta[j];
  ricardo::SolverOptions options;
  options.start = std::make_shared<const ricardo::Equilibrium>(s.point.equilibrium);
  int iterations = 0;
  for (auto _ : state) {
    const ricardo::Solution solution = ricardo::Solve(b, s.compiled.shock, options);
    iterations = solution.summary.outer_iterations;
  }
  state.counters["outer_iterations"] = iterations;
}
BENCHMARK(BM_OneDrawSolve)->Unit(benchmark::kMillisecond);

void BM_OneDrawOutcomes(benchmark::State& state) {
  const Setup& s = Default();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        ricardo::ComputeDrawOutcomes(s.compiled.baseline, s.compiled.shock, s.point));
  }
}
BENCHMARK(BM_OneDrawOutcomes)->Unit(benchmark::kMillisecond);

void BM_PointSolveCold(benchmark::State& state) {
  const Setup& s = Default();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ricardo::Solve(s.compiled.baseline, s.compiled.shock));
  }
}
BENCHMARK(BM_PointSolveCold)->Unit(benchmark::kMillisecond);

}  // namespace
