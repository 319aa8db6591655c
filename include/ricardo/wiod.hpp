// Importer for the World Input-Output Database, 2013 release (Timmer et al. 2015): world
// input-output tables 1995–2011, 41 regions (40 countries and the rest of the world) × 35
// industries, current US$ million. docs/baseline-format.md ("Importers") explains every choice.
//
// Flows: region i's industry j sells to region n whatever n's industries and final users buy
// (intermediate use + households + NPISH + government + investment + inventory changes), valued
// at basic prices (net of tariffs). Gross output is the sum of those sales. Value-added shares
// are 1 − intermediate purchases / gross output, so net product taxes and international
// transport margins (not in the tables) count as value added. Input shares come from each
// industry's intermediate purchases from all origins. Final-demand shares come from the
// expenditure identity (as in the Caliendo–Parro base-year construction).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/solver.hpp"

namespace ricardo::wiod {

inline constexpr int kFirstYear = 1995;
inline constexpr int kLastYear = 2011;

enum class TariffSource {
  kNone,            // all tariffs zero (WIOD has none)
  kCp2015Year2005,  // Caliendo–Parro's applied tariffs of 2005, mapped to WIOD regions/industries
};
const char* ToString(TariffSource source);

struct ImportOptions {
  int year = kLastYear;
  // Directory holding wiotYYYY_inter.csv.gz, wiotYYYY_final.csv.gz and wiotYYYY_output.csv.
  std::filesystem::path source_directory;
  TariffSource tariffs = TariffSource::kCp2015Year2005;
  // The seven Caliendo–Parro files (θ and tariffs); empty = the shipped data/cp2015.
  std::filesystem::path cp2015_directory;
  // Solve the base year at zero shock (deficits kept) so that a zero shock changes nothing.
  bool calibrate = true;
  // Solver options for the calibration.
  SolverOptions solver;
};

struct ImportResult {
  Baseline baseline;
  std::vector<std::string> notes;            // every adjustment made to the table, with sizes
  std::optional<SolverSummary> calibration;  // set when options.calibrate
};

// Throws ArgumentError for a year outside 1995–2011, NotFoundError for missing files, DataError
// (file:line:column) for a malformed table.
ImportResult Import(const ImportOptions& options);

// Where the WIOD files are looked for when no directory is given: $RICARDO_WIOD_DIR, else
// ../shared/data/wiod2013 beside the source tree. Empty if neither exists.
std::filesystem::path DefaultSourceDirectory();

// ---- The Caliendo–Parro → WIOD concordance (both ISIC Rev.3 based) ----

// The ISIC Rev.3 divisions of a Sector::isic_rev3 string ("01,02,05", "27-28"). Throws
// ArgumentError for text that is not a list of two-digit divisions and ranges.
std::vector<int> ParseIsicDivisions(const std::string& isic_rev3);
// The reverse: sorted divisions written with ranges ("15-16,20").
std::string FormatIsicDivisions(std::vector<int> divisions);

// θ for each of the 35 WIOD industries: for goods, the world-trade-weighted mean of the θ of the
// Caliendo–Parro sectors sharing an ISIC division with the industry (weights: world trade of
// each CP sector in 1993); for services the authors' non-tradable value 8.22. With `theta_se`,
// also each industry's standard error: a CP sector's own, √(Σ w² se²) for a weighted mean, and
// RawData::substitute_theta_se for the 8.22 value.
std::vector<double> ThetaFromCp2015(const cp2015::RawData& raw, std::vector<std::string>* notes,
                                    std::vector<double>* theta_se = nullptr);

// The cp2015 country whose tariffs stand in for a WIOD region (itself when CP have it; an EU
// member for the EU members CP lack; ROW otherwise). `wiod_code` is ricardo's region code.
std::string Cp2015Proxy(const std::string& wiod_code);

// (importer, exporter, WIOD industry) tariff rates from CP's 2005 applied tariffs, for the given
// regions (ricardo codes): goods only; CP sectors aggregated to WIOD industries with the pair's
// 1993 trade as weights; zero among EU members; for two regions both standing in for CP's ROW,
// ROW's trade-weighted average tariff on imports from CP's other countries.
Array3 TariffsFromCp2015(const cp2015::RawData& raw, const std::vector<Region>& regions,
                         std::vector<std::string>* notes);

}  // namespace ricardo::wiod
