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

// The product-level import weights of one importer-exporter pair, if it has any.
struct PairWeights {
  DerivedCache::Pooled lines;  // null: the pair has no product weights (sector mode)
  std::string description;     // where the weights come from, for the trace
};

// US imports from Canada and Mexico pooled over `months` (monthly data with USMCA-claimed
// values); for US imports from any other region, the product data's annual proxy weights
// (ProductData::ProxyWeights: 2024 values by GTAP sector and partner group, with a stated
// within-sector composition); none for other importers.
PairWeights WeightsFor(const ProductData& products, const Baseline& baseline, std::size_t importer,
                       std::size_t exporter, const std::vector<std::size_t>& months);

}  // namespace ricardo::detail
