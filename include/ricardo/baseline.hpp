// The baseline economy: what the model reads.
//
// A Baseline holds the base-year data of the Caliendo–Parro model for N regions and J sectors.
// Money values are in the manifest's money unit (for example US$ million); shares and tariff
// rates are fractions. Everything else the model needs (gross output, expenditure, value added,
// trade balances, tariff revenue) is derived from these fields by the functions below, so the
// accounting identities cannot disagree with the flows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/array.hpp"

namespace ricardo {

struct Manifest {
  std::string name;   // short identifier, e.g. "north-america"
  std::string title;  // one line for people
  int year = 0;       // base year of the data
  std::string currency = "USD";
  double money_unit = 1.0;  // one model money unit, in currency units (1e6 = "million")
  std::string source;       // where the data come from
  std::string licence;      // terms of use of the data
  std::string notes;        // construction choices, caveats

  // "US$ million", "US$ 10 billion", ... for labels.
  std::string MoneyUnitLabel() const;
  bool operator==(const Manifest&) const = default;
};

struct Region {
  std::string code;  // ISO3 or a short upper-case code (ROW)
  std::string name;
  bool operator==(const Region&) const = default;
};

struct Sector {
  std::string code;  // short identifier, e.g. "basic_metals"
  std::string name;
  bool tradable = true;
  double theta = 0.0;  // trade elasticity θ_j (> 0); dispersion of productivity
  // ISIC Rev.3 divisions the sector covers, for mapping HS products to sectors: two-digit codes
  // and ranges separated by commas, e.g. "27-28" or "01,02,05". Empty if unknown.
  std::string isic_rev3;
  // Standard error of θ_j's estimate (≥ 0), for drawing θ in `ricardo run --draws`
  // (ricardo/uncertainty.hpp); 0 = not known, θ_j is then held fixed in the draws.
  double theta_se = 0.0;
  bool operator==(const Sector&) const = default;
};

struct Baseline {
  Manifest manifest;
  std::vector<Region> regions;
  std::vector<Sector> sectors;

  // (importer n, exporter i, sector j): n's purchases from i, valued net of tariffs (at the
  // exporter's price), in money units. The diagonal i == n holds domestic sales.
  Array3 trade_flows;
  // (importer n, exporter i, sector j): ad valorem tariff rate as a fraction (0.25 = 25%).
  Array3 tariff_rates;
  // (country n, sector j): value added as a share of gross output, γ_nj (the authors' B).
  Array2 value_added_share;
  // (country n, input sector k, using sector j): share of input k in sector j's intermediate
  // purchases, G_n(k, j). For each (n, j) the shares sum to one over k (or are all zero when the
  // sector uses no intermediates). γ_n^{k,j} = (1 − γ_nj) · G_n(k, j).
  Array3 input_shares;
  // (country n, sector j): share of sector j in final demand, α_nj; sums to one over j.
  Array2 final_demand_share;

  std::size_t region_count() const { return regions.size(); }
  std::size_t sector_count() const { return sectors.size(); }
  std::optional<std::size_t> FindRegion(const std::string& code) const;
  std::optional<std::size_t> FindSector(const std::string& code) const;

  bool operator==(const Baseline&) const = default;
};

// Creates a baseline with all arrays sized for `regions` × `sectors` and filled with zeros.
Baseline MakeEmptyBaseline(std::vector<Region> regions, std::vector<Sector> sectors);

// ---- Accounting derived from a baseline (all in money units unless stated) ----

// (exporter i, sector j): gross output Σ_n trade_flows(n, i, j), domestic sales included.
Array2 GrossOutput(const Baseline& b);
// (importer n, sector j): total expenditure gross of tariffs, Σ_i (1 + t_nij) · flows(n, i, j).
Array2 Expenditure(const Baseline& b);
// (importer n, exporter i, sector j): expenditure shares π_nij (rows sum to one; a sector with no
// expenditure gets π_nnj = 1 so that prices are defined).
Array3 ExpenditureShares(const Baseline& b);
// Per country: value added Σ_j γ_nj · GrossOutput(n, j).
std::vector<double> ValueAdded(const Baseline& b);
// Per country: exports minus imports, both net of tariffs, domestic sales excluded.
std::vector<double> TradeSurplus(const Baseline& b);
// Per country: tariff revenue Σ_i Σ_j t_nij · flows(n, i, j).
std::vector<double> TariffRevenue(const Baseline& b);
// Per country: national income I_n = VA_n + tariff revenue − surplus.
std::vector<double> NationalIncome(const Baseline& b);
// Per country: exports and imports net of tariffs, domestic sales excluded.
std::vector<double> Exports(const Baseline& b);
std::vector<double> Imports(const Baseline& b);

// A copy with every money value multiplied by `factor` (shares and rates unchanged).
Baseline ScaleMoney(const Baseline& b, double factor);

}  // namespace ricardo
