// Several counterfactuals side by side: solving them (in parallel), the terminal table with
// differences against the first, the comparison JSON, and one report for all of them.
//
// Typical use (`ricardo compare A.toml B.toml`): compile each scenario, then
//   Comparison c = CompareRuns({{"A", baseline_a, shock_a, meta_a}, {"B", ...}}, {}, 0);
//   std::cout << FormatComparisonTable(c);
//   WriteComparisonReport(c, "out/");
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {

inline constexpr int kComparisonSchemaVersion = 1;

// One counterfactual to solve.
struct RunRequest {
  std::string label;  // short name shown in columns and the CSV `scenario` column
  Baseline baseline;
  Shock shock;
  RunMetadata metadata;
};

struct ComparedRun {
  std::string label;
  RunResult result;
};

struct Comparison {
  std::vector<ComparedRun> runs;  // in request order; differences are taken against runs[0]
  double seconds_total = 0.0;     // wall-clock time for all solves
};

// Solves every request with `solver`, up to `threads` at once (0 = the available cores), each
// solve on one thread. Results come back in request order whatever the thread count.
// Throws ArgumentError for no request, duplicate labels, or invalid solver options.
std::vector<ComparedRun> RunCounterfactuals(std::vector<RunRequest> requests,
                                            const SolverOptions& solver, int threads);

// RunCounterfactuals, timed. Also checks that all requests share one set of regions (the
// columns of a comparison); ArgumentError naming the first that differs otherwise.
Comparison CompareRuns(std::vector<RunRequest> requests, const SolverOptions& solver = {},
                       int threads = 0);

// Per country: welfare, real wage, exports, imports (% change), tariff revenue after and the
// effective tariff after, one column per run and one "X − A" column per other run; then the
// change in bilateral trade among the focus regions the same way; a solver line per run.
std::string FormatComparisonTable(const Comparison& comparison, const TableOptions& options = {});

// {"schema": "ricardo.comparison", "schema_version": 1, "labels": [...],
//  "differences": {label: {region: {indicator_pp: …}}}, "runs": [run-result documents]}
// (docs/run-result-schema.md).
nlohmann::json ComparisonToJson(const Comparison& comparison, const RunJsonOptions& options = {});

// CSV files with every run (the `scenario` column holds the label), comparison.json, and one
// report.html with charts by country and scenario; all or nothing, as WriteRunReport.
ReportFiles WriteComparisonReport(const Comparison& comparison,
                                  const std::filesystem::path& directory,
                                  const ReportOptions& options = {});

}  // namespace ricardo
