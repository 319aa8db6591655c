// Stacking rules resolved to pairs of measures.
//
// A scenario states rules in two places: lists on a measure (replaces, replaced_by,
// replaces_on_content, stacks_with) and [[stacking]] tables, which may carry dates. Entries name
// a measure id or "@authority" (every other measure of that authority). Resolution turns all of
// them into directed pair rules, checks that every reference exists, and rejects contradictions
// (two rules of the same specificity for the same pair, on overlapping days, that disagree).
// A rule naming a measure by id takes precedence over one reaching it through "@authority".
//
// Scale: an "@ieepa" entry on each of M measures resolves to M × (M − 1) pair rules, so a pair
// rule is small (its entry, stored once however many pairs it reaches, is in
// ResolvedRules::entries) and the rules are reached through an index by pair, never by scanning
// them all. The number of measures and of pair rules is bounded (kMaxScenarioMeasures,
// kMaxStackingPairRules in ricardo/scenario.hpp; docs/scenarios.md, Limits).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ricardo/scenario.hpp"

namespace ricardo::detail {

class CompileClock;

// One entry as written, shared by every pair rule it resolves to: element `element` of list
// `list` of measure `owner` (list 0–3: replaces, replaced_by, replaces_on_content,
// stacks_with), or of [[stacking]] table `owner` (list kStackingTableList). Its position and
// text are made only for a message (EntryWhere, EntryWritten): an entry costs a few bytes
// however many pairs it reaches.
struct RuleEntry {
  std::uint32_t owner = 0;
  std::uint32_t element = 0;
  std::uint8_t list = 0;
};
inline constexpr std::uint8_t kStackingTableList = 4;

struct PairRule {
  StackingKind kind = StackingKind::kStacks;
  std::uint32_t first = 0;   // the measure that replaces / is charged on its content first
  std::uint32_t second = 0;  // the measure replaced / charged on the rest (either one for kStacks)
  std::optional<Date> from, to;
  bool via_selector = false;  // reached through "@authority"
  std::uint32_t entry = 0;    // index into ResolvedRules::entries

  bool InForce(const Date& date) const { return (!from || *from <= date) && (!to || date <= *to); }
};

// The rules grouped by unordered pair of measures: each group holds the indices of the rules of
// one pair, in the order the rules were resolved (the order that decides between equals).
class RuleIndex {
 public:
  RuleIndex() = default;
  explicit RuleIndex(const std::vector<PairRule>& rules);

  // The rules of the pair {a, b}, in resolution order.
  std::span<const std::uint32_t> Of(std::size_t a, std::size_t b) const;
  std::size_t group_count() const { return group_begin_.empty() ? 0 : group_begin_.size() - 1; }
  std::span<const std::uint32_t> Group(std::size_t g) const {
    return {order_.data() + group_begin_[g], order_.data() + group_begin_[g + 1]};
  }

 private:
  std::vector<std::uint64_t> keys_;         // per entry of order_: (min, max) packed, sorted
  std::vector<std::uint32_t> order_;        // rule indices sorted by pair, then index
  std::vector<std::uint32_t> group_begin_;  // start of each pair's run in order_, and the end
};

struct ResolvedRules {
  std::vector<PairRule> rules;
  std::vector<RuleEntry> entries;
  RuleIndex index;
};

// The position of a rule's entry in the scenario, and the entry as written: `replaces = ["b"]`,
// or with its [[stacking]] table `[[stacking]] measure = "a", replaces = ["@ieepa"]`.
Location EntryWhere(const Scenario& scenario, const RuleEntry& entry);
std::string EntryWritten(const Scenario& scenario, const RuleEntry& entry);

// The LimitError for a scenario of `measures` measures, more than kMaxScenarioMeasures, located
// at the first measure beyond the limit.
LimitError TooManyMeasures(const Location& first_beyond, std::size_t measures);

// Throws ScenarioError for an unknown reference, a measure naming itself, or a contradiction,
// located at the entry (from the measures' and rules' SourceRef positions); LimitError for more
// than kMaxScenarioMeasures measures or kMaxStackingPairRules pair rules, and when `clock`'s
// limit passes.
ResolvedRules ResolveRules(const Scenario& scenario, const CompileClock* clock = nullptr);

// The rule deciding, on `date`, between the two measures of `group` (rule indices of one pair
// in resolution order): the first in force, an id rule before any selector rule; nullptr if
// none.
const PairRule* DecidingRule(const std::vector<PairRule>& rules,
                             std::span<const std::uint32_t> group, const Date& date);

// For a date: the rule that decides how measures a and b combine, or nullptr if none does.
// Id rules win over selector rules; `a` and `b` may be given in either order.
const PairRule* RuleFor(const ResolvedRules& rules, std::size_t a, std::size_t b, const Date& date);

// Whether two measures can ever tax the same imports (same importer, an origin in common); the
// caller knows the baseline, the rules do not.
using MeasuresMeet = std::function<bool(std::size_t, std::size_t)>;

// Throws ScenarioError if, on some day, measures in force displace one another in a cycle: an
// edge A → B when the rule deciding A and B on that day lets A displace B, wholly (replaces) or
// on A's content (replaces_on_content), and A and B meet. Where every measure of such a cycle
// applies, each gives way to another and none is charged. The message lists each rule of the
// cycle with its location. Cost: one graph search per distinct start or end date of the
// measures and rules, each linear in the rules of the pairs that hold a displacing rule.
void CheckDisplacementCycles(const ResolvedRules& rules, const Scenario& scenario,
                             const MeasuresMeet& meet, const CompileClock* clock = nullptr);

// True if, for every day both measures are in force, some rule relates them. Sets *gap to the
// first uncovered day otherwise.
bool RulesCoverOverlap(const ResolvedRules& rules, const Scenario& s, std::size_t a, std::size_t b,
                       Date* gap);

}  // namespace ricardo::detail
