// Product weights and USMCA-qualifying shares for a compile date, pooled over the months the
// USMCA share method selects from the monthly US import data.
#pragma once

#include <string>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo::detail {

struct MonthChoice {
  std::vector<std::size_t> months;  // indices into ProductData::months()
  std::vector<std::string> notes;
};

// The months for a date: the compile month and the two before (rolling), the month alone, or
// July–December 2025. Months outside the data are replaced by the nearest available ones,
// with a note.
MonthChoice ChooseMonths(const ProductData& products, const Date& date, UsmcaShareMethod method);

struct WeightedProduct {
  std::uint32_t code = 0;
  double value_usd = 0.0;    // summed over the months
  double usmca_share = 0.0;  // Σ usmca / Σ value over the months
};

// US imports from one partner, pooled over `months`, largest first is not guaranteed (sorted by
// code).
std::vector<WeightedProduct> PooledImports(const ProductData& products, ProductData::Partner partner,
                                           const std::vector<std::size_t>& months);

}  // namespace ricardo::detail
