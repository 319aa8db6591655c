// Sensitivity to the trade elasticities θ_j: the same shock solved with several sets of
// elasticities (scaled, or read from a file), in parallel, and the range of every outcome.
//
//   auto variants = ScaledElasticities(baseline, ParseThetaScales("0.5,1,2"));
//   SensitivityResult s = RunSensitivity(baseline, shock, metadata, variants, {});
//   std::cout << FormatSensitivityTable(s);
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/compare.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {

inline constexpr int kSensitivitySchemaVersion = 1;

// One set of trade elasticities, θ_j per sector of the baseline (same order).
struct ElasticityVariant {
  std::string label;          // "theta x0.5", or the variant name from a file
  std::vector<double> theta;  // > 0, one per sector
};

// Parses "0.5,1,2": positive finite factors, no duplicates. ArgumentError naming the bad item.
std::vector<double> ParseThetaScales(const std::string& text);

// The baseline's θ multiplied by each factor; labels "theta x0.5".
std::vector<ElasticityVariant> ScaledElasticities(const Baseline& baseline,
                                                  const std::vector<double>& scales);

// Reads a CSV file with the header `variant,sector,theta`: one row per (variant, sector);
// sectors a variant does not list keep the baseline's θ. Variants appear in file order.
// DataError with file, line and column for a malformed row, an unknown sector (with the
// closest known code), a θ that is not a positive number, or a sector listed twice in a variant.
std::vector<ElasticityVariant> ReadElasticityVariants(const std::filesystem::path& file,
                                                      const Baseline& baseline);

struct SensitivityOptions {
  SolverOptions solver;  // `threads` inside is ignored: each solve runs on one thread
  int threads = 0;       // solves at once; 0 = the available cores
};

// One outcome across the variants.
struct OutcomeRange {
  std::string region;     // region code
  std::string indicator;  // "welfare", "real_wage", "exports", "imports", "tariff_revenue"
  std::vector<double> values_pct;  // % change, one per variant (NaN if undefined)
  double min_pct = 0.0, max_pct = 0.0;
};

struct SensitivityResult {
  std::vector<ElasticityVariant> variants;
  Comparison runs;                    // one run per variant, labelled like the variants
  std::vector<OutcomeRange> ranges;   // every region × indicator, in region order
};

// Solves the shock once per variant (the baseline with θ replaced) and collects the ranges.
// ArgumentError for no variant or a variant whose θ does not match the baseline's sectors.
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

}  // namespace ricardo
