#include "report/key_results.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "fmt/format.h"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

std::string Percent(double fraction, int decimals = 2) {
  if (!std::isfinite(fraction)) return "n/a";
  const double pct = 100.0 * fraction;
  if (std::fabs(pct) < 0.5 * std::pow(10.0, -decimals))
    return fmt::format("{:.{}f}%", 0.0, decimals);
  return fmt::format("{:+.{}f}%", pct, decimals);
}

std::string Rate(double fraction) {
  return std::isfinite(fraction) ? fmt::format("{:.1f}%", 100.0 * fraction) : "n/a";
}

// "+201.3 US$ bn a year"; "n/a" for a value that is not finite.
std::string Money(double value, const std::string& unit) {
  if (!std::isfinite(value)) return "n/a";
  return fmt::format("{:+.1f}", value) + (unit.empty() ? "" : " " + unit);
}

std::string NameOf(const Baseline& b, std::size_t n) {
  return b.regions[n].name.empty() ? b.regions[n].code : b.regions[n].name;
}

// The name as it stands in a sentence: "the United States", "Canada".
std::string InSentence(const std::string& name) {
  for (const char* plural : {"United ", "Rest ", "European "})
    if (name.starts_with(plural)) return "the " + name;
  return name;
}

// Welfare in money: CountryOutcome::welfare_money, which a baseline without it leaves at 0 while
// the welfare change is not; shown as n/a then rather than as a false zero.
double WelfareMoney(const CountryOutcome& c) {
  if (c.welfare_money == 0.0 && c.welfare_exact != 0.0)
    return std::numeric_limits<double>::quiet_NaN();
  return c.welfare_money;
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
    return std::fabs(r.outcomes.countries[a].welfare_exact) >
           std::fabs(r.outcomes.countries[b].welfare_exact);
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
  const std::string who_in_sentence = InSentence(who);
  const std::string scenario =
      r.metadata.scenario_title.empty() ? r.metadata.scenario_name : r.metadata.scenario_title;
  const double welfare_money = money(b.manifest, WelfareMoney(c));
  const double revenue_change = money(b.manifest, c.tariff_revenue_new - c.tariff_revenue_base);
  const std::string per_year = money.label + " a year";

  std::string on_date = r.metadata.scenario_date.empty()
                            ? ""
                            : " (measures in force on " + r.metadata.scenario_date + ")";
  out.sentences.push_back(fmt::format(
      "Under “{}”{}, real income in {} changes by {} ({}; exact welfare).", scenario, on_date,
      who_in_sentence, Percent(c.welfare_exact),
      std::isfinite(welfare_money) ? Money(welfare_money, per_year) + " at base-year prices"
                                   : "in money: n/a"));
  out.sentences.push_back(fmt::format(
      "The added duties on the goods {} imports average {} at base-year import weights ({} after "
      "trade shifts), and the tariff revenue it collects changes by {}.",
      who_in_sentence, Rate(c.goods_duties.added_at_base_weights),
      Rate(c.goods_duties.added_after_shifts), Money(revenue_change, per_year)));
  const std::vector<std::size_t> partners = Partners(r, us);
  std::string third;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    const std::size_t n = partners[k];
    const std::string change = Percent(r.outcomes.countries[n].welfare_exact);
    if (k == 0) {
      std::string name = InSentence(NameOf(b, n));
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      third = fmt::format("{}'s real income changes by {}", name, change);
    } else {
      third += (k + 1 == partners.size() ? " and " : ", ") +
               fmt::format("{}'s by {}", InSentence(NameOf(b, n)), change);
    }
  }
  out.sentences.push_back(third.empty() ? "No other region is in the baseline." : third + ".");

  out.numbers.push_back({who + " welfare change (exact), %", Percent(c.welfare_exact)});
  out.numbers.push_back({who + " welfare change, " + per_year, Money(welfare_money, "")});
  out.numbers.push_back({who + " effective tariff on goods (added duties, base-year weights), %",
                         Rate(c.goods_duties.added_at_base_weights)});
  out.numbers.push_back({who + " tariff revenue change, " + per_year, Money(revenue_change, "")});
  std::string partner_label, partner_value;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    partner_label += (k == 0 ? "" : " / ") + NameOf(b, partners[k]);
    partner_value +=
        (k == 0 ? "" : " / ") + Percent(r.outcomes.countries[partners[k]].welfare_exact);
  }
  if (!partners.empty())
    out.numbers.push_back({partner_label + " welfare change (exact), %", partner_value});
  return out;
}

}  // namespace ricardo::detail
