// The server's per-request path for a new /solve (issue 6 load test), stage by stage, on the
// load test's request: us-tariffs-2025-11 on world, two edited rates, no bilateral
// sector table. Each iteration uses rates no earlier iteration used, as the varied load does.
//
// Stages: the cache key (a JSON parse and dump), reading the request (scenario copy and edits),
// the full compile and the evaluation of the kept tariff form at the edited rates (what the
// server does for rate-only edits), the solve (from no change, as `ricardo run` does), the
// answer's JSON (library tree and the server's direct text), and the whole SolveAnswer. Every
// iteration checks the answer is a converged 200.
// Run on one core:  taskset -c 0 build/bench/server_bench --benchmark_repetitions=5
#include <map>
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "fmt/format.h"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "server/catalog.hpp"
#include "server/scenario_pipeline.hpp"
#include "server/solve_request.hpp"

namespace {

using ricardo::server::BodyFormat;
using ricardo::server::Catalog;
using ricardo::server::Endpoint;

Catalog& SharedCatalog() {
  static Catalog catalog({}, ricardo::ShippedScenarioDirectory());
  return catalog;
}

const std::multimap<std::string, std::string> kNoQuery;

// A body like the load test's (tools/loadtest/solve.lua, varied mode): steel 0.10-0.50 and
// Canada 0.20-0.40, the same ranges, but the k-th request's rates step by a prime (6317), so a
// short benchmark run covers the ranges as a 30 s load test does (iteration counts depend
// on how far the rates are from the scenario's). Rates are distinct for k < 400,000.
std::string Body(long k) {
  const long n = k * 6317;
  const double steel = 0.10 + static_cast<double>(n % 400000) * 1e-6;
  const double canada = 0.20 + static_cast<double>(n % 20000) * 1e-5;
  return fmt::format(
      R"({{"scenario":"us-tariffs-2025-11","baseline":"world","bilateral_sector":false,)"
      R"("rates":{{"s232-steel":{:.6f},"ieepa-canada":{:.5f}}}}})",
      steel, canada);
}

// As the server reads it: a rate-only request (no scenario copy; rates and the named scenario).
ricardo::server::SolveRequest Read(long k) {
  return ricardo::server::ReadSolveRequest(Body(k), BodyFormat::kJson, kNoQuery, Endpoint::kSolve,
                                           SharedCatalog());
}

// The same request with the scenario's own date given, which takes the full compile: the
// edited scenario is in request.scenario.
ricardo::server::SolveRequest ReadForFullCompile(long k) {
  std::string body = Body(k);
  body.insert(1, R"("date":"2025-11-01",)");
  return ricardo::server::ReadSolveRequest(body, BodyFormat::kJson, kNoQuery, Endpoint::kSolve,
                                           SharedCatalog());
}

ricardo::CompileOptions NoTrace(const ricardo::server::SolveRequest& r) {
  ricardo::CompileOptions options;
  options.date = r.date;
  options.usmca_share_override = r.usmca_share;
  options.product_trace = false;
  return options;
}

// Each benchmark starts the sequence again, so its requests do not depend on which
// benchmarks ran before it.
long next_k = 1;

void BM_CacheKey(benchmark::State& state) {
  next_k = 1;
  for (auto _ : state) {
    auto key = ricardo::server::SolveCacheKey(Body(next_k++), BodyFormat::kJson, kNoQuery,
                                              SharedCatalog());
    benchmark::DoNotOptimize(key.data());
  }
}

void BM_ReadRequest(benchmark::State& state) {
  next_k = 1;
  Read(0);
  for (auto _ : state) {
    auto request = Read(next_k++);
    benchmark::DoNotOptimize(request.scenario.measures.data());
  }
}

// The copy of the named scenario a request with other edits makes (rate-only reads skip it).
void BM_ScenarioCopy(benchmark::State& state) {
  next_k = 1;
  const auto named = SharedCatalog().GetScenario("us-tariffs-2025-11");
  for (auto _ : state) {
    ricardo::Scenario copy = *named;
    benchmark::DoNotOptimize(copy.measures.data());
  }
}

void BM_Compile(benchmark::State& state) {
  next_k = 1;
  Read(0);
  for (auto _ : state) {
    state.PauseTiming();
    const auto request = ReadForFullCompile(next_k++);
    state.ResumeTiming();
    auto compiled = ricardo::CompileScenario(request.scenario, *request.baseline, NoTrace(request));
    benchmark::DoNotOptimize(&compiled);
  }
}

// A rate edit evaluated on the kept compile of the named scenario (what the server does for
// rate-only edits such as these): a copy of the compiled scenario and its form evaluated.
void BM_FormEvaluate(benchmark::State& state) {
  next_k = 1;
  const auto first = Read(0);
  const auto kept = SharedCatalog().GetCompiled(first.named, first.baseline);
  for (auto _ : state) {
    state.PauseTiming();
    const auto request = Read(next_k++);
    state.ResumeTiming();
    ricardo::CompiledScenario compiled = *kept;
    compiled.SetRates(request.rates);
    benchmark::DoNotOptimize(&compiled);
  }
  state.counters["terms"] = static_cast<double>(kept->tariffs.terms().size());
}

// The timed part of the solve benchmarks: the run (solve and outcomes), checked to converge,
// with the solver's mean iteration counts as counters.
void TimedRun(benchmark::State& state, const ricardo::CompiledScenario& compiled,
              const ricardo::SolverOptions& options) {
  const auto result = ricardo::RunCompiled(compiled, options);
  if (!result.solution.summary.IsConverged()) state.SkipWithError("not converged");
  benchmark::DoNotOptimize(&result);
  const ricardo::SolverSummary& summary = result.solution.summary;
  for (const auto& [name, count] :
       {std::pair{"outer_iterations", summary.outer_iterations},
        std::pair{"price_iterations", summary.price_iterations},
        std::pair{"expenditure_iterations", summary.expenditure_iterations}}) {
    benchmark::Counter& counter = state.counters[name];  // mean over the iterations
    counter.value += count;
    counter.flags = benchmark::Counter::kAvgIterations;
  }
}

void BM_Solve(benchmark::State& state) {
  next_k = 1;
  for (auto _ : state) {
    state.PauseTiming();
    const auto request = ReadForFullCompile(next_k++);
    const auto compiled =
        ricardo::CompileScenario(request.scenario, *request.baseline, NoTrace(request));
    state.ResumeTiming();
    TimedRun(state, compiled, {});
  }
}

ricardo::RunResult OneResult() {
  const auto request = ReadForFullCompile(next_k++);
  const auto compiled =
      ricardo::CompileScenario(request.scenario, *request.baseline, NoTrace(request));
  return ricardo::RunCompiled(compiled);
}

// The answer as the library builds it (nlohmann tree, then dump) ...
void BM_AnswerJson(benchmark::State& state) {
  next_k = 1;
  const auto result = OneResult();
  ricardo::RunJsonOptions options;
  options.include_bilateral_sector = false;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = ricardo::RunResultToJson(result, options).dump();
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["answer_bytes"] = static_cast<double>(bytes);
}

// ... and as the server writes it (the same bytes).
void BM_AnswerText(benchmark::State& state) {
  next_k = 1;
  const auto result = OneResult();
  ricardo::RunJsonOptions options;
  options.include_bilateral_sector = false;
  for (auto _ : state) {
    const std::string text = ricardo::RunResultToJsonText(result, options);
    benchmark::DoNotOptimize(text.data());
  }
}

void BM_SolveAnswer(benchmark::State& state) {
  next_k = 1;
  Read(0);
  for (auto _ : state) {
    const auto answer = ricardo::server::SolveAnswer(Read(next_k++), {}, SharedCatalog());
    if (answer.status != 200) state.SkipWithError("not a 200 answer");
    benchmark::DoNotOptimize(answer.body.data());
  }
}

BENCHMARK(BM_CacheKey)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadRequest)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScenarioCopy)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Compile)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FormEvaluate)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Solve)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnswerJson)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnswerText)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SolveAnswer)->Unit(benchmark::kMicrosecond);

}  // namespace
