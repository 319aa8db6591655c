#include "server/scenario_pipeline.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "server/http_error.hpp"
#include "server/rate_basis.hpp"

namespace ricardo::server {
namespace {

CompileOptions CompileOptionsFor(const SolveRequest& request, bool product_trace) {
  CompileOptions options;
  options.date = request.date;
  options.usmca_share_override = request.usmca_share;
  options.product_trace = product_trace;
  return options;
}

// The equilibrium of the named scenario as it is, to start an edited one's solve from; null when
// the scenario as it is cannot be compiled or solved on the request's baseline (its edits may be
// what makes it fit: the edited scenario's own compile then decides).
std::shared_ptr<const Equilibrium> StartFor(const SolveRequest& request,
                                            const PipelineOptions& options) {
  try {
    return ConvergedEquilibrium(RateBasisFor(request.named, request.baseline)
                                    ->Unedited(*request.baseline, options.solve_time_limit_seconds));
  } catch (const Error&) {
    return nullptr;
  }
}

// The run a request asks for. An edit of a named scenario is solved from the scenario's own
// equilibrium (its unedited run on the request's baseline, solved once from no change and
// kept), which the edit usually moves only a little; the scenario with nothing edited is that
// run itself. Rate-only edits are compiled by replaying the scenario's recorded compile (the
// same tariffs); anything else is compiled in full. Inline and TOML scenarios are solved from
// no change.
std::shared_ptr<const RunResult> RunFor(const SolveRequest& request,
                                        const PipelineOptions& options) {
  SolverOptions solver;
  solver.max_time_in_seconds = options.solve_time_limit_seconds;
  CompiledScenario compiled;
  if (request.rates_only) {
    const auto basis = RateBasisFor(request.named, request.baseline);
    auto unedited = basis->Unedited(*request.baseline, options.solve_time_limit_seconds);
    if (request.rates == basis->rates()) return unedited;
    solver.start = ConvergedEquilibrium(unedited);
    compiled = basis->Compile(request.rates, *request.baseline);
  } else {
    // Product lines are only needed to explain; leaving them out keeps repeated solves fast.
    // Compiled first: an invalid edit is reported before any start is looked for.
    compiled =
        CompileScenario(request.scenario, *request.baseline, CompileOptionsFor(request, false));
    if (request.named) solver.start = StartFor(request, options);
  }
  return std::make_shared<const RunResult>(
      RunCounterfactual(ApplyScenarioSectors(*request.baseline, compiled), compiled.shock, solver,
                        compiled.metadata));
}

}  // namespace

Answer SolveAnswer(const SolveRequest& request, const PipelineOptions& options) {
  const std::shared_ptr<const RunResult> run = RunFor(request, options);
  const RunResult& result = *run;
  RunJsonOptions json_options;
  json_options.include_bilateral_sector = request.bilateral_sector;
  const SolverSummary& summary = result.solution.summary;
  if (summary.IsConverged()) return Answer{200, RunResultToJsonText(result, json_options), true};

  nlohmann::json body = ErrorBody(
      422, "not converged", fmt::format("the solver stopped without converging: {}", summary.message),
      Location{}, "the result is included for inspection; do not use it as an answer");
  body["result"] = RunResultToJson(result, json_options);
  return Answer{422, body.dump(), false};
}

nlohmann::json ExplainAnswer(const SolveRequest& request) {
  const CompiledScenario compiled =
      CompileScenario(request.scenario, *request.baseline, CompileOptionsFor(request, true));
  return ExplainJson(compiled, request.explain);
}

}  // namespace ricardo::server
