#include "report/key_results.hpp"

#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

std::string Percent(double fraction, int decimals = 2) {
  if (!std::isfinite(fraction)) return "n/a";
  const double pct = 100.0 * fraction;
  if (std::fabs(pct) < 0.5 * std::pow(10.0, -decimals)) return fmt::format("{:.{}f}%", 0.0, decimals);
  return fmt::format("{:+.{}f}%", pct, decimals);
}

std::string Rate(double fraction) {
  return std::isfinite(fraction) ? fmt::format("{:.1f}%", 100.0 * fraction) : "n/a";
}

std::string Money(double value, const std::string& unit) {
  return std::isfinite(value) ? fmt::format("{} {:+.1f}", unit, value) : "n/a";
}

std::string NameOf(const Baseline& b, std::size_t n) {
  return b.regions[n].name.empty() ? b.regions[n].code : b.regions[n].name;
}

// The region the story is about: the USA, else the largest economy.
std::size_t Subject(const RunResult& r) {
  if (auto usa = r.baseline.FindRegion("USA")) return *usa;
  std::size_t best = 0;
  for (std::size_t n = 1; n < r.outcomes.countries.size(); ++n)
    if (r.outcomes.countries[n].income_base > r.outcomes.countries[best].income_base) best = n;
  return best;
}

// CAN and MEX when present, else the two other regions whose welfare changes most.
std::vector<std::size_t> Partners(const RunResult& r, std::size_t subject) {
  auto can = r.baseline.FindRegion("CAN");
  auto mex = r.baseline.FindRegion("MEX");
  if (can && mex) return {*can, *mex};
  std::vector<std::size_t> others;
  for (std::size_t n = 0; n < r.outcomes.countries.size(); ++n)
    if (n != subject) others.push_back(n);
  std::stable_sort(others.begin(), others.end(), [&](std::size_t a, std::size_t b) {
    return std::fabs(r.outcomes.countries[a].welfare_exact) > std::fabs(r.outcomes.countries[b].welfare_exact);
  });
  if (others.size() > 2) others.resize(2);
  return others;
}

}  // namespace

KeyResults BuildKeyResults(const RunResult& r) {
  KeyResults out;
  const Baseline& b = r.baseline;
  if (r.outcomes.countries.empty()) return out;
  const MoneyDisplay money = ChooseMoneyDisplay(r);
  const std::size_t us = Subject(r);
  const CountryOutcome& c = r.outcomes.countries[us];
  const std::string who = NameOf(b, us);
  const std::string scenario = r.metadata.scenario_title.empty() ? r.metadata.scenario_name
                                                                 : r.metadata.scenario_title;
  const double welfare_money = money(b.manifest, c.welfare_money);
  const double revenue_change = money(b.manifest, c.tariff_revenue_new - c.tariff_revenue_base);
  const std::string per_year = money.label + " a year";

  std::string on_date = r.metadata.scenario_date.empty() ? "" : " (measures in force on " + r.metadata.scenario_date + ")";
  out.sentences.push_back(fmt::format(
      "Under “{}”{}, real income in {} changes by {} ({} at base-year prices, exact welfare).",
      scenario, on_date, who, Percent(c.welfare_exact),
      std::isfinite(welfare_money) ? Money(welfare_money, per_year) : "its money value n/a"));
  out.sentences.push_back(fmt::format(
      "The added duties on {}'s goods imports average {} at base-year import weights ({} after "
      "trade shifts), and its tariff revenue changes by {}.",
      who, Rate(c.goods_duties.added_at_base_weights), Rate(c.goods_duties.added_after_shifts),
      Money(revenue_change, per_year)));
  const std::vector<std::size_t> partners = Partners(r, us);
  std::string third;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    const std::size_t n = partners[k];
    third += (k == 0 ? "" : (k + 1 == partners.size() ? " and " : ", ")) +
             fmt::format("{}'s by {}", NameOf(b, n), Percent(r.outcomes.countries[n].welfare_exact));
  }
  out.sentences.push_back(third.empty() ? "No other region is in the baseline."
                                        : "Real income changes " + third + ".");

  out.numbers.push_back({who + " welfare change (exact), %", Percent(c.welfare_exact)});
  out.numbers.push_back({who + " welfare change, " + per_year, Money(welfare_money, "")});
  out.numbers.push_back({who + " effective tariff on goods (added duties, base-year weights), %",
                         Rate(c.goods_duties.added_at_base_weights)});
  out.numbers.push_back({who + " tariff revenue change, " + per_year, Money(revenue_change, "")});
  std::string partner_label, partner_value;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    partner_label += (k == 0 ? "" : " / ") + NameOf(b, partners[k]);
    partner_value += (k == 0 ? "" : " / ") + Percent(r.outcomes.countries[partners[k]].welfare_exact);
  }
  if (!partners.empty()) out.numbers.push_back({partner_label + " welfare change (exact), %", partner_value});
  for (auto& n : out.numbers) {
    // Money(…, "") leaves a leading space where the unit would go.
    if (!n.value.empty() && n.value.front() == ' ') n.value.erase(0, 1);
  }
  return out;
}

}  // namespace ricardo::detail
