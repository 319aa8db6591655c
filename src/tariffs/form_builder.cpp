#include "tariffs/compiler.hpp"

namespace ricardo::detail {

FormBuilder::FormBuilder(const Baseline& baseline, std::size_t measure_count)
    : regions_(baseline.region_count()),
      sectors_(baseline.sector_count()),
      measures_(measure_count),
      base_(baseline.tariff_rates) {}

void FormBuilder::Add(std::size_t cell, std::size_t measure, double weight, double threshold,
                      std::optional<double> fixed_rate) {
  if (weight == 0.0) return;
  if (fixed_rate) {
    fixed_[{cell, measure}] += weight * std::max(0.0, *fixed_rate - threshold);
  } else {
    terms_[{cell, measure, threshold}] += weight;
  }
}

TariffForm FormBuilder::Build() && {
  Array3 fixed = std::move(base_);
  for (const auto& [key, charge] : fixed_) fixed.data()[std::get<0>(key)] += charge;
  std::vector<TariffTerm> terms;
  terms.reserve(terms_.size());
  for (const auto& [key, weight] : terms_) {
    const auto [cell, measure, threshold] = key;
    terms.push_back(
        {static_cast<std::uint32_t>(cell), static_cast<std::uint32_t>(measure), weight, threshold});
  }
  return TariffForm(std::move(fixed), std::move(terms), measures_);
}

}  // namespace ricardo::detail
