#include "tariffs/import_weights.hpp"

#include <algorithm>
#include <map>

#include "fmt/format.h"

namespace ricardo::detail {

MonthChoice ChooseMonths(const ProductData& products, const Date& date, UsmcaShareMethod method) {
  MonthChoice out;
  const auto& months = products.months();
  if (months.empty()) return out;
  auto index_of = [&](int year, int month) -> long {
    const std::string key = fmt::format("{:04d}-{:02d}", year, month);
    const auto it = std::find(months.begin(), months.end(), key);
    return it == months.end() ? -1 : static_cast<long>(it - months.begin());
  };
  std::vector<std::pair<int, int>> wanted;
  switch (method) {
    case UsmcaShareMethod::kRolling3Month:
      for (int back = 2; back >= 0; --back) {
        int y = date.year, m = date.month - back;
        if (m <= 0) m += 12, --y;
        wanted.emplace_back(y, m);
      }
      break;
    case UsmcaShareMethod::kMonth:
      wanted.emplace_back(date.year, date.month);
      break;
    case UsmcaShareMethod::kSecondHalf2025:
      for (int m = 7; m <= 12; ++m) wanted.emplace_back(2025, m);
      break;
  }
  for (auto [y, m] : wanted) {
    const long k = index_of(y, m);
    if (k >= 0) out.months.push_back(static_cast<std::size_t>(k));
  }
  if (out.months.empty()) {
    // Outside the data: the same number of months at the nearer end.
    const std::string first = months.front(), last = months.back();
    const std::string want = fmt::format("{:04d}-{:02d}", wanted.back().first, wanted.back().second);
    const std::size_t count = std::min(wanted.size(), months.size());
    if (want > last) {
      for (std::size_t k = months.size() - count; k < months.size(); ++k) out.months.push_back(k);
    } else {
      for (std::size_t k = 0; k < count; ++k) out.months.push_back(k);
    }
    out.notes.push_back(fmt::format(
        "the US import data cover {} to {}; for {} the {} nearest month(s) were used ({} to {})",
        first, last, date.ToString(), count, months[out.months.front()], months[out.months.back()]));
  } else if (out.months.size() < wanted.size()) {
    out.notes.push_back(fmt::format("only {} of the {} months the method asks for are in the US import "
                                    "data ({} to {})",
                                    out.months.size(), wanted.size(), months[out.months.front()],
                                    months[out.months.back()]));
  }
  return out;
}

std::vector<WeightedProduct> PooledImports(const ProductData& products, ProductData::Partner partner,
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

}  // namespace ricardo::detail
