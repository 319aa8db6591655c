// One counterfactual run from a baseline and a shock to outcomes, and its JSON form.
//
// The JSON document (schema "ricardo.run-result", version kRunResultSchemaVersion) is what
// `ricardo run --format json` prints and what the HTTP API returns; docs/run-result-schema.md
// documents every field. Fields are only ever added within a version.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/elasticity_flags.hpp"
#include "ricardo/outcomes.hpp"
#include "ricardo/run_stamp.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

inline constexpr int kRunResultSchemaVersion = 1;

// One measure of the scenario as the report and run.json (`scenario.measures`) show it: the law
// as written, not the compiled numbers (those are in the trace: `ricardo scenario explain`).
struct MeasureSummary {
  std::string id;
  std::string title;
  std::string authority;             // ToString(Authority): "section_232", "ieepa", …
  std::string legal_basis;           // the instrument, e.g. "Proclamation 10947"
  std::string importer;              // ISO3
  std::vector<std::string> origins;  // ISO3 codes or groups (USMCA, ROW, ALL)
  std::string rate;       // as written: "25%", "15% all-in floor", "baseline tariff on ROW"
  std::string scope;      // what it covers, shortened: "all goods", "HS 7208, 7210 (+12 more)"
  std::string from;       // first day in force, ISO date; "" when open
  std::string to;         // last day in force; "" when open
  bool in_force = false;  // on the scenario's compile date (and enabled)
  std::vector<std::string> sources;
};

struct RunMetadata {
  std::string scenario_name;   // identifier, e.g. "us-tariffs-2025-11"
  std::string scenario_title;  // one line for people
  std::string scenario_description;
  std::string scenario_date;         // ISO date the measures were compiled for ("" if none)
  std::vector<std::string> sources;  // where the measures come from
  std::vector<std::string> notes;    // choices and warnings from compiling the scenario
  // What a reader must not miss although the run worked: no measure in force on the date, a
  // shock that changes nothing (CompileTrace::warnings; each is also in `notes`).
  std::vector<std::string> warnings;
  std::vector<MeasureSummary> measures;  // every measure of the scenario, in scenario order
  // Program, input hashes, data months, command and time (ricardo/run_stamp.hpp). The compile
  // fills data_months; the CLI and the server fill the rest. Empty for hand-made runs.
  RunStamp stamp;
};

struct DrawResult;  // ricardo/uncertainty.hpp

struct RunResult {
  RunMetadata metadata;
  Baseline baseline;
  Shock shock;
  Solution solution;
  Outcomes outcomes;
  // Sectors whose θ is above the threshold, with their largest changes under the run's θ and
  // re-solved under a lower published θ (ricardo/elasticity_flags.hpp). Empty when none is.
  std::vector<ElasticityFlag> elasticity_flags;
  // Percentile bands from `ricardo run --draws` (ricardo/uncertainty.hpp); null without draws.
  std::shared_ptr<const DrawResult> uncertainty;
};

struct RunOptions {
  SolverOptions solver;  // the main solve's, and each flagged sector's second solve's
  ElasticityFlagOptions elasticity_flags;  // which sectors are flagged, re-solved with which θ
};

// Solves, computes outcomes and flags the sectors with a high trade elasticity (one more solve
// per flagged sector). Non-convergence is reported in result.solution.summary.
RunResult RunCounterfactual(Baseline baseline, Shock shock, const RunOptions& options,
                            RunMetadata metadata);
// The same with the default flag options.
RunResult RunCounterfactual(Baseline baseline, Shock shock, const SolverOptions& options,
                            RunMetadata metadata);

struct RunJsonOptions {
  // Include the (importer, exporter, sector) table of flows and tariffs (large for big baselines).
  bool include_bilateral_sector = true;
  // The table is left out, and scenario.notes says so, when the baseline has more possible rows
  // (regions × partners × sectors) than this: a 100-region × 100-sector baseline has 990,000,
  // which would make run.json hundreds of MB. The CSV files keep every row.
  std::size_t bilateral_sector_max_rows = 100'000;
};

// The run-result document (docs/run-result-schema.md) as compact JSON text: the same bytes as
// RunResultToJson(result, options).dump().
std::string RunResultToJsonText(const RunResult& result, const RunJsonOptions& options = {});
// The same document as a tree (parsed from RunResultToJsonText).
nlohmann::json RunResultToJson(const RunResult& result, const RunJsonOptions& options = {});

}  // namespace ricardo
