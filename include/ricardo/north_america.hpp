// The built-in baseline "north-america": USA, CAN, MEX and the rest of the world (ROW) × the 35
// WIOD industries, in 2024 US$ million, with the tariffs applied before the 2025 measures. Built
// reproducibly from public data (docs/baseline-format.md ("The built-in north-america baseline")): the WIOD 2011 table, Caliendo–Parro's θ
// and 2005 tariffs, and the 2024 goods-trade totals among the three countries.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

// One directed goods flow of 2024 the baseline is rescaled to.
struct GoodsTradeTarget {
  std::string exporter;  // ISO3
  std::string importer;
  double value_usd = 0.0;
  std::string source;
};

// The six directed goods flows among USA, CAN and MEX in 2024 (US Census basis for the four US
// flows; Statistics Canada for Canada–Mexico), as catalogued in shared/data/README.md.
const std::vector<GoodsTradeTarget>& NorthAmericaGoodsTrade2024();

struct NorthAmericaOptions {
  std::filesystem::path wiod_directory;    // empty: wiod::DefaultSourceDirectory()
  std::filesystem::path cp2015_directory;  // empty: the shipped data/cp2015
  // Stop rescaling when every target flow is matched to this relative error after calibration.
  double target_tolerance = 1e-9;
  int max_rounds = 30;
  SolverOptions solver;  // for the calibrations
};

struct NorthAmericaBuild {
  Baseline baseline;                   // calibrated: a zero shock changes nothing
  std::string provenance_markdown;     // PROVENANCE.md: sources, licence, method, checks
  int rounds = 0;                      // rescale-and-calibrate rounds needed
  double max_target_error = 0.0;       // max relative error over the six targets
  SolverSummary calibration;           // the last calibration
};

// Builds the baseline. Throws NotFoundError if the WIOD tables are missing and ArgumentError if
// the targets cannot be matched within max_rounds.
NorthAmericaBuild BuildNorthAmerica(const NorthAmericaOptions& options = {});

// The goods sectors of a baseline: those whose ISIC Rev.3 divisions all lie in 01–37
// (agriculture, mining, manufacturing); sectors without ISIC divisions count as goods when
// tradable.
std::vector<bool> GoodsSectors(const Baseline& baseline);

}  // namespace ricardo
