// The key results at the top of the HTML report: three sentences and five numbers, generated
// from the run (never typed), so that a reader gets the answer before the tables.
#pragma once

#include <string>
#include <vector>

#include "ricardo/run.hpp"

namespace ricardo::detail {

struct KeyNumber {
  std::string label;  // what it is, with its unit: "US welfare change (exact), %"
  std::string value;  // formatted; "n/a" when it cannot be computed (e.g. NaN)
};

struct KeyResults {
  std::vector<std::string> sentences;  // three
  std::vector<KeyNumber> numbers;      // five
};

// About the USA (or, in a baseline without it, the region of largest base-year income) and its
// two North American partners (else the two other regions whose welfare changes most): its exact
// welfare change in % and money, its effective tariff on goods (added duties at base weights),
// the change in its tariff revenue, the partners' welfare changes.
KeyResults BuildKeyResults(const RunResult& result);

}  // namespace ricardo::detail
