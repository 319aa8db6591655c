// The compiled tariff form: counterfactual tariffs t′ as a function of the measures' rates.
//
// Everything between a measure's statutory rate and the sector tariff t′ — which products a
// scope covers, which measures displace which, the content share each is charged on, USMCA
// shares, the product weights of a sector, the coverage of a sector without product weights —
// does not depend on the rates. So the compiler works it out once and writes t′ as
//
//   t′(n, i, j) = fixed(n, i, j) + Σ_terms weight · max(0, rate[measure] − threshold)
//
// `fixed` is the baseline tariff plus what measures charge at rates no edit can move (rates
// taken from the baseline). A term's `weight` is the share of the cell's trade charged at the
// measure's rate; `threshold` is 0 for an additional duty (rates are never negative, so the
// term is weight · rate) and the product's MFN rate for an all-in floor ("15% including MFN":
// the duty is max(0, 15% − MFN)). Terms are sorted by cell, then measure, then threshold, and
// Evaluate adds them in that order, so the same form and rates give the same bits wherever it
// runs: `ricardo run`, `scenario explain`, sensitivity runs and the server's slider edits all
// call it, and a rate edit evaluated on a kept form equals a fresh compile of the edited file.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ricardo/array.hpp"

namespace ricardo {

struct TariffTerm {
  std::uint32_t cell = 0;     // flat (importer, exporter, sector) index into an Array3
  std::uint32_t measure = 0;  // index of the measure in the scenario
  double weight = 0.0;        // share of the cell's trade charged at the measure's rate (< 0
                              // for what a reference date's measures charged: ChangeSince)
  double threshold = 0.0;     // charged max(0, rate − threshold); 0 for additional duties
  bool operator==(const TariffTerm&) const = default;
};

class TariffForm {
 public:
  TariffForm() = default;
  // `fixed` has the baseline's dimensions; terms in any order (they are sorted here).
  TariffForm(Array3 fixed, std::vector<TariffTerm> terms, std::size_t measure_count);

  // t′ for the measures' rates (one per measure of the scenario, in scenario order).
  // Throws ArgumentError if the count differs or a rate is negative or not finite.
  Array3 Evaluate(std::span<const double> rates) const;
  void EvaluateInto(std::span<const double> rates, Array3& tariff_rates) const;

  const Array3& fixed() const { return fixed_; }
  const std::vector<TariffTerm>& terms() const { return terms_; }
  std::size_t measure_count() const { return measure_count_; }
  // True for a change-since-reference form (ChangeSince): its negative terms can take a cell
  // below zero when an edit lowers a rate under what the reference date charged (the baseline's
  // tariffs do not carry the reference date's duties), so Evaluate floors each cell at 0.
  bool floors_at_zero() const { return floors_at_zero_; }

  bool operator==(const TariffForm&) const = default;

 private:
  Array3 fixed_;
  std::vector<TariffTerm> terms_;
  std::size_t measure_count_ = 0;
  bool floors_at_zero_ = false;

  friend TariffForm ChangeSince(const TariffForm&, const TariffForm&, const Array3&);
};

// The change in tariffs from a reference date to the compile date, as one form:
//   t′ = baseline + (on_date − baseline) − (on_reference − baseline)
// with the reference form's terms negated. Terms of the same cell, measure and threshold are
// added and dropped where they cancel exactly (a measure charged alike on both days), so a
// rate edit moves t′ only where the measure's charge changed between the two days.
// Both forms must come from the same scenario and baseline.
TariffForm ChangeSince(const TariffForm& on_date, const TariffForm& on_reference,
                       const Array3& baseline_rates);

}  // namespace ricardo
