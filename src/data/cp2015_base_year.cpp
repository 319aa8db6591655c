// The authors' base-year construction (their script.m, script_eliminating_trade_surplus.m and
// script_no_surplus.m), on ricardo's baseline type.
#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "ricardo/cp2015.hpp"
#include "ricardo/error.hpp"
#include "ricardo/outcomes.hpp"

namespace ricardo::cp2015 {
namespace {

constexpr std::size_t N = kCountries, J = kSectors, JT = kTradableSectors;
// The deficit-free base year of the paper is expressed in US$ 10 billion; so is ours.
constexpr double kMoneyUnitUsd = 1e10;

}  // namespace

const std::vector<Region>& Regions() {
  static const std::vector<Region> regions = {{"ARG", "Argentina"},
                                              {"AUS", "Australia"},
                                              {"AUT", "Austria"},
                                              {"BRA", "Brazil"},
                                              {"CAN", "Canada"},
                                              {"CHL", "Chile"},
                                              {"CHN", "China"},
                                              {"DNK", "Denmark"},
                                              {"FIN", "Finland"},
                                              {"FRA", "France"},
                                              {"DEU", "Germany"},
                                              {"GRC", "Greece"},
                                              {"HUN", "Hungary"},
                                              {"IND", "India"},
                                              {"IDN", "Indonesia"},
                                              {"IRL", "Ireland"},
                                              {"ITA", "Italy"},
                                              {"JPN", "Japan"},
                                              {"KOR", "Korea"},
                                              {"MEX", "Mexico"},
                                              {"NLD", "Netherlands"},
                                              {"NZL", "New Zealand"},
                                              {"NOR", "Norway"},
                                              {"PRT", "Portugal"},
                                              {"ZAF", "South Africa"},
                                              {"ESP", "Spain"},
                                              {"SWE", "Sweden"},
                                              {"TUR", "Turkey"},
                                              {"GBR", "United Kingdom"},
                                              {"USA", "United States"},
                                              {"ROW", "Rest of the world"}};
  return regions;
}

std::vector<Sector> Sectors(const std::vector<double>& tradable_theta,
                            const std::vector<double>& tradable_theta_se,
                            double substitute_theta_se) {
  // Codes, names and the ISIC Rev.3 divisions of the authors' 40 sectors (their Table A.1).
  static const char* const kSectorCodes[J][3] = {
      {"agriculture", "Agriculture", "01-05"},
      {"mining", "Mining", "10-14"},
      {"food", "Food", "15-16"},
      {"textile", "Textile", "17-19"},
      {"wood", "Wood", "20"},
      {"paper", "Paper", "21-22"},
      {"petroleum", "Petroleum", "23"},
      {"chemicals", "Chemicals", "24"},
      {"plastic", "Plastic", "25"},
      {"minerals", "Minerals", "26"},
      {"basic_metals", "Basic metals", "27"},
      {"metal_products", "Metal products", "28"},
      {"machinery", "Machinery n.e.c.", "29"},
      {"office", "Office", "30"},
      {"electrical", "Electrical", "31"},
      {"communication", "Communication", "32"},
      {"medical", "Medical", "33"},
      {"auto", "Auto", "34"},
      {"other_transport", "Other transport", "35"},
      {"other_manufacturing", "Other manufacturing", "36-37"},
      {"electricity", "Electricity", "40-41"},
      {"construction", "Construction", "45"},
      {"retail", "Retail", "50-52"},
      {"hotels", "Hotels", "55"},
      {"land_transport", "Land transport", "60"},
      {"water_transport", "Water transport", "61"},
      {"air_transport", "Air transport", "62"},
      {"auxiliary_transport", "Auxiliary transport", "63"},
      {"post", "Post", "64"},
      {"finance", "Finance", "65-67"},
      {"real_estate", "Real estate", "70"},
      {"renting_machinery", "Renting machinery", "71"},
      {"computer", "Computer", "72"},
      {"research", "R&D", "73"},
      {"other_business", "Other business", "74"},
      {"public", "Public", "75"},
      {"education", "Education", "80"},
      {"health", "Health", "85"},
      {"other_services", "Other services", "90-93"},
      {"private_households", "Private households", "95"}};
  if (tradable_theta.size() != JT) {
    throw ArgumentError(
        fmt::format("expected {} tradable elasticities, got {}", JT, tradable_theta.size()));
  }
  if (!tradable_theta_se.empty() && tradable_theta_se.size() != JT) {
    throw ArgumentError(
        fmt::format("expected {} standard errors of theta, got {}", JT, tradable_theta_se.size()));
  }
  std::vector<Sector> sectors(J);
  for (std::size_t j = 0; j < J; ++j) {
    Sector& s = sectors[j];
    s.code = kSectorCodes[j][0];
    s.name = kSectorCodes[j][1];
    s.tradable = j < JT;
    s.theta = j < JT ? tradable_theta[j] : kNonTradableTheta;
    s.theta_se = j < JT && !tradable_theta_se.empty() ? tradable_theta_se[j] : substitute_theta_se;
    s.isic_rev3 = kSectorCodes[j][2];
  }
  return sectors;
}

std::vector<Sector> Sectors(const RawData& raw) {
  return Sectors(raw.theta, raw.theta_se, raw.substitute_theta_se);
}

Baseline BuildDataBaseYear(const RawData& raw, const BaseYearOptions& options,
                           std::vector<std::string>* notes) {
  Baseline b = MakeEmptyBaseline(Regions(), Sectors(raw));
  b.manifest.name = "cp2015-1993-data";
  b.manifest.title = "Caliendo–Parro (2015) base year 1993, from the raw files (not calibrated)";
  b.manifest.year = 1993;
  b.manifest.currency = "USD";
  b.manifest.money_unit = kMoneyUnitUsd;
  b.manifest.source =
      "Caliendo and Parro (2015), Review of Economic Studies 82(1), replication files "
      "(xbilat1993, tariffs1993, IO, B, GO, T)";
  b.manifest.licence = "replication data of a published paper; cite the paper";

  // Flows net of tariffs in money units; tariffs as fractions. Non-tradables: no trade, no tariff.
  const double thousand_usd = 1e3 / kMoneyUnitUsd;
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < JT; ++j) {
        if (i == n) continue;
        b.trade_flows(n, i, j) = raw.imports_1993_thousand_usd(n, i, j) * thousand_usd;
        b.tariff_rates(n, i, j) = raw.tariffs_1993_percent(n, i, j) / 100.0;
      }

  // Gross output raised to at least exports; domestic sales are the rest.
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < J; ++j) {
      double exports = 0.0;
      for (std::size_t n = 0; n < N; ++n) exports += b.trade_flows(n, i, j);
      double output = raw.gross_output_usd(i, j) / kMoneyUnitUsd;
      if (output < exports) {
        if (notes) {
          notes->push_back(
              fmt::format("gross output of {}/{} raised from {:.6g} to exports {:.6g} "
                          "(US$ 10 billion)",
                          b.regions[i].code, b.sectors[j].code, output, exports));
        }
        output = exports;
      }
      b.trade_flows(i, i, j) = output - exports;
    }
  }

  b.value_added_share = raw.value_added_share;
  b.input_shares = raw.io_shares;
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      bool negative = false;
      double column_sum = 0.0;
      for (std::size_t k = 0; k < J; ++k) {
        if (b.input_shares(n, k, j) < 0.0) {
          negative = true;
          if (notes) {
            notes->push_back(fmt::format(
                "IO.txt row {} column {}: negative input share {} ({} use of {} in {}) {}",
                n * J + k + 1, j + 1, b.input_shares(n, k, j), b.regions[n].code, b.sectors[k].code,
                b.sectors[j].code,
                options.negative_input_shares == NegativeInputShares::kKeep
                    ? "kept, as the authors do"
                    : "set to 0 and the column renormalised"));
          }
          if (options.negative_input_shares == NegativeInputShares::kClipAndRenormalize) {
            b.input_shares(n, k, j) = 0.0;
          }
        }
        column_sum += b.input_shares(n, k, j);
      }
      if (negative && options.negative_input_shares == NegativeInputShares::kClipAndRenormalize &&
          column_sum > 0.0) {
        for (std::size_t k = 0; k < J; ++k) b.input_shares(n, k, j) /= column_sum;
      }
    }
  }

  std::vector<std::string> clipped;
  b.final_demand_share = FinalDemandSharesFromIdentity(b, &clipped);
  if (notes && !clipped.empty()) {
    std::string list;
    for (const auto& c : clipped) list += (list.empty() ? "" : ", ") + c;
    notes->push_back(fmt::format("{} negative final-demand shares set to 0 and renormalised: {}",
                                 clipped.size(), list));
  }
  return b;
}

BaseYear BuildBaseYear(const RawData& raw, const BaseYearOptions& options) {
  BaseYear out;
  out.data = BuildDataBaseYear(raw, options, &out.notes);

  // Step 1 (script.m): the equilibrium at zero shock with the 1993 surpluses, by the authors'
  // algorithm. They ran it in units of US$ 100,000 with Σ|residual| < 1e-7, i.e. 1e-12 in our
  // unit of US$ 10 billion; their inner price tolerance (1e-7) is what shapes the result.
  SolverOptions step1;
  step1.algorithm = options.calibration_algorithm;
  if (step1.algorithm == Algorithm::kReference) {
    step1.reference_tolerance = 1e-7 * 1e5 / kMoneyUnitUsd;
    step1.reference_price_tolerance = 1e-7;
    step1.check_tolerance = 1e-6;
  } else {
    step1.tolerance = 1e-13;
  }
  CalibrationResult with = CalibrateBaseYear(out.data, {DeficitTreatment::kKeep, step1});
  out.with_deficits = std::move(with.baseline);
  out.with_deficits.manifest.name = "cp2015-1993-withS";
  out.with_deficits.manifest.title =
      "Caliendo–Parro (2015) base year 1993, equilibrium with 1993 trade deficits";
  out.with_deficits_summary = std::move(with.summary);

  // Step 2 (script_eliminating_trade_surplus.m): from that equilibrium, every surplus set to 0.
  SolverOptions elimination;
  elimination.algorithm = options.calibration_algorithm;
  if (elimination.algorithm == Algorithm::kReference) {
    // The authors' rules, in the unit they ran it (US$ 10 billion): Σ|residual| < 1e-7 and
    // max |ΔP̂| < 1e-7; their loose inner tolerance leaves cost residuals of order 1e-7.
    elimination.reference_tolerance = 1e-7;
    elimination.reference_price_tolerance = 1e-7;
    elimination.check_tolerance = 1e-6;
  } else {
    elimination.tolerance = 1e-13;
  }
  CalibrationResult without =
      CalibrateBaseYear(out.with_deficits, {DeficitTreatment::kEliminate, elimination});
  out.without_deficits = std::move(without.baseline);
  out.without_deficits.manifest.name = "cp2015-1993-noS";
  out.without_deficits.manifest.title =
      "Caliendo–Parro (2015) base year 1993, equilibrium without trade deficits";
  out.without_deficits_summary = std::move(without.summary);
  return out;
}

Shock MakeShock(const Baseline& base_year, const RawData& raw, TariffExperiment experiment) {
  if (base_year.region_count() != N || base_year.sector_count() != J) {
    throw ArgumentError("the Caliendo–Parro experiments need the 31 x 40 cp2015 base year");
  }
  Shock shock = Shock::None(base_year);
  const std::size_t nafta[] = {*base_year.FindRegion("CAN"), *base_year.FindRegion("MEX"),
                               *base_year.FindRegion("USA")};
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      const bool in_nafta = std::find(std::begin(nafta), std::end(nafta), n) != std::end(nafta) &&
                            std::find(std::begin(nafta), std::end(nafta), i) != std::end(nafta);
      if (experiment == TariffExperiment::kNafta && !in_nafta) continue;
      for (std::size_t j = 0; j < JT; ++j) {
        shock.tariff_rates(n, i, j) = raw.tariffs_2005_percent(n, i, j) / 100.0;
      }
    }
  return shock;
}

}  // namespace ricardo::cp2015
