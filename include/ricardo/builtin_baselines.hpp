// The built-in baselines "world" (USA, CAN, MEX, CHN, EU27, GBR, JPN, KOR, IND, TWN, BRA, ROW)
// and "north-america" (USA, CAN, MEX, ROW), each × the 35 WIOD industries, in 2024 US$ million,
// with the tariffs applied before the 2025 measures. Both are built reproducibly from public
// data by one method (docs/baseline-format.md, "The built-in baselines"): the WIOD 2011 table,
// Caliendo–Parro's θ and 2005 tariffs, rescaled to 2024 US goods trade by sector where 2024 data
// exist (US imports by GTAP sector and partner group, split over WIOD industries by the
// product-data concordance of gtap_concordance.hpp) and by pair total elsewhere.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/gtap_concordance.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

// Where a build reads its inputs; empty paths take the defaults.
struct BuiltinSources {
  std::filesystem::path wiod_directory;  // WIOD 2013 tables; default wiod::DefaultSourceDirectory()
  std::filesystem::path world_directory;    // ../shared/data/world (trade/ and concordance/)
  std::filesystem::path cp2015_directory;   // default: the shipped data/cp2015
  std::filesystem::path product_directory;  // default: the shipped data/tariffs
};

// ../shared/data/world beside the source tree, or $RICARDO_WORLD_DATA_DIR; empty if neither exists.
std::filesystem::path DefaultWorldDataDirectory();

// One 2024 value a baseline is rescaled to: the flows from `exporters` to `importers` (every
// pair with importer ≠ exporter, summed) in one sector, or in the goods sectors together.
struct FlowTarget {
  std::vector<std::string> importers;  // region codes
  std::vector<std::string> exporters;
  std::string sector;  // sector code; "" = the goods sectors together, their mix kept
  double value_usd = 0.0;
  std::string source;  // where the value comes from, one line

  // "CAN → USA, mining", "USA → JPN+KOR+TWN+IND+ROW, goods".
  std::string Label() const;
};

struct BuiltinBuildOptions {
  BuiltinSources sources;
  // Stop rescaling when every target is met to this error after calibration: relative to the
  // target, or absolute in US$ million for targets below US$ 1 million.
  double target_tolerance = 1e-9;
  int max_rounds = 50;
  SolverOptions solver;  // for the calibrations (tolerance tightened to at most 1e-13)
};

struct BuiltinBuild {
  Baseline baseline;                // calibrated: a zero shock changes nothing
  std::string provenance_markdown;  // PROVENANCE.md: sources, licences, method, every target
  std::vector<FlowTarget> targets;  // what the baseline was rescaled to
  GtapConcordance concordance;      // the GTAP → WIOD split used
  double nominal_factor = 0.0;      // every 2011 money value × this before the targets
  int rounds = 0;                   // rescale-and-calibrate rounds needed
  double max_target_error = 0.0;    // largest error over the targets (see target_tolerance)
  SolverSummary calibration;        // the last calibration
};

// Throw NotFoundError for missing inputs, DataError for malformed ones, ArgumentError if the
// targets cannot be met within max_rounds.
BuiltinBuild BuildWorld(const BuiltinBuildOptions& options = {});
BuiltinBuild BuildNorthAmerica(const BuiltinBuildOptions& options = {});

// The concordance both builds use, from the shared crosswalk and the product data.
GtapConcordance DeriveBuiltinConcordance(const BuiltinSources& sources);

// The value of a target in a baseline, US$ (flows net of tariffs).
double TargetValueUsd(const Baseline& baseline, const FlowTarget& target);

}  // namespace ricardo
