// Caliendo and Parro (2015), "Estimates of the Trade and Welfare Effects of NAFTA": the authors'
// seven raw input files (1993; 31 countries × 40 sectors, 20 tradable) and their base-year
// construction, reproduced step by step.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo::cp2015 {

inline constexpr std::size_t kCountries = 31;
inline constexpr std::size_t kSectors = 40;
inline constexpr std::size_t kTradableSectors = 20;
inline constexpr double kNonTradableTheta = 8.22;  // the authors' value for sectors 21–40

// The raw files as read, in their own units, re-indexed to (importer, exporter, sector) etc.
struct RawData {
  Array3 imports_1993_thousand_usd;  // (n, i, j<20) xbilat1993.txt, net of tariffs
  Array3 tariffs_1993_percent;       // (n, i, j<20) tariffs1993.txt
  Array3 tariffs_2005_percent;       // (n, i, j<20) tariffs2005.txt
  Array3 io_shares;                  // (n, k, j) IO.txt, columns sum to one
  Array2 value_added_share;          // (n, j) B.txt (transposed from sectors × countries)
  Array2 gross_output_usd;           // (n, j) GO.txt (transposed)
  std::vector<double> theta;         // 20 tradable-sector elasticities, T.txt
  // Standard errors for the θ the model uses, from the authors' estimation triads
  // (elasticity_triads_1993.csv, EstimateThetaFromTriads in ricardo/uncertainty.hpp): each
  // sector's full-sample robust s.e. (their Table 1, "full sample"; T.txt holds the 99%-sample
  // estimates, whose s.e. the triads cannot give). For the authors' substitute value 8.22 (auto,
  // other transport and every non-tradable sector, where no sector estimate is used) the pooled
  // estimate's relative s.e. times 8.22: `substitute_theta_se`. Empty / 0 when the directory
  // has no triads file (θ is then held fixed in draws).
  std::vector<double> theta_se;  // 20, same order as theta
  double substitute_theta_se = 0.0;
};

// Reads the seven files from `directory`. Throws DataError naming the file, row and column of
// the first problem (missing file, wrong shape, a value that is not a finite number, a negative
// flow, tariff or output).
RawData ReadRaw(const std::filesystem::path& directory);

enum class NegativeInputShares {
  kKeep,                // use as given, like the authors (needed to reproduce their numbers)
  kClipAndRenormalize,  // set to zero and rescale the column to sum to one
};

struct BaseYearOptions {
  NegativeInputShares negative_input_shares = NegativeInputShares::kKeep;
  // Solver for both calibration steps. The authors' base year is the output of their own
  // algorithm with its stopping rules (Algorithm::kReference), which this reproduces to ~1e-13;
  // kAccelerated solves the same equations exactly (differences of order 1e-7 from the files).
  Algorithm calibration_algorithm = Algorithm::kReference;
};

struct BaseYear {
  Baseline data;              // the base year straight from the files (not an equilibrium)
  Baseline with_deficits;     // equilibrium at zero shock, 1993 surpluses kept ("withS")
  Baseline without_deficits;  // equilibrium with every trade balance zero ("noS")
  SolverSummary with_deficits_summary;
  SolverSummary without_deficits_summary;
  std::vector<std::string> notes;  // choices made on the way (clipped shares, raised output)
};

// The base year straight from the raw files, the authors' first step: flows gross of tariffs,
// gross output raised to at least exports, domestic sales = output − exports, expenditure
// shares, final-demand shares from the expenditure identity (negatives set to 0, renormalised).
// Money unit: US$ 10 billion (the unit of the authors' deficit-free base year).
Baseline BuildDataBaseYear(const RawData& raw, const BaseYearOptions& options,
                           std::vector<std::string>* notes);

// The whole construction: the data base year, then the equilibrium with 1993 deficits, then the
// equilibrium without deficits computed from it (the authors' three scripts).
BaseYear BuildBaseYear(const RawData& raw, const BaseYearOptions& options = {});

// The directory holding the shipped copy of the seven files (data/cp2015).
std::filesystem::path ShippedDataDirectory();

// Region codes in the authors' order (ISO3; ROW for the rest of the world).
const std::vector<Region>& Regions();
// Sector codes and names in the authors' order; θ from T.txt, 8.22 for non-tradables.
std::vector<Sector> Sectors(const std::vector<double>& tradable_theta,
                            const std::vector<double>& tradable_theta_se = {},
                            double substitute_theta_se = 0.0);
// The same from the raw files (θ and its standard errors).
std::vector<Sector> Sectors(const RawData& raw);

enum class TariffExperiment {
  kNafta,      // the six intra-NAFTA pairs move to their 2005 tariffs; all others stay at 1993
  kWorld2005,  // every pair moves to its 2005 tariff
};

// The counterfactual tariffs of an experiment, on a base year built from `raw`.
Shock MakeShock(const Baseline& base_year, const RawData& raw, TariffExperiment experiment);

}  // namespace ricardo::cp2015
