#include "ricardo/tariff_form.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo {

TariffForm::TariffForm(Array3 fixed, std::vector<TariffTerm> terms, std::size_t measure_count)
    : fixed_(std::move(fixed)), terms_(std::move(terms)), measure_count_(measure_count) {
  for (const TariffTerm& t : terms_) {
    if (t.cell >= fixed_.size() || t.measure >= measure_count_) {
      throw ArgumentError(fmt::format(
          "tariff term for cell {} and measure {} is out of range ({} cells, {} measures)", t.cell,
          t.measure, fixed_.size(), measure_count_));
    }
  }
  std::sort(terms_.begin(), terms_.end(), [](const TariffTerm& a, const TariffTerm& b) {
    return std::tie(a.cell, a.measure, a.threshold) < std::tie(b.cell, b.measure, b.threshold);
  });
}

Array3 TariffForm::Evaluate(std::span<const double> rates) const {
  Array3 out;
  EvaluateInto(rates, out);
  return out;
}

void TariffForm::EvaluateInto(std::span<const double> rates, Array3& tariff_rates) const {
  if (rates.size() != measure_count_) {
    throw ArgumentError(fmt::format("{} measure rates given for a form of {} measures",
                                    rates.size(), measure_count_),
                        "give one rate per measure of the scenario, in scenario order");
  }
  for (std::size_t k = 0; k < rates.size(); ++k) {
    if (!std::isfinite(rates[k]) || rates[k] < 0.0) {
      throw ArgumentError(fmt::format("rate {} of measure {} is not a rate", rates[k], k),
                          "rates are non-negative fractions (0.25 = 25%)");
    }
  }
  tariff_rates = fixed_;
  double* t = tariff_rates.data();
  for (const TariffTerm& term : terms_) {
    t[term.cell] += term.weight * std::max(0.0, rates[term.measure] - term.threshold);
  }
  if (floors_at_zero_) {
    for (std::size_t c = 0; c < tariff_rates.size(); ++c) t[c] = std::max(0.0, t[c]);
  }
}

TariffForm ChangeSince(const TariffForm& on_date, const TariffForm& on_reference,
                       const Array3& baseline_rates) {
  const Array3& a = on_date.fixed();
  const Array3& b = on_reference.fixed();
  if (a.size() != b.size() || a.size() != baseline_rates.size() ||
      on_date.measure_count() != on_reference.measure_count()) {
    throw ArgumentError("the two tariff forms of a reference-date compile differ in shape");
  }
  Array3 fixed = a;
  for (std::size_t c = 0; c < fixed.size(); ++c)
    fixed.data()[c] -= b.data()[c] - baseline_rates.data()[c];
  std::vector<TariffTerm> terms = on_date.terms();
  for (TariffTerm t : on_reference.terms()) {
    t.weight = -t.weight;
    terms.push_back(t);
  }
  std::stable_sort(terms.begin(), terms.end(), [](const TariffTerm& x, const TariffTerm& y) {
    return std::tie(x.cell, x.measure, x.threshold) < std::tie(y.cell, y.measure, y.threshold);
  });
  std::vector<TariffTerm> merged;
  for (const TariffTerm& t : terms) {
    if (!merged.empty() && merged.back().cell == t.cell && merged.back().measure == t.measure &&
        merged.back().threshold == t.threshold) {
      merged.back().weight += t.weight;
    } else {
      merged.push_back(t);
    }
  }
  std::erase_if(merged, [](const TariffTerm& t) { return t.weight == 0.0; });
  TariffForm out(std::move(fixed), std::move(merged), on_date.measure_count());
  out.floors_at_zero_ = true;
  return out;
}

}  // namespace ricardo
