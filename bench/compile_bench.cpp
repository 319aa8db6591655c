// Speed of compiling scenarios of many overlapping measures (issue 11): N all-goods IEEPA
// measures on US imports from Canada, every one stacking with every other, on the world
// baseline for 2025-11-01, as `ricardo run` compiles them (no product trace):
//
//  * BM_CompileOverlapping/N/0 — each measure's stacks_with names every earlier measure by id
//    (N (N − 1) / 2 entries, one pair rule each);
//  * BM_CompileOverlapping/N/1 — each measure has stacks_with = ["@ieepa"] (N entries, which
//    resolve to N (N − 1) pair rules);
//  * BM_ParseOverlapping/N/v — reading the same TOML text (the id lists make it 4 MB at
//    N = 1,000), for comparison.
//
// N = 250 and 1,000; kMaxScenarioMeasures (2,000) is the limit. Measure k's rate is
// 0.5 (k + 1) / (N (N + 1) / 2), so the rates add up to 0.5 and, everything stacking on full
// value (usmca = "none"), the pair's all-goods additional rate must be 0.5: checked after the
// timed loop. Report the
// medians of the repetitions:
//   taskset -c 0 build/bench/compile_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only
#include <cmath>
#include <string>

#include "benchmark/benchmark.h"
#include "fmt/format.h"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"

namespace {

std::string Overlapping(int n, bool selector) {
  const double total = n * (n + 1) / 2.0;
  std::string text =
      fmt::format("name = \"overlapping-{}\"\nbaseline = \"world\"\ndate = 2025-11-01\n\n", n);
  std::string earlier;
  for (int k = 0; k < n; ++k) {
    text += fmt::format(
        "[[measures]]\nid = \"m{}\"\nauthority = \"ieepa\"\nimporter = \"USA\"\norigins = "
        "[\"CAN\"]\n"
        "scope = {{ all_goods = true }}\nrate = {:.17g}\nfrom = 2025-01-01\nstacks_with = [{}]\n\n",
        k, 0.5 * (k + 1) / total, selector ? std::string("\"@ieepa\"") : earlier);
    earlier += fmt::format("{}\"m{}\"", k ? ", " : "", k);
  }
  return text;
}

const ricardo::Baseline& World() {
  static const ricardo::Baseline world = ricardo::LoadBaseline("world");
  return world;
}

void BM_CompileOverlapping(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const ricardo::Scenario scenario =
      ricardo::ParseScenario(Overlapping(n, state.range(1) == 1), "overlapping.toml");
  ricardo::CompileOptions options;
  options.product_trace = false;
  double all_goods_rate = 0.0;
  for (auto _ : state) {
    const ricardo::CompiledScenario compiled = ricardo::CompileScenario(scenario, World(), options);
    benchmark::DoNotOptimize(compiled.rates.data());
    // Read outside the timed part: the stacked all-goods rate of the one pair (USA <- CAN).
    state.PauseTiming();
    all_goods_rate = compiled.trace.pairs.at(0).all_goods_rate;
    state.ResumeTiming();
  }
  if (std::abs(all_goods_rate - 0.5) > 1e-9) {
    const std::string error =
        fmt::format("the stacked rate is {}, not the sum of the rates, 0.5", all_goods_rate);
    state.SkipWithError(error.c_str());
  }
  state.counters["all_goods_rate"] = all_goods_rate;
}
BENCHMARK(BM_CompileOverlapping)
    ->Args({250, 0})
    ->Args({1000, 0})
    ->Args({250, 1})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ParseOverlapping(benchmark::State& state) {
  const std::string text = Overlapping(static_cast<int>(state.range(0)), state.range(1) == 1);
  std::size_t measures = 0;
  for (auto _ : state) {
    measures = ricardo::ParseScenario(text, "overlapping.toml").measures.size();
    benchmark::DoNotOptimize(measures);
  }
  if (measures != static_cast<std::size_t>(state.range(0)))
    state.SkipWithError("wrong number of measures");
}
BENCHMARK(BM_ParseOverlapping)
    ->Args({250, 0})
    ->Args({1000, 0})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
