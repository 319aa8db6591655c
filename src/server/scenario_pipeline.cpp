#include "server/scenario_pipeline.hpp"

#include <chrono>
#include <memory>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/uncertainty.hpp"
#include "server/http_error.hpp"
#include "server/request_body.hpp"

namespace ricardo::server {
namespace {

CompileOptions CompileOptionsFor(const SolveRequest& request, bool product_trace,
                                 const PipelineOptions& pipeline) {
  CompileOptions options;
  // A compile runs on a solve worker like the solve, so it counts against the same limit: a
  // scenario of many overlapping measures cannot hold a worker longer than a solve may.
  options.max_time_in_seconds = pipeline.solve_time_limit_seconds;
  options.date = request.date;
  options.usmca_share_override = request.usmca_share;
  options.product_trace = product_trace;
  return options;
}

// The compiled scenario a request asks for: a rate edit of a named scenario is its kept compile
// evaluated at the edited rates; anything else is compiled in full (product lines are only
// needed to explain, and leaving them out keeps repeated solves fast).
CompiledScenario CompiledFor(const SolveRequest& request, const PipelineOptions& options,
                             Catalog& catalog) {
  if (request.rates_only) {
    CompiledScenario compiled = *catalog.GetCompiled(request.named, request.baseline);
    if (request.rates != compiled.rates) compiled.SetRates(request.rates);
    return compiled;
  }
  return CompileScenario(request.scenario, *request.baseline,
                         CompileOptionsFor(request, false, options));
}

// The stamp of an API answer (ricardo/run_stamp.hpp): the request's method and path stand for
// the command line, and the scenario's hash is of the canonical TOML text of the scenario as
// compiled, edits applied (a rate edit of a named scenario is serialised with its new rates).
void StampAnswer(const SolveRequest& request, Catalog& catalog, const char* command_line,
                 RunStamp* stamp) {
  std::vector<std::string> months = std::move(stamp->data_months);
  *stamp = NewRunStamp();
  stamp->data_months = std::move(months);
  stamp->command_line = command_line;
  stamp->baseline_sha256 = catalog.BaselineSha256(request.baseline_name);
  if (request.rates_only && request.named) {
    // The named scenario's text with the edited rates spliced in: ScenarioToToml of the edited
    // scenario, byte for byte (tests/tariffs/scenario_rate_text_test.cpp), at a fraction of its
    // cost.
    stamp->scenario_sha256 = Sha256Hex(detail::ScenarioTomlWithRates(
        *catalog.GetRateTemplate(request.named), *request.named, request.rates));
  } else {
    stamp->scenario_sha256 = Sha256Hex(ScenarioToToml(request.scenario));
  }
}

// The answer to a solve that did not converge: 422 with the result attached.
Answer NotConverged(const RunResult& result, const RunJsonOptions& json_options) {
  nlohmann::json body = ErrorBody(
      422, "not converged",
      fmt::format("the solver stopped without converging: {}", result.solution.summary.message),
      Location{}, "the result is included for inspection; do not use it as an answer");
  body["result"] = RunResultToJson(result, json_options);
  return Answer{422, body.dump(), false};
}

// The scenario a request compiles, edits applied: a rate-only request leaves
// SolveRequest::scenario empty and holds the rates apart.
Scenario EditedScenario(const SolveRequest& request) {
  if (!request.rates_only) return request.scenario;
  Scenario scenario = *request.named;
  for (std::size_t k = 0; k < scenario.measures.size(); ++k)
    scenario.measures[k].rate = request.rates[k];
  return scenario;
}

// RunDraws on one thread, stopping at the time limit: the draws of a request share a worker
// with no one, and a request that asks for more than the limit allows gets a located 422
// instead of holding the worker. Draw k is SolveDraw(k) whoever solves it, so the bands are
// those of `ricardo run --draws N --seed S` of the same file.
DrawResult DrawsWithin(const CompiledScenario& compiled, const Solution& point,
                       const UncertaintyInputs& inputs, const DrawSettings& settings,
                       double time_limit_seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(time_limit_seconds));
  const auto start = std::make_shared<const Equilibrium>(point.equilibrium);
  std::vector<DrawOutcomes> draws(static_cast<std::size_t>(settings.draws));
  for (std::size_t k = 0; k < draws.size(); ++k) {
    if (Clock::now() > deadline) {
      throw LimitError(Location{kRequestBody, 0, 0, "draws"},
                       fmt::format("the draws stopped at the time limit of {} s after {} of {}",
                                   time_limit_seconds, k, draws.size()),
                       "ask for fewer draws, or run `ricardo run --draws N` for a study that size");
    }
    draws[k] = SolveDraw(compiled.baseline, compiled.shock, start, inputs, settings, k);
  }
  return SummariseDraws(compiled.baseline, settings, inputs, std::move(draws));
}

}  // namespace

Answer SolveAnswer(const SolveRequest& request, const PipelineOptions& options, Catalog& catalog) {
  RunOptions run;
  run.solver.max_time_in_seconds = options.solve_time_limit_seconds;
  run.elasticity_flags.enabled = request.elasticity_flags;
  RunResult result = RunCompiled(CompiledFor(request, options, catalog), run);
  StampAnswer(request, catalog, "POST /api/v1/solve", &result.metadata.stamp);
  RunJsonOptions json_options;
  json_options.include_bilateral_sector = request.bilateral_sector;
  if (result.solution.summary.IsConverged())
    return Answer{200, RunResultToJsonText(result, json_options), true};
  return NotConverged(result, json_options);
}

Answer DrawsAnswer(const SolveRequest& request, const PipelineOptions& options, Catalog& catalog) {
  const CompiledScenario compiled = CompiledFor(request, options, catalog);
  RunOptions run;
  run.solver.max_time_in_seconds = options.solve_time_limit_seconds;
  run.elasticity_flags.enabled = request.elasticity_flags;
  RunResult result = RunCompiled(compiled, run);
  StampAnswer(request, catalog, "POST /api/v1/draws", &result.metadata.stamp);
  RunJsonOptions json_options;
  json_options.include_bilateral_sector = request.bilateral_sector;
  // Draws start from the point solution; without one there is nothing to draw around.
  if (!result.solution.summary.IsConverged()) return NotConverged(result, json_options);

  DrawSettings settings;
  settings.draws = request.draws.draws;
  settings.seed = request.draws.seed;
  settings.threads = 1;
  settings.solver.max_time_in_seconds = options.solve_time_limit_seconds;
  const UncertaintyInputs inputs = PrepareUncertainty(
      EditedScenario(request), compiled, CompileOptionsFor(request, false, options), settings);
  result.uncertainty = std::make_shared<const DrawResult>(
      DrawsWithin(compiled, result.solution, inputs, settings, options.solve_time_limit_seconds));
  // A draw that did not converge (its own time limit) might next time: such answers are not kept.
  const bool cacheable = result.uncertainty->non_converged == 0;
  return Answer{200, RunResultToJsonText(result, json_options), cacheable};
}

nlohmann::json ExplainAnswer(const SolveRequest& request, const PipelineOptions& options) {
  // Only the products the answer can show are traced: the trace of every product of every pair
  // is what an explanation of many overlapping measures spends its memory on.
  CompileOptions compile = CompileOptionsFor(request, true, options);
  compile.product_trace_origin = request.explain.origin;
  compile.product_trace_sector = request.explain.sector;
  const CompiledScenario compiled = CompileScenario(request.scenario, *request.baseline, compile);
  return ExplainJson(compiled, request.explain);
}

}  // namespace ricardo::server
