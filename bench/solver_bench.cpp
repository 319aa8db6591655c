// Speed of the engine on the Caliendo–Parro NAFTA counterfactual (31 countries × 40 sectors,
// base year already built) and of the whole `ricardo replicate cp2015` command.
//
// Expected result, checked on every iteration: converged, independent check below 1e-8 (1e-6
// for the authors' algorithm, whose inner tolerance is 1e-7), and Mexico's linearised welfare
// 1.3121% (the authors' code). A faster solver that returns a different equilibrium fails.
// Run on one core:  taskset -c 0 build/bench/solver_bench --benchmark_repetitions=10
#include <cmath>
#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "ricardo/cp2015.hpp"
#include "ricardo/outcomes.hpp"
#include "ricardo/replication.hpp"
#include "ricardo/solver.hpp"

namespace {

struct Nafta {
  ricardo::cp2015::RawData raw;
  ricardo::Baseline base_year;
  ricardo::Shock shock;
};

const Nafta& Instance() {
  static const Nafta nafta = [] {
    Nafta n;
    n.raw = ricardo::cp2015::ReadRaw(ricardo::cp2015::ShippedDataDirectory());
    n.base_year = ricardo::cp2015::BuildBaseYear(n.raw).without_deficits;
    n.shock =
        ricardo::cp2015::MakeShock(n.base_year, n.raw, ricardo::cp2015::TariffExperiment::kNafta);
    return n;
  }();
  return nafta;
}

bool ExpectedEquilibrium(const ricardo::Solution& s, double check_tolerance) {
  if (!s.summary.IsConverged() || !s.summary.check.Pass(check_tolerance)) return false;
  const auto& nafta = Instance();
  const auto outcomes = ricardo::ComputeOutcomes(nafta.base_year, nafta.shock, s.equilibrium);
  const auto mex = *nafta.base_year.FindRegion("MEX");
  return std::abs(100.0 * outcomes.countries[mex].welfare_linear - 1.3121) < 5e-5;
}

void Counterfactual(benchmark::State& state, ricardo::Algorithm algorithm) {
  const Nafta& nafta = Instance();
  ricardo::SolverOptions options;
  options.algorithm = algorithm;
  const double check = algorithm == ricardo::Algorithm::kReference ? 1e-6 : 1e-8;
  options.check_tolerance = check;
  ricardo::Solution last;
  for (auto _ : state) {
    last = ricardo::Solve(nafta.base_year, nafta.shock, options);
    benchmark::DoNotOptimize(last.equilibrium.wage_ratio.data());
  }
  if (!ExpectedEquilibrium(last, check)) {
    state.SkipWithError("the solve did not reach the expected equilibrium");
    return;
  }
  state.counters["outer_iterations"] = last.summary.outer_iterations;
  state.counters["inner_price_iterations"] = last.summary.price_iterations;
  state.counters["inner_expenditure_iterations"] = last.summary.expenditure_iterations;
  state.counters["max_check_residual"] = last.summary.check.Max();
}

void BM_NaftaCounterfactualAccelerated(benchmark::State& state) {
  Counterfactual(state, ricardo::Algorithm::kAccelerated);
}
void BM_NaftaCounterfactualReference(benchmark::State& state) {
  Counterfactual(state, ricardo::Algorithm::kReference);
}

// The base-year construction alone (raw files → two calibrations).
void BM_Cp2015BaseYear(benchmark::State& state) {
  const Nafta& nafta = Instance();
  for (auto _ : state) {
    auto base = ricardo::cp2015::BuildBaseYear(nafta.raw);
    benchmark::DoNotOptimize(base.without_deficits.trade_flows.data());
  }
}

// The whole command, as a user runs it (process start, reading files, base year, solve, tables).
void BM_ReplicateCommand(benchmark::State& state) {
  const std::string command = std::string(RICARDO_CLI_PATH) + " replicate cp2015 > /dev/null";
  for (auto _ : state) {
    if (std::system(command.c_str()) != 0) {
      state.SkipWithError("ricardo replicate cp2015 failed");
      return;
    }
  }
}

}  // namespace

BENCHMARK(BM_NaftaCounterfactualAccelerated)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_NaftaCounterfactualReference)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Cp2015BaseYear)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ReplicateCommand)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
