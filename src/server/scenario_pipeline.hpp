// The computing behind /solve, /draws and /explain: compile the edited scenario against the
// baseline, solve, and render the run-result document (the same as `ricardo run --format json`).
#pragma once

#include "nlohmann/json.hpp"
#include "server/catalog.hpp"
#include "server/result_cache.hpp"
#include "server/solve_request.hpp"

namespace ricardo::server {

struct PipelineOptions {
  // SolverOptions::max_time_in_seconds, and CompileOptions::max_time_in_seconds of the compile
  // before it: a request's compile and its solve each stop after this long (422 limit exceeded).
  double solve_time_limit_seconds = 20.0;
};

// 200 with RunResultToJson when the solver converged; 422 with an error body carrying the
// solver's message and the document under "result" when it did not (such answers are not
// cached: a time limit may not be hit next time). A request that edits only the rates of a
// named scenario is evaluated on the catalog's compile of that scenario (the same tariffs as
// compiling the edited file); every solve starts from no change, as `ricardo run` does, so the
// answer is the run of the edited file bit for bit.
Answer SolveAnswer(const SolveRequest& request, const PipelineOptions& options, Catalog& catalog);

// /draws: the answer of SolveAnswer with the Monte Carlo bands of `request.draws` draws of θ and
// the USMCA utilisation (RunResult::uncertainty; ricardo/uncertainty.hpp), solved one after the
// other on the calling thread, each warm-started from the point solution: the document of
// `ricardo run --draws N --seed S --format json` of the edited file. The draws stop at the solve
// time limit (LimitError, 422, located at "draws"); ArgumentError (400) when there is nothing
// to draw. Draws that did not converge are counted and left out of the bands, and such answers
// are not cached.
Answer DrawsAnswer(const SolveRequest& request, const PipelineOptions& options, Catalog& catalog);

// ExplainJson of the compiled scenario (with the product trace, at most
// ExplainOptions::max_trace_lines of it); the compile stops at the solve time limit.
nlohmann::json ExplainAnswer(const SolveRequest& request, const PipelineOptions& options);

}  // namespace ricardo::server
