#include "ricardo/outcomes.hpp"

#include <cmath>
#include <numeric>

#include "ricardo/error.hpp"
#include "ricardo/households.hpp"
#include "ricardo/north_america.hpp"

namespace ricardo {
namespace {

// Household counts and welfare per household. A missing data directory (a library used without
// its data) leaves every count NaN with the reason; a malformed shipped file is an error.
void AttachHouseholds(const Baseline& baseline, Outcomes* out) {
  const std::vector<HouseholdCount>* counts = nullptr;
  std::string missing;
  try {
    counts = &ShippedHouseholdCounts();
  } catch (const NotFoundError& e) {
    missing = std::string("household counts not found: ") + e.problem();
  }
  for (CountryOutcome& c : out->countries) {
    std::string why = missing;
    const std::optional<HouseholdCount> count =
        counts ? FindHouseholdCount(*counts, c.code, baseline.manifest.year, &why) : std::nullopt;
    if (!count) {
      c.households_note = why;
      continue;
    }
    c.households = count->households;
    c.households_year = count->year;
    c.households_source = count->source + ", " + count->table;
    c.welfare_per_household_currency =
        c.welfare_money * baseline.manifest.money_unit / count->households;
  }
}

}  // namespace

Baseline ApplyEquilibrium(const Baseline& baseline, const Shock& shock,
                          const Equilibrium& equilibrium) {
  Baseline out = baseline;
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        out.trade_flows(n, i, j) = equilibrium.trade_shares(n, i, j) *
                                   equilibrium.expenditure(n, j) /
                                   (1.0 + shock.tariff_rates(n, i, j));
      }
  out.tariff_rates = shock.tariff_rates;
  return out;
}

double Outcomes::BilateralImportsBase(std::size_t importer, std::size_t exporter) const {
  double total = 0.0;
  const double* row = flows_base.row(importer, exporter);
  for (std::size_t j = 0; j < flows_base.dim2(); ++j) total += row[j];
  return total;
}

double Outcomes::BilateralImportsNew(std::size_t importer, std::size_t exporter) const {
  double total = 0.0;
  const double* row = flows_new.row(importer, exporter);
  for (std::size_t j = 0; j < flows_new.dim2(); ++j) total += row[j];
  return total;
}

Outcomes ComputeOutcomes(const Baseline& baseline, const Shock& shock,
                         const Equilibrium& equilibrium) {
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  const Baseline counterfactual = ApplyEquilibrium(baseline, shock, equilibrium);
  Outcomes out;
  out.flows_base = baseline.trade_flows;
  out.flows_new = counterfactual.trade_flows;
  out.gross_output_base = GrossOutput(baseline);
  out.gross_output_new = GrossOutput(counterfactual);
  out.price_change = Array2(N, J);
  for (std::size_t k = 0; k < out.price_change.size(); ++k) {
    out.price_change.values()[k] = equilibrium.price_ratio.values()[k] - 1.0;
  }

  const std::vector<double> va = ValueAdded(baseline);
  const std::vector<double> revenue_base = TariffRevenue(baseline);
  const std::vector<double> revenue_new = TariffRevenue(counterfactual);
  const std::vector<double> surplus_new = CounterfactualSurplus(baseline, shock);
  const std::vector<double> income_base = NationalIncome(baseline);
  const std::vector<double> exports_base = Exports(baseline), exports_new = Exports(counterfactual);
  const std::vector<double> imports_base = Imports(baseline), imports_new = Imports(counterfactual);

  // Linearised decomposition (Caliendo–Parro eq. 16 with finite changes), by partner and sector.
  out.bilateral_tot = Array2(N, N);
  out.bilateral_vot = Array2(N, N);
  out.sectoral_tot = Array2(N, J);
  out.sectoral_vot = Array2(N, J);
  std::vector<double> trade_cost_term(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;  // domestic terms cancel in ToT and carry no tariff in VoT
      for (std::size_t j = 0; j < J; ++j) {
        const double exports_ni = baseline.trade_flows(i, n, j);  // n sells to i
        const double imports_ni = baseline.trade_flows(n, i, j);  // n buys from i
        const double tot = exports_ni * (equilibrium.cost_ratio(n, j) - 1.0) -
                           imports_ni * (equilibrium.cost_ratio(i, j) - 1.0);
        double vot = 0.0;
        if (imports_ni > 0.0) {
          vot = baseline.tariff_rates(n, i, j) * imports_ni *
                ((counterfactual.trade_flows(n, i, j) / imports_ni - 1.0) -
                 (equilibrium.cost_ratio(i, j) - 1.0));
          trade_cost_term[n] -= imports_ni * (1.0 + baseline.tariff_rates(n, i, j)) *
                                (shock.trade_cost_ratio(n, i, j) - 1.0);
        }
        out.bilateral_tot(n, i) += tot / income_base[n];
        out.bilateral_vot(n, i) += vot / income_base[n];
        out.sectoral_tot(n, j) += tot / income_base[n];
        out.sectoral_vot(n, j) += vot / income_base[n];
      }
    }
  }

  out.countries.resize(N);
  for (std::size_t n = 0; n < N; ++n) {
    CountryOutcome& c = out.countries[n];
    c.code = baseline.regions[n].code;
    double log_price_index = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      log_price_index +=
          baseline.final_demand_share(n, j) * std::log(equilibrium.price_ratio(n, j));
    }
    const double price_index = std::exp(log_price_index);
    const double wage = equilibrium.wage_ratio[n];
    c.wage_change = wage - 1.0;
    c.price_index_change = price_index - 1.0;
    c.real_wage_change = wage / price_index - 1.0;
    c.income_base = income_base[n];
    c.income_new = wage * va[n] + revenue_new[n] - surplus_new[n];
    c.welfare_exact = (c.income_new / c.income_base) / price_index - 1.0;
    for (std::size_t i = 0; i < N; ++i) {
      c.welfare_tot += out.bilateral_tot(n, i);
      c.welfare_vot += out.bilateral_vot(n, i);
    }
    c.welfare_trade_cost = trade_cost_term[n] / income_base[n];
    c.welfare_linear = c.welfare_tot + c.welfare_vot + c.welfare_trade_cost;
    c.value_added_base = va[n];
    c.value_added_new = wage * va[n];
    c.tariff_revenue_base = revenue_base[n];
    c.tariff_revenue_new = revenue_new[n];
    c.exports_base = exports_base[n];
    c.exports_new = exports_new[n];
    c.imports_base = imports_base[n];
    c.imports_new = imports_new[n];
    double tariffs_paid_base = 0.0, tariffs_paid_new = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      for (std::size_t j = 0; j < J; ++j) {
        tariffs_paid_base += baseline.tariff_rates(n, i, j) * baseline.trade_flows(n, i, j);
        tariffs_paid_new += shock.tariff_rates(n, i, j) * counterfactual.trade_flows(n, i, j);
      }
    }
    c.average_tariff_base = imports_base[n] > 0.0 ? tariffs_paid_base / imports_base[n] : 0.0;
    c.average_tariff_new = imports_new[n] > 0.0 ? tariffs_paid_new / imports_new[n] : 0.0;
  }
  const std::vector<bool> goods = GoodsSectors(baseline);
  std::vector<std::size_t> all_regions(N);
  std::iota(all_regions.begin(), all_regions.end(), std::size_t{0});
  for (std::size_t n = 0; n < N; ++n) {
    CountryOutcome& c = out.countries[n];
    c.welfare_money = c.welfare_exact * c.income_base;
    c.goods_duties =
        ComputeGoodsDuties(baseline, goods, shock.tariff_rates, out.flows_new, n, all_regions);
    ImportsByPartner imports =
        ComputeImportsByPartner(out, baseline.tariff_rates, shock.tariff_rates, n);
    for (PartnerImports& p : imports.partners) {
      p.goods_duties =
          ComputeGoodsDuties(baseline, goods, shock.tariff_rates, out.flows_new, n, {p.exporter});
    }
    out.imports_by_partner.push_back(std::move(imports));
  }
  AttachHouseholds(baseline, &out);
  return out;
}

}  // namespace ricardo
