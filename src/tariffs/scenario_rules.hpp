// Stacking rules resolved to pairs of measures.
//
// A scenario states rules in two places: lists on a measure (replaces, replaced_by,
// replaces_on_content, stacks_with) and [[stacking]] tables, which may carry dates. Entries name
// a measure id or "@authority" (every other measure of that authority). Resolution turns all of
// them into directed pair rules, checks that every reference exists, and rejects contradictions
// (two rules of the same specificity for the same pair, on overlapping days, that disagree).
// A rule naming a measure by id takes precedence over one reaching it through "@authority".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/scenario.hpp"

namespace ricardo::detail {

struct PairRule {
  StackingKind kind = StackingKind::kStacks;
  std::size_t first = 0;   // the measure that replaces / is charged on its content first
  std::size_t second = 0;  // the measure replaced / charged on the rest (either one for kStacks)
  std::optional<Date> from, to;
  bool via_selector = false;  // reached through "@authority"
  Location where;
  std::string note;
  // The entry as written, for messages: `replaces = ["b"]`, or with its [[stacking]] table
  // `[[stacking]] measure = "a", replaces = ["@ieepa"]`.
  std::string written;

  bool InForce(const Date& date) const { return (!from || *from <= date) && (!to || date <= *to); }
};

// Throws ScenarioError for an unknown reference, a measure naming itself, or a contradiction,
// located at the entry (from the measures' and rules' SourceRef positions).
std::vector<PairRule> ResolveRules(const Scenario& scenario);

// For a date: the rule that decides how measures a and b combine, or nullptr if none does.
// Id rules win over selector rules; `a` and `b` may be given in either order.
const PairRule* RuleFor(const std::vector<PairRule>& rules, std::size_t a, std::size_t b,
                        const Date& date);

// Whether two measures can ever tax the same imports (same importer, an origin in common); the
// caller knows the baseline, the rules do not.
using MeasuresMeet = std::function<bool(std::size_t, std::size_t)>;

// Throws ScenarioError if, on some day, measures in force displace one another in a cycle: an
// edge A → B when the rule deciding A and B on that day lets A displace B, wholly (replaces) or
// on A's content (replaces_on_content), and A and B meet. Where every measure of such a cycle
// applies, each gives way to another and none is charged. The message lists each rule of the
// cycle with its location. Cost: one graph search per distinct start or end date of the
// measures and rules, each linear in the rules.
void CheckDisplacementCycles(const std::vector<PairRule>& rules, const Scenario& scenario,
                             const MeasuresMeet& meet);

// True if, for every day both measures are in force, some rule relates them. Sets *gap to the
// first uncovered day otherwise.
bool RulesCoverOverlap(const std::vector<PairRule>& rules, const Scenario& scenario, std::size_t a,
                       std::size_t b, Date* gap);

}  // namespace ricardo::detail
