// Product weights and USMCA-qualifying shares for a compile date, pooled over the months the
// USMCA share method selects from the monthly US import data.
#pragma once

#include <string>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/derived_cache.hpp"
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

// US imports from one partner, pooled over `months`, sorted by code (lines with no value left
// out). Memoised in `products` (derived_cache.hpp): the same data for every compile on the
// same months.
DerivedCache::Pooled PooledImports(const ProductData& products, ProductData::Partner partner,
                                   const std::vector<std::size_t>& months);

}  // namespace ricardo::detail
