#include "tariffs/import_weights.hpp"

#include <algorithm>
#include <map>

#include "fmt/format.h"

namespace ricardo::detail {

MonthChoice ChooseMonths(const ProductData& products, const Date& date, UsmcaShareMethod method) {
  MonthChoice out;
  const auto& months = products.months();
  if (months.empty()) return out;
  auto key = [](int year, int month) { return fmt::format("{:04d}-{:02d}", year, month); };
  std::vector<std::string> wanted;
  switch (method) {
    case UsmcaShareMethod::kRolling3Month:
      for (int back = 2; back >= 0; --back) {
        int y = date.year, m = date.month - back;
        if (m <= 0) m += 12, --y;
        wanted.push_back(key(y, m));
      }
      break;
    case UsmcaShareMethod::kMonth: wanted.push_back(key(date.year, date.month)); break;
    case UsmcaShareMethod::kSecondHalf2025:
      for (int m = 7; m <= 12; ++m) wanted.push_back(key(2025, m));
      break;
  }
  // A window reaching past either end of the data slides back inside it, keeping its length
  // (the data are monthly and contiguous).
  const std::size_t count = std::min(wanted.size(), months.size());
  long last = static_cast<long>(std::upper_bound(months.begin(), months.end(), wanted.back()) -
                                months.begin()) -
              1;
  if (wanted.back() > months.back()) last = static_cast<long>(months.size()) - 1;
  if (last < static_cast<long>(count) - 1) last = static_cast<long>(count) - 1;
  for (long k = last - static_cast<long>(count) + 1; k <= last; ++k)
    out.months.push_back(static_cast<std::size_t>(k));
  std::vector<std::string> used;
  for (std::size_t k : out.months) used.push_back(months[k]);
  if (used != wanted) {
    out.notes.push_back(
        fmt::format("the US import data cover {} to {}; {} for {} asks for {}, so {} were used",
                    months.front(), months.back(), ToString(method), date.ToString(),
                    fmt::join(wanted, ", "), fmt::join(used, ", ")));
  }
  return out;
}

namespace {

std::vector<WeightedProduct> SumMonths(const ProductData& products, ProductData::Partner partner,
                                       const std::vector<std::size_t>& months) {
  std::map<std::uint32_t, std::pair<double, double>> sums;
  for (std::size_t m : months) {
    for (const auto& line : products.Imports(partner, m)) {
      auto& s = sums[line.code];
      s.first += line.value_usd;
      s.second += line.usmca_usd;
    }
  }
  std::vector<WeightedProduct> out;
  out.reserve(sums.size());
  for (const auto& [code, s] : sums) {
    if (s.first <= 0.0) continue;
    out.push_back({code, s.first, std::min(1.0, s.second / s.first)});
  }
  return out;
}

}  // namespace

DerivedCache::Pooled PooledImports(const ProductData& products, ProductData::Partner partner,
                                   const std::vector<std::size_t>& months) {
  return products.derived_cache().PooledImports(
      partner, months, [&] { return SumMonths(products, partner, months); });
}

PairWeights WeightsFor(const ProductData& products, const Baseline& baseline, std::size_t importer,
                       std::size_t exporter, const std::vector<std::size_t>& months) {
  PairWeights out;
  if (baseline.regions[importer].code != "USA") return out;
  const std::string& partner = baseline.regions[exporter].code;
  if (partner == "CAN" || partner == "MEX") {
    if (!months.empty()) {
      out.lines = PooledImports(
          products, partner == "CAN" ? ProductData::kCanada : ProductData::kMexico, months);
    }
    return out;
  }
  std::vector<std::string> regions;
  for (const Region& r : baseline.regions) regions.push_back(r.code);
  if (const auto proxy = products.ProxyWeights(partner, regions)) {
    out.lines = DerivedCache::Pooled(proxy, &proxy->lines);
    out.description = proxy->description;
  }
  return out;
}

}  // namespace ricardo::detail
