// Sensitivity to the trade elasticities θ_j: the same shock solved with several sets of
// elasticities (scaled, or read from a file), in parallel, and the range of every outcome.
//
//   auto variants = ScaledElasticities(baseline, ParseThetaScales("0.5,1,2"));
//   SensitivityResult s = RunSensitivity(baseline, shock, metadata, variants, {});
//   std::cout << FormatSensitivityTable(s);
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/compare.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {

inline constexpr int kSensitivitySchemaVersion = 1;

// Most variants one sensitivity run may have (--theta-scale factors, --elasticities variants):
// each is a full solve, and their θ are held while the sweep runs. LimitError beyond.
inline constexpr std::size_t kSensitivityVariantsMax = 100'000;
// Most variants shown side by side: the tables with a column per variant, SensitivityResult
// (which holds every run) and the HTML report with its charts. Longer sweeps stream their rows
// (StreamSensitivity, SensitivitySweepWriter) and write no HTML report.
inline constexpr std::size_t kSensitivityReportVariantsMax = 50;

// One set of trade elasticities, θ_j per sector of the baseline (same order).
struct ElasticityVariant {
  std::string label;          // "theta x0.5", or the variant name from a file
  std::vector<double> theta;  // > 0, one per sector
};

// Parses "0.5,1,2": positive finite factors, no duplicates. ArgumentError naming the bad item;
// LimitError for more than kSensitivityVariantsMax factors.
std::vector<double> ParseThetaScales(const std::string& text);

// The baseline's θ multiplied by each factor; labels "theta x0.5".
std::vector<ElasticityVariant> ScaledElasticities(const Baseline& baseline,
                                                  const std::vector<double>& scales);

// Reads a CSV file with the header `variant,sector,theta`: one row per (variant, sector);
// sectors a variant does not list keep the baseline's θ. Variants appear in file order.
// DataError with file, line and column for a malformed row, an unknown sector (with the
// closest known code), a θ that is not a positive number, or a sector listed twice in a variant;
// LimitError for more than kSensitivityVariantsMax variants.
std::vector<ElasticityVariant> ReadElasticityVariants(const std::filesystem::path& file,
                                                      const Baseline& baseline);

struct SensitivityOptions {
  SolverOptions solver;  // `threads` inside is ignored: each solve runs on one thread
  int threads = 0;       // solves at once; 0 = the available cores
};

// One outcome across the variants.
struct OutcomeRange {
  std::string region;              // region code
  std::string indicator;           // "welfare", "real_wage", "exports", "imports", "tariff_revenue"
  std::vector<double> values_pct;  // % change, one per variant (NaN if undefined)
  double min_pct = 0.0, max_pct = 0.0;
};

struct SensitivityResult {
  std::vector<ElasticityVariant> variants;
  Comparison runs;                   // one run per variant, labelled like the variants
  std::vector<OutcomeRange> ranges;  // every region × indicator, in region order
};

// One solved variant, handed over by StreamSensitivity.
using SensitivitySink = std::function<void(std::size_t index, const ElasticityVariant& variant,
                                           const RunResult& result)>;

// Solves the shock once per variant (the baseline with θ replaced), in parallel, and hands each
// result to `sink` in variant order, one call at a time; the result is freed after the call.
// A variant's baseline is built only when a solver takes it and finished results wait for at
// most a few earlier ones, so memory stays that of a few solves however many variants there
// are. ArgumentError for no variant or a variant whose θ does not match the baseline's
// sectors; an exception from `sink` or a solve stops the sweep and is rethrown.
void StreamSensitivity(const Baseline& baseline, const Shock& shock, const RunMetadata& metadata,
                       const std::vector<ElasticityVariant>& variants, const SensitivitySink& sink,
                       const SensitivityOptions& options = {});

// StreamSensitivity collecting every run and the ranges. Holds every run in memory: LimitError
// for more than kSensitivityReportVariantsMax variants (stream longer sweeps).
SensitivityResult RunSensitivity(const Baseline& baseline, const Shock& shock,
                                 const RunMetadata& metadata,
                                 const std::vector<ElasticityVariant>& variants,
                                 const SensitivityOptions& options = {});

// One block per indicator: regions × variants, then "min … max".
std::string FormatSensitivityTable(const SensitivityResult& result,
                                   const TableOptions& options = {});

// {"schema": "ricardo.sensitivity", "schema_version": 1, "variants": [{label, theta}],
//  "ranges": [{region, indicator, values_pct, min_pct, max_pct}], "runs": [run-result ...]}
nlohmann::json SensitivityToJson(const SensitivityResult& result,
                                 const RunJsonOptions& options = {});

// sensitivity.csv (long: scenario, variant, region, indicator, change_pct), sensitivity.json,
// the per-run CSV files, and report.html with the range charts.
ReportFiles WriteSensitivityReport(const SensitivityResult& result,
                                   const std::filesystem::path& directory,
                                   const ReportOptions& options = {});

// Writes a long sweep as it is solved: on `table` (may be null) one row per variant and region
// in the text or Markdown table format, or the sweep JSON document; into `directory` (may be
// empty) sensitivity.csv and sensitivity.json, staged and put in place by Finish(). Only the
// ranges (min and max of each region × indicator) are held.
//
// The sweep JSON document: {"schema": "ricardo.sensitivity-sweep", "schema_version": 1,
//  "variants": [{label, theta, converged, solver, values_pct: {indicator: {region: pct}}}],
//  "ranges": [{region, indicator, min_pct, max_pct}], "non_converged": count}.
struct SweepOutput {
  std::FILE* stream = nullptr;  // stdout, or null for nothing
  bool stream_json = false;     // the sweep JSON document instead of table rows
  TableFormat table_format = TableFormat::kText;
  std::filesystem::path directory;  // --out DIR, or empty
};
class SensitivitySweepWriter {
 public:
  SensitivitySweepWriter(const Baseline& baseline, std::size_t variant_count, SweepOutput output);
  ~SensitivitySweepWriter();
  void Add(std::size_t index, const ElasticityVariant& variant, const RunResult& result);
  // Closes the documents (the ranges go last) and puts the output folder in place.
  void Finish();
  // Labels of the variants that did not converge, in order.
  const std::vector<std::string>& non_converged() const;
  // The files written (after Finish), under their final names.
  std::vector<std::filesystem::path> files() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ricardo
