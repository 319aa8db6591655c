// Welfare and tariff revenue in money: the table, and the note beside the US result that says
// why an exact-welfare gain can sit beside a real-wage loss.
#include <cmath>

#include "fmt/format.h"
#include "report/run_tables.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

std::string CurrencyPrefix(const Manifest& m) {
  return m.currency == "USD" ? "US$" : m.currency;
}

// "12,345" for a per-household amount; "n/a" when unknown.
std::string WholeUnits(double value) {
  if (!std::isfinite(value)) return "n/a";
  const std::string plain = fmt::format("{}", std::llround(std::abs(value)));
  std::string digits;  // built forwards: g++ 12 warns falsely (-Wrestrict) on string::insert
  for (std::size_t k = 0; k < plain.size(); ++k) {
    if (k > 0 && (plain.size() - k) % 3 == 0) digits.push_back(',');
    digits.push_back(plain[k]);
  }
  return fmt::format("{}{}", value < 0 && digits != "0" ? "-" : "", digits);
}

// "US$ 46.5 bn" (signed: "US$ +201.3 bn") from a MoneyDisplay label "US$ bn".
std::string MoneyText(const MoneyDisplay& money, double value_in_display_units, bool sign) {
  const std::size_t space = money.label.rfind(' ');
  const std::string prefix = money.label.substr(0, space), scale = money.label.substr(space + 1);
  return fmt::format(
      "{} {} {}", prefix,
      sign ? SignedFixed(value_in_display_units, 1) : Fixed(value_in_display_units, 1), scale);
}

// The households part of the table's note: where the counts come from and why some are n/a.
std::string HouseholdsNote(const RunResult& r) {
  std::string known, unknown;
  for (const CountryOutcome& c : r.outcomes.countries) {
    if (std::isfinite(c.households)) {
      known += fmt::format("{}{} {}", known.empty() ? "" : ", ", c.code, c.households_year);
    } else {
      unknown += fmt::format("{}{} ({})", unknown.empty() ? "" : "; ", c.code, c.households_note);
    }
  }
  std::string out = "Per household: welfare in money over the region's households";
  if (!known.empty()) {
    out += " (official counts of " + known + "; sources in data/households/PROVENANCE.md)";
  }
  out += ".";
  if (!unknown.empty()) out += " n/a: " + unknown + ".";
  return out;
}

}  // namespace

std::string AddedTariffNote(const RunResult& r) {
  return fmt::format(
      "{}: the scenario's additional duties (new rate minus the baseline's) on goods imports, "
      "weighted by goods imports {} (what `scenario explain` prints as \"weighted by the "
      "baseline's sector flows\") and {} (counterfactual imports), the measure budget offices and "
      "tariff trackers report; services are never tariffed and are left out.",
      kAddedTariffLabel, AddedTariffBaseWeightsLabel(r.baseline), kAddedTariffShiftsLabel);
}

TextTable MoneyTable(const RunResult& r, const MoneyDisplay& money) {
  const Manifest& m = r.baseline.manifest;
  const std::string cur = CurrencyPrefix(m);
  TextTable t;
  t.title = "Welfare and tariff revenue in money (" + MoneyPerYearLabel(r.baseline, money) + ")";
  t.headers = {"Region",
               "Welfare " + money.label + "/yr",
               "Households, m",
               "Welfare per household " + cur + "/yr",
               "Tariff rev. change " + money.label + "/yr",
               fmt::format("over {} years", kBudgetWindowYears)};
  t.align = {Align::kLeft};
  t.align.resize(t.headers.size(), Align::kRight);
  for (const CountryOutcome& c : r.outcomes.countries) {
    t.AddRow({c.code, SignedFixed(money(m, c.welfare_money), 1), Fixed(c.households / 1e6, 2),
              std::isfinite(c.welfare_per_household_currency)
                  ? fmt::format("{}{}", c.welfare_per_household_currency > 0 ? "+" : "",
                                WholeUnits(c.welfare_per_household_currency))
                  : "n/a",
              SignedFixed(money(m, c.TariffRevenueChange()), 1),
              SignedFixed(money(m, c.TariffRevenueChangeOverWindow()), 1)});
  }
  // One fmt call rather than operator+ chains: g++ 12 warns falsely (-Wrestrict) on those.
  const auto usa = r.baseline.FindRegion("USA");
  t.note = fmt::format(
      "Welfare in money: the exact welfare change times the base-year national income (the "
      "equivalent variation at the baseline's prices). {1} Over {0} years: {0} x the annual "
      "change at base-year prices, as a static score (no growth, no discounting, no behavioural "
      "response beyond the model's own trade response); a CBO-style conventional score also nets "
      "out lower income and payroll tax receipts and follows the baseline's projected imports "
      "year by year.{2}{3}",
      kBudgetWindowYears, HouseholdsNote(r), usa ? " " : "",
      usa ? WelfareVersusWageNote(r, *usa, money) : std::string());
  return t;
}

std::string WelfareVersusWageNote(const RunResult& r, std::size_t region,
                                  const MoneyDisplay& money) {
  const Manifest& m = r.baseline.manifest;
  const CountryOutcome& c = r.outcomes.countries.at(region);
  const GoodsDuties& d = c.goods_duties;
  const std::string cur = CurrencyPrefix(m);
  // What a partial-equilibrium estimate charges: the added rate on pre-tariff goods imports.
  const double pe_cost =
      std::isfinite(d.added_at_base_weights) ? d.added_at_base_weights * d.goods_imports_base : 0.0;
  const double pe_per_household = pe_cost * m.money_unit / c.households;  // NaN without a count
  std::string out = fmt::format(
      "{0}: welfare {1}% ({2} a year) beside a real-wage change of {3}%. Welfare is real "
      "national income, which includes the tariff revenue the model rebates to households "
      "({0}'s goes from {4} to {5} a year), and the terms of trade, which move by {6}% of "
      "income (the linearised terms-of-trade term) as foreign exporters' prices adjust; the "
      "real wage counts wages only, deflated by consumer prices that carry the tariffs. A "
      "partial-equilibrium \"cost per household\" instead charges the added tariff ({7}% on "
      "goods {8}) on pre-tariff goods imports ({9}): {10} a year",
      c.code, SignedFixed(100.0 * c.welfare_exact, 2),
      MoneyText(money, money(m, c.welfare_money), true), SignedFixed(100.0 * c.real_wage_change, 2),
      MoneyText(money, money(m, c.tariff_revenue_base), false),
      MoneyText(money, money(m, c.tariff_revenue_new), false),
      SignedFixed(100.0 * c.welfare_tot, 2), Fixed(100.0 * d.added_at_base_weights, 2),
      AddedTariffBaseWeightsLabel(r.baseline),
      MoneyText(money, money(m, d.goods_imports_base), false),
      MoneyText(money, money(m, pe_cost), false));
  if (std::isfinite(pe_per_household)) {
    out += fmt::format(", {} {} per household", cur, WholeUnits(pe_per_household));
  }
  out += ", with no rebate of the revenue and no price, volume or terms-of-trade response.";
  return out;
}

}  // namespace ricardo::detail
