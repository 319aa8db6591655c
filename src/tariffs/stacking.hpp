// The stacking engine: how the measures in force on one product combine.
//
// A product's value is split into its USMCA-qualifying share u and the rest. On each portion:
//  1. a measure is present unless it excludes qualifying goods (usmca = "excluded") and the
//     portion qualifies; on the qualifying portion a "duty-free" measure has rate 0 and a
//     "non-us-content" measure is charged on the non-US content only;
//  2. a present measure is displaced when another present measure replaces it;
//  3. each remaining measure is charged on its content share (1 for full value), less the
//     content shares of the measures that replace it on their content ("steel 232 on the steel
//     content, IEEPA on the rest");
//  4. the remaining charges add up.
// The product's rate is u · rate(qualifying) + (1 − u) · rate(rest).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/scenario_rules.hpp"

namespace ricardo::detail {

// One measure in force on the product, with its rate and content share for this product.
struct ActiveMeasure {
  std::size_t measure = 0;  // index in the scenario
  double rate = 0.0;        // statutory rate for this product
  double content = 1.0;     // share of value the rate is on
  UsmcaTreatment usmca = UsmcaTreatment::kNone;
  double us_content_share = 0.0;
};

// How a set of measures in force on a product stack on one portion (the USMCA-qualifying share
// or the rest), before any product's content shares or rates: which are present, which are
// displaced by which, and which take their content off another's base. Steps 1 and 2 of the
// header comment and the pairs of step 3; it depends only on the measures (their USMCA
// treatments and pair rules), so a compile works it out once per distinct set of measures.
struct PortionShape {
  std::vector<char> present;                  // per active measure
  std::vector<int> displaced_by;              // per active measure: index into the set, or -1
  std::vector<std::size_t> first_on_content;  // per active measure and one past the last:
  std::vector<std::size_t> on_content;        // measures [first_on_content[k],
                                              // first_on_content[k + 1]) of on_content take
                                              // their content off k's base, in index order
};

// For one compile date: the deciding rule of every pair of measures (row-major M × M: M is at
// most kMaxScenarioMeasures, so the table is at most 32 MB, filled from the rule index in one
// pass over the rules), and the portion shapes of the sets of measures met so far. One per
// compile: not for sharing between threads (Shape() fills a memo).
class RuleTable {
 public:
  RuleTable(const ResolvedRules& rules, std::size_t measures, const Date& date);
  // For rules made by hand (tests): indexes them first.
  RuleTable(const std::vector<PairRule>& rules, std::size_t measures, const Date& date);
  const PairRule* Get(std::size_t a, std::size_t b) const { return table_[a * n_ + b]; }

  // The shape of `active` (measures in `scenario`) on the qualifying portion or the rest,
  // worked out on first use. Throws ScenarioError if two present measures have no rule
  // (CheckScenario prevents this). The reference stays valid while the table lives.
  const PortionShape& Shape(const std::vector<ActiveMeasure>& active, bool qualifying,
                            const Scenario& scenario) const;

 private:
  RuleTable(const std::vector<PairRule>& rules, const RuleIndex& index, std::size_t measures,
            const Date& date);

  std::size_t n_;
  std::vector<const PairRule*> table_;
  struct KeyHash {
    std::size_t operator()(const std::vector<std::size_t>& key) const;
  };
  using Shapes = std::unordered_map<std::vector<std::size_t>, PortionShape, KeyHash>;
  // Keyed by the portion and each active measure's index and USMCA treatment. Elements stay
  // where they are when the table grows, so references to them stay valid.
  mutable Shapes shapes_;
  // The last entry used for each portion: neighbouring product lines mostly have the same
  // measures, and this spares the hash and the lookup.
  mutable const Shapes::value_type* last_[2] = {nullptr, nullptr};
  mutable std::vector<std::size_t> key_;  // scratch
};

struct StackedProduct {
  // Per active measure: the share of the product's value charged at its rate,
  // u · (qualifying base × USMCA factor) + (1 − u) · (base on the rest), each base counted only
  // where the measure is charged. The product's rate is Σ weights[k] · active[k].rate. Nothing
  // here depends on the rates: this is what the tariff form is made of.
  std::vector<double> weights;
  double rate = 0.0;             // Σ weights · rates: the additional rate, fraction of value
  std::vector<MeasureHit> hits;  // one per charged measure (with `trace`)
  std::vector<std::size_t> hit_index;  // measure index of each hit
  std::vector<std::string> displaced;  // "<id> (replaced by <id>)"
};

// Stacks the active measures of one product with USMCA-qualifying share `usmca_share`. The
// trace parts (hits, displaced) are filled when `trace` is set. Throws ScenarioError if two
// present measures have no rule (CheckScenario prevents this).
StackedProduct StackProduct(const std::vector<ActiveMeasure>& active, double usmca_share,
                            const RuleTable& rules, const Scenario& scenario, bool trace);

}  // namespace ricardo::detail
