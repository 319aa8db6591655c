// What a counterfactual does: welfare, real wages, prices, trade, output and tariff revenue.
//
// Two welfare measures are reported and must never be confused:
//  * exact: the change in real income Î_n / Π_j P̂_nj^{α_nj}, from the solved equilibrium;
//  * linearised: the decomposition of Caliendo and Parro (2015, eq. 16, their Table 2) into a
//    terms-of-trade (ToT) and a volume-of-trade (VoT) effect, evaluated with finite changes and
//    base-year flows. With trade-cost shocks a third, trade-cost term is added (it is zero for
//    tariff-only shocks, where the decomposition is exactly the paper's).
// All changes are stored as fractions (0.013 = +1.3%); percent only at the edges.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

// The effective tariff, one definition for every table, file, chart and the dashboard: the
// additional duties on goods, as budget offices and the Yale tracker report them. "Additional"
// means the scenario's rate minus the baseline's rate (t′ − t), i.e. the shock; "goods" means
// the sectors GoodsSectors() marks (services are never tariffed, so including them would only
// dilute the rate), plus any other sector whose rate the scenario changes (as `scenario explain`
// counts them; no shipped scenario has one). Two weightings:
//  * at_base_weights: Σ_goods (t′ − t)·M / Σ_goods M with base-year imports M (net of tariffs) —
//    the static rate, what `scenario explain` prints as "weighted by the baseline's sector flows";
//  * after_shifts:    Σ_goods (t′ − t)·M′ / Σ_goods M′ with the counterfactual imports M′ — the
//    rate once trade has moved away from the most-taxed goods and partners.
// The total applied rates on goods (base rates, base weights; new rates, new weights) are kept
// beside them, labelled as such. All fractions; NaN where there are no goods imports to weight.
struct GoodsDuties {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double goods_imports_base = 0.0, goods_imports_new = 0.0;  // money units, net of tariffs
  double added_at_base_weights = kNaN;                       // (t′ − t), base weights
  double added_after_shifts = kNaN;                          // (t′ − t), counterfactual weights
  double applied_base = kNaN;  // t,  base weights (the baseline's own tariff)
  double applied_new = kNaN;   // t′, counterfactual weights
};

struct CountryOutcome {
  std::string code;
  double wage_change = 0.0;         // ŵ − 1 (nominal, relative to the numéraire)
  double price_index_change = 0.0;  // Π_j P̂_nj^{α_nj} − 1 (consumer prices)
  double real_wage_change = 0.0;    // ŵ / Π P̂^α − 1
  double welfare_exact = 0.0;       // Î / Π P̂^α − 1 (real income; exact)
  double welfare_tot = 0.0;         // linearised terms-of-trade effect, fraction of I_n
  double welfare_vot = 0.0;         // linearised volume-of-trade effect, fraction of I_n
  double welfare_trade_cost = 0.0;  // linearised trade-cost term (0 without d̂ shocks)
  double welfare_linear = 0.0;      // tot + vot + trade_cost

  // Levels in money units: base year and counterfactual.
  double income_base = 0.0, income_new = 0.0;  // I = VA + tariff revenue − S
  double value_added_base = 0.0, value_added_new = 0.0;
  double tariff_revenue_base = 0.0, tariff_revenue_new = 0.0;
  double exports_base = 0.0, exports_new = 0.0;  // net of tariffs, excl. domestic
  double imports_base = 0.0, imports_new = 0.0;  // net of tariffs, excl. domestic
  // Import-weighted average tariff, Σ t·M / Σ M over foreign partners and all sectors,
  // services included (fraction). Not the effective tariff: see goods_duties.
  double average_tariff_base = 0.0, average_tariff_new = 0.0;

  // The effective tariff (see GoodsDuties): this importer's additional duties on goods from
  // all foreign partners together.
  GoodsDuties goods_duties;
  // Welfare in money: the equivalent variation at the baseline's prices, welfare_exact ×
  // income_base (money units per year of the baseline).
  double welfare_money = 0.0;
  // Households in the region (count), from data/households (cited there); NaN when the
  // baseline's region has no count, or none within kHouseholdYearWindow of the baseline's year.
  double households = GoodsDuties::kNaN;
  int households_year = 0;        // reference year of the count (0 without one)
  std::string households_source;  // "US Census Bureau, American Community Survey 2024 …"
  std::string households_note;    // why households is NaN ("" when it is not)
  // welfare_money × money_unit / households: currency units (e.g. US$) per household per year
  // at the baseline's prices; NaN without a household count.
  double welfare_per_household_currency = GoodsDuties::kNaN;

  // Change in tariff revenue per year (money units), and over a budget window of
  // kBudgetWindowYears as budget offices report it, by the static convention: the window's
  // years each repeat the one-year change at base-year prices — no growth of imports or prices,
  // no discounting, no behavioural response beyond the model's own trade response, and no
  // offset for lower income and payroll tax receipts (the "income and payroll tax offset" a
  // CBO/JCT conventional score subtracts), and no change in the scenario over the window.
  double TariffRevenueChange() const { return tariff_revenue_new - tariff_revenue_base; }
  double TariffRevenueChangeOverWindow() const;
};

inline constexpr int kBudgetWindowYears = 10;

// One foreign partner's part in an importer's purchases from abroad, before and after the shock:
// the trade-diversion view (who loses and who gains share). Imports are summed over sectors and
// valued net of tariffs, as in Outcomes::flows_*; shares are of the importer's imports from all
// foreign partners (domestic purchases excluded), so they sum to one over partners.
struct PartnerImports {
  std::size_t exporter = 0;                      // region index
  double imports_base = 0.0, imports_new = 0.0;  // money units
  // Fractions of the importer's imports from all foreign partners; NaN if those are zero.
  double share_base = 0.0, share_new = 0.0;
  // Applied tariff on all imports from the partner incl. services, trade-weighted (fraction; base
  // rates, base flows; new rates, new flows; NaN without trade). Not the effective tariff.
  double tariff_base = 0.0, tariff_new = 0.0;
  // The effective tariff on this partner's goods (see GoodsDuties).
  GoodsDuties goods_duties;

  double share_change() const { return share_new - share_base; }  // fraction (x100: points)
};

// An importer's foreign purchases by partner. `partners` holds every other region, ordered so
// the story reads: the largest gain in share first, the largest loss last (shifts smaller than
// 1e-10 count as ties, broken by larger base-year imports, then baseline order).
struct ImportsByPartner {
  std::size_t importer = 0;
  double imports_base = 0.0, imports_new = 0.0;  // from all foreign partners, money units
  std::vector<PartnerImports> partners;
};

struct Outcomes {
  std::vector<CountryOutcome> countries;  // one per region, baseline order

  Array3 flows_base;  // (n, i, j) net of tariffs, money units (diagonal = domestic)
  Array3 flows_new;
  Array2 gross_output_base;  // (i, j)
  Array2 gross_output_new;
  Array2 price_change;  // (n, j) P̂ − 1
  // (n, partner i): contribution of the pair to n's linearised ToT and VoT, fractions of I_n.
  // Row sums equal welfare_tot and welfare_vot.
  Array2 bilateral_tot;
  Array2 bilateral_vot;
  // (n, j): sector j's contribution to n's ToT and VoT, fractions of I_n.
  Array2 sectoral_tot;
  Array2 sectoral_vot;
  // One entry per importer, baseline order: imports by partner before and after (diversion).
  std::vector<ImportsByPartner> imports_by_partner;

  // Imports of n from i summed over sectors (net of tariffs), base and counterfactual.
  double BilateralImportsBase(std::size_t importer, std::size_t exporter) const;
  double BilateralImportsNew(std::size_t importer, std::size_t exporter) const;
};

// Fills everything above; CountryOutcome::households from ShippedHouseholdCounts()
// (ricardo/households.hpp) when the data directory has them, NaN with a note otherwise.
Outcomes ComputeOutcomes(const Baseline& baseline, const Shock& shock,
                         const Equilibrium& equilibrium);

// The additional duties on goods (GoodsDuties) that `importer` pays on its imports from
// `exporters` together, from the base rates and flows of `baseline` and the new rates and
// (counterfactual) flows. `goods` marks the goods sectors (GoodsSectors(baseline)).
GoodsDuties ComputeGoodsDuties(const Baseline& baseline, const std::vector<bool>& goods,
                               const Array3& tariff_rates_new, const Array3& flows_new,
                               std::size_t importer, const std::vector<std::size_t>& exporters);

// Trade-weighted average applied tariff of `importer` on goods from `exporter` over all sectors,
// Σ_j t·M / Σ_j M (fraction), for one set of rates and flows (n, i, j); NaN without trade.
double PairTradeWeightedTariff(const Array3& tariff_rates, const Array3& flows,
                               std::size_t importer, std::size_t exporter);

// `importer`'s imports by partner from the outcomes' flows and the base and new tariffs
// (ComputeOutcomes fills Outcomes::imports_by_partner with this for every region).
ImportsByPartner ComputeImportsByPartner(const Outcomes& outcomes, const Array3& tariff_rates_base,
                                         const Array3& tariff_rates_new, std::size_t importer);

// The counterfactual economy as a new baseline: flows π′X′/(1 + t′), tariffs t′, shares kept.
Baseline ApplyEquilibrium(const Baseline& baseline, const Shock& shock,
                          const Equilibrium& equilibrium);

}  // namespace ricardo
