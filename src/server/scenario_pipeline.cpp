#include "server/scenario_pipeline.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "server/http_error.hpp"

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
void StampAnswer(const SolveRequest& request, Catalog& catalog, RunStamp* stamp) {
  std::vector<std::string> months = std::move(stamp->data_months);
  *stamp = NewRunStamp();
  stamp->data_months = std::move(months);
  stamp->command_line = "POST /api/v1/solve";
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

}  // namespace

Answer SolveAnswer(const SolveRequest& request, const PipelineOptions& options, Catalog& catalog) {
  RunOptions run;
  run.solver.max_time_in_seconds = options.solve_time_limit_seconds;
  run.elasticity_flags.enabled = request.elasticity_flags;
  RunResult result = RunCompiled(CompiledFor(request, options, catalog), run);
  StampAnswer(request, catalog, &result.metadata.stamp);
  RunJsonOptions json_options;
  json_options.include_bilateral_sector = request.bilateral_sector;
  const SolverSummary& summary = result.solution.summary;
  if (summary.IsConverged()) return Answer{200, RunResultToJsonText(result, json_options), true};

  nlohmann::json body =
      ErrorBody(422, "not converged",
                fmt::format("the solver stopped without converging: {}", summary.message),
                Location{}, "the result is included for inspection; do not use it as an answer");
  body["result"] = RunResultToJson(result, json_options);
  return Answer{422, body.dump(), false};
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
