#include "report/indicators.hpp"

#include <algorithm>
#include <cmath>

namespace ricardo::detail {

std::vector<Indicator> CountryIndicators(const MoneyDisplay& money, bool levels) {
  std::vector<Indicator> out;
  auto c = [](const RunResult& r, std::size_t n) -> const CountryOutcome& {
    return r.outcomes.countries[n];
  };
  out.push_back({"welfare", "Welfare, % change (exact real income)", true, 2,
                 [=](const RunResult& r, std::size_t n) { return 100.0 * c(r, n).welfare_exact; }});
  out.push_back(
      {"real_wage", "Real wage, % change", true, 2,
       [=](const RunResult& r, std::size_t n) { return 100.0 * c(r, n).real_wage_change; }});
  out.push_back({"exports", "Exports, % change", true, 2, [=](const RunResult& r, std::size_t n) {
                   return PercentChange(c(r, n).exports_base, c(r, n).exports_new);
                 }});
  out.push_back({"imports", "Imports, % change", true, 2, [=](const RunResult& r, std::size_t n) {
                   return PercentChange(c(r, n).imports_base, c(r, n).imports_new);
                 }});
  if (levels) {
    out.push_back({"tariff_revenue_new", "Tariff revenue after, " + money.label, false, 1,
                   [=](const RunResult& r, std::size_t n) {
                     return money(r.baseline.manifest, c(r, n).tariff_revenue_new);
                   }});
    // The one effective tariff (GoodsDuties), after shifts: the level a comparison shows.
    out.push_back({"effective_tariff_new",
                   std::string(kAddedTariffLabel) + ", " + kAddedTariffShiftsLabel, false, 2,
                   [=](const RunResult& r, std::size_t n) {
                     return 100.0 * c(r, n).goods_duties.added_after_shifts;
                   }});
  } else {
    out.push_back({"tariff_revenue", "Tariff revenue, % change", true, 2,
                   [=](const RunResult& r, std::size_t n) {
                     return PercentChange(c(r, n).tariff_revenue_base, c(r, n).tariff_revenue_new);
                   }});
  }
  return out;
}

std::vector<std::string> ColumnLetters(std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < count; ++k) {
    std::string s;
    for (std::size_t v = k + 1; v > 0; v = (v - 1) / 26)
      s.insert(s.begin(), char('A' + (v - 1) % 26));
    out.push_back(s);
  }
  return out;
}

namespace {

void AddExtraHeaders(TextTable& t, const std::vector<std::string>& labels, BlockExtra extra,
                     bool percent) {
  if (extra == BlockExtra::kDifferences) {
    for (std::size_t k = 1; k < labels.size(); ++k)
      t.headers.push_back(labels[k] + " − " + labels[0] + (percent ? " (pp)" : ""));
  } else {
    t.headers.push_back("min");
    t.headers.push_back("max");
  }
  t.align.resize(t.headers.size(), Align::kRight);
}

void AddExtraCells(std::vector<std::string>& row, const std::vector<double>& values,
                   BlockExtra extra, int decimals) {
  if (extra == BlockExtra::kDifferences) {
    for (std::size_t k = 1; k < values.size(); ++k)
      row.push_back(SignedFixed(values[k] - values[0], decimals));
  } else {
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    row.push_back(SignedFixed(lo, decimals));
    row.push_back(SignedFixed(hi, decimals));
  }
}

}  // namespace

TextTable IndicatorBlock(const Indicator& indicator, const std::vector<ComparedRun>& runs,
                         const std::vector<std::string>& labels, BlockExtra extra) {
  TextTable t;
  t.title = indicator.title;
  t.headers = {"Region"};
  t.align = {Align::kLeft};
  for (const auto& l : labels) t.headers.push_back(l);
  AddExtraHeaders(t, labels, extra, indicator.is_percent);
  const Baseline& b = runs.front().result.baseline;
  for (std::size_t n = 0; n < b.region_count(); ++n) {
    std::vector<std::string> row = {b.regions[n].code};
    std::vector<double> values;
    for (const auto& run : runs) {
      values.push_back(indicator.value(run.result, n));
      row.push_back(indicator.is_percent ? SignedFixed(values.back(), indicator.decimals)
                                         : Fixed(values.back(), indicator.decimals));
    }
    AddExtraCells(row, values, extra, indicator.decimals);
    t.AddRow(std::move(row));
  }
  return t;
}

TextTable BilateralBlock(const std::vector<ComparedRun>& runs,
                         const std::vector<std::string>& labels,
                         const std::vector<std::size_t>& focus, BlockExtra extra) {
  TextTable t;
  t.title = "Bilateral imports, % change (net of tariffs, all sectors)";
  t.headers = {"Importer", "Exporter"};
  t.align = {Align::kLeft, Align::kLeft};
  for (const auto& l : labels) t.headers.push_back(l);
  AddExtraHeaders(t, labels, extra, true);
  const Baseline& b = runs.front().result.baseline;
  for (std::size_t n : focus)
    for (std::size_t i : focus) {
      if (i == n) continue;
      std::vector<std::string> row = {b.regions[n].code, b.regions[i].code};
      std::vector<double> values;
      for (const auto& run : runs) {
        const Outcomes& o = run.result.outcomes;
        values.push_back(PercentChange(o.BilateralImportsBase(n, i), o.BilateralImportsNew(n, i)));
        row.push_back(SignedFixed(values.back(), 2));
      }
      AddExtraCells(row, values, extra, 2);
      t.AddRow(std::move(row));
    }
  return t;
}

}  // namespace ricardo::detail
