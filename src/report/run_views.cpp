#include "report/run_views.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double PercentChange(double base, double now) {
  if (base == 0.0) return kNaN;
  return 100.0 * (now / base - 1.0);
}

double ToCurrency(const Manifest& manifest, double money) {
  return money * manifest.money_unit;
}

MoneyDisplay ChooseMoneyDisplay(const std::vector<const RunResult*>& results) {
  double largest = 0.0;
  for (const RunResult* r : results)
    for (const auto& c : r->outcomes.countries)
      largest = std::max(largest, std::abs(ToCurrency(r->baseline.manifest, c.income_base)));
  const std::string prefix = results.empty() || results.front()->baseline.manifest.currency == "USD"
                                 ? "US$"
                                 : results.front()->baseline.manifest.currency;
  if (largest >= 1e10) return {1e9, prefix + " bn"};
  return {1e6, prefix + " m"};
}

MoneyDisplay ChooseMoneyDisplay(const RunResult& result) {
  return ChooseMoneyDisplay(std::vector<const RunResult*>{&result});
}

std::string CurrencySuffix(const Manifest& manifest) {
  std::string s = manifest.currency.empty() ? "usd" : manifest.currency;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::size_t RegionIndex(const Baseline& baseline, const std::string& code, const char* what) {
  if (const auto n = baseline.FindRegion(code)) return *n;
  std::string known;
  for (const auto& r : baseline.regions) known += (known.empty() ? "" : ", ") + r.code;
  throw ArgumentError(std::string("unknown ") + what + " '" + code + "' in baseline '" +
                          baseline.manifest.name + "'",
                      "use one of: " + known);
}

std::vector<std::size_t> FocusRegions(const Baseline& baseline,
                                      const std::vector<std::string>& requested) {
  std::vector<std::size_t> out;
  if (!requested.empty()) {
    for (const auto& code : requested) out.push_back(RegionIndex(baseline, code, "focus region"));
    return out;
  }
  for (const char* code : {"USA", "CAN", "MEX"}) {
    if (const auto n = baseline.FindRegion(code)) out.push_back(*n);
  }
  if (out.size() == 3) return out;
  out.clear();
  for (std::size_t n = 0; n < baseline.region_count(); ++n) out.push_back(n);
  return out;
}

std::vector<std::size_t> SectorRegions(const Baseline& baseline,
                                       const std::vector<std::string>& requested) {
  if (!requested.empty()) return FocusRegions(baseline, requested);
  std::vector<std::size_t> all(baseline.region_count());
  for (std::size_t n = 0; n < all.size(); ++n) all[n] = n;
  return all;
}

std::vector<std::size_t> PartnerImporters(const Baseline& baseline,
                                          const std::vector<std::string>& requested) {
  std::vector<std::size_t> out;
  for (const auto& code : requested) out.push_back(RegionIndex(baseline, code, "importer"));
  if (requested.empty()) {
    if (const auto usa = baseline.FindRegion("USA")) out.push_back(*usa);
  }
  // With a single partner every share is 100% before and after: nothing to show.
  if (baseline.region_count() < 3) out.clear();
  return out;
}

std::string AddedTariffBaseWeightsLabel(const Baseline& baseline) {
  const int year = baseline.manifest.year;
  return year > 0 ? fmt::format("at {} weights", year) : std::string("at base-year weights");
}

const GoodsDuties& PairGoodsDuties(const RunResult& r, std::size_t n, std::size_t i) {
  for (const PartnerImports& p : r.outcomes.imports_by_partner.at(n).partners) {
    if (p.exporter == i) return p.goods_duties;
  }
  throw InternalError(fmt::format("no imports_by_partner entry for {} from {}",
                                  r.baseline.regions[n].code, r.baseline.regions[i].code));
}

std::string MoneyPerYearLabel(const Baseline& baseline, const MoneyDisplay& money) {
  const int year = baseline.manifest.year;
  return year > 0 ? fmt::format("{}/yr at {} prices", money.label, year)
                  : money.label + "/yr at base-year prices";
}

AppliedTariff PairTariff(const RunResult& r, std::size_t n, std::size_t i) {
  return {PairTradeWeightedTariff(r.baseline.tariff_rates, r.outcomes.flows_base, n, i),
          PairTradeWeightedTariff(r.shock.tariff_rates, r.outcomes.flows_new, n, i)};
}

AppliedTariff SectorTariff(const RunResult& r, std::size_t n, std::size_t j) {
  double paid0 = 0, flow0 = 0, paid1 = 0, flow1 = 0;
  for (std::size_t i = 0; i < r.baseline.region_count(); ++i) {
    if (i == n) continue;
    paid0 += r.baseline.tariff_rates(n, i, j) * r.outcomes.flows_base(n, i, j);
    flow0 += r.outcomes.flows_base(n, i, j);
    paid1 += r.shock.tariff_rates(n, i, j) * r.outcomes.flows_new(n, i, j);
    flow1 += r.outcomes.flows_new(n, i, j);
  }
  return {flow0 > 0 ? paid0 / flow0 : kNaN, flow1 > 0 ? paid1 / flow1 : kNaN};
}

bool SectorHasTariffs(const RunResult& r, std::size_t j) {
  const std::size_t N = r.baseline.region_count();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      if (r.baseline.tariff_rates(n, i, j) != 0.0 || r.shock.tariff_rates(n, i, j) != 0.0)
        return true;
    }
  return false;
}

std::vector<SectorChange> LargestSectorChanges(const RunResult& r,
                                               const std::vector<std::size_t>& regions, int count,
                                               double min_output_share) {
  const Outcomes& o = r.outcomes;
  std::vector<SectorChange> all;
  for (std::size_t n : regions) {
    double total = 0.0;
    for (std::size_t j = 0; j < r.baseline.sector_count(); ++j) total += o.gross_output_base(n, j);
    for (std::size_t j = 0; j < r.baseline.sector_count(); ++j) {
      const double base = o.gross_output_base(n, j), now = o.gross_output_new(n, j);
      if (base <= 0.0 || base < min_output_share * total) continue;
      all.push_back({n, j, base, now, PercentChange(base, now)});
    }
  }
  // Ties broken by region then sector order so the list is the same on every machine.
  std::stable_sort(all.begin(), all.end(), [](const SectorChange& a, const SectorChange& b) {
    return std::abs(a.change_pct) > std::abs(b.change_pct);
  });
  if (count >= 0 && all.size() > static_cast<std::size_t>(count)) all.resize(count);
  return all;
}

}  // namespace ricardo::detail
