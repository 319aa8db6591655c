#include "tariffs/scenario_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "core/suggest.hpp"
#include "fmt/format.h"
#include "tariffs/compile_clock.hpp"

namespace ricardo::detail {
namespace {

bool WindowsOverlap(const std::optional<Date>& f1, const std::optional<Date>& t1,
                    const std::optional<Date>& f2, const std::optional<Date>& t2) {
  const bool starts_before_end2 = !f1 || !t2 || *f1 <= *t2;
  const bool starts2_before_end = !f2 || !t1 || *f2 <= *t1;
  return starts_before_end2 && starts2_before_end;
}

std::string Describe(const PairRule& r, const Scenario& s) {
  const std::string& a = s.measures[r.first].id;
  const std::string& b = s.measures[r.second].id;
  switch (r.kind) {
    case StackingKind::kReplaces: return fmt::format("'{}' replaces '{}'", a, b);
    case StackingKind::kReplacesOnContent:
      return fmt::format("'{}' replaces '{}' on its content", a, b);
    case StackingKind::kStacks: return fmt::format("'{}' stacks with '{}'", a, b);
  }
  return {};
}

bool SameMeaning(const PairRule& x, const PairRule& y) {
  if (x.kind != y.kind) return false;
  if (x.kind == StackingKind::kStacks) return true;
  return x.first == y.first && x.second == y.second;
}

Date NextDay(Date d) {
  ++d.day;
  if (!d.IsValid()) {
    d.day = 1;
    if (++d.month > 12) d.month = 1, ++d.year;
  }
  return d;
}

bool Displaces(const PairRule& r) {
  return r.kind == StackingKind::kReplaces || r.kind == StackingKind::kReplacesOnContent;
}

constexpr const char* kListKeys[] = {"replaces", "replaced_by", "replaces_on_content",
                                     "stacks_with"};

const char* StackingKey(StackingKind kind) {
  return kind == StackingKind::kReplaces            ? "replaces"
         : kind == StackingKind::kReplacesOnContent ? "replaces_on_content"
                                                    : "stacks_with";
}

const std::vector<std::string>& MeasureList(const Measure& m, std::uint8_t list) {
  switch (list) {
    case 0: return m.replaces;
    case 1: return m.replaced_by;
    case 2: return m.replaces_on_content;
    default: return m.stacks_with;
  }
}

std::uint64_t PairKey(std::size_t a, std::size_t b) {
  return (static_cast<std::uint64_t>(std::min(a, b)) << 32) |
         static_cast<std::uint64_t>(std::max(a, b));
}

// `cycle` holds the rules of the cycle in order: cycle[i]->second == cycle[i + 1]->first.
ScenarioError CycleError(const std::vector<const PairRule*>& cycle, const ResolvedRules& rules,
                         const Scenario& s, const std::optional<Date>& day) {
  std::vector<std::string> ids, written;
  for (const PairRule* r : cycle) {
    const RuleEntry& entry = rules.entries[r->entry];
    ids.push_back(fmt::format("'{}'", s.measures[r->first].id));
    written.push_back(
        fmt::format("{} {}", EntryWhere(s, entry).ToString(), EntryWritten(s, entry)));
  }
  ids.push_back(ids.front());
  Location where = EntryWhere(s, rules.entries[cycle.front()->entry]);
  where.field.clear();  // the rules are listed with their positions
  return ScenarioError(
      where,
      fmt::format(
          "measures {} replace each other in a cycle ({}): where all of them apply{}, each is "
          "displaced by another and none is charged",
          fmt::join(ids, " → "), fmt::join(written, ", "),
          day ? fmt::format(" on {}", day->ToString()) : std::string()),
      "remove one of these rules or make it stacks_with; replaces and replaces_on_content must "
      "point "
      "one way between measures that apply together");
}

// Whether rules x and y (x resolved after y, same pair) contradict each other.
bool Contradict(const PairRule& a, const PairRule& b) {
  if (a.via_selector != b.via_selector || SameMeaning(a, b)) return false;
  if (!WindowsOverlap(a.from, a.to, b.from, b.to)) return false;
  // Two measures displacing each other are the shortest cycle: CheckDisplacementCycles
  // reports it, where the measures are in force together and meet.
  return !(Displaces(a) && Displaces(b) && a.first == b.second);
}

// Contradictions: same specificity, same pair, overlapping days, different meaning. Reported
// as a scan of all rules in order would find it first (the smallest later rule, then the
// smallest earlier one), but only rules of the same pair are compared.
void CheckContradictions(const ResolvedRules& r, const Scenario& s, const CompileClock* clock) {
  std::size_t best_x = r.rules.size(), best_y = 0;
  for (std::size_t g = 0; g < r.index.group_count(); ++g) {
    const auto group = r.index.Group(g);
    for (std::size_t x = 1; x < group.size() && group[x] < best_x; ++x) {
      if (clock) clock->Check();
      for (std::size_t y = 0; y < x; ++y) {
        if (!Contradict(r.rules[group[x]], r.rules[group[y]])) continue;
        best_x = group[x];
        best_y = group[y];
        break;
      }
    }
  }
  if (best_x == r.rules.size()) return;
  const PairRule& a = r.rules[best_x];
  const PairRule& b = r.rules[best_y];
  throw ScenarioError(
      EntryWhere(s, r.entries[a.entry]),
      fmt::format("stacking rules contradict each other: {} here, but {} at {}", Describe(a, s),
                  Describe(b, s), EntryWhere(s, r.entries[b.entry]).ToString()),
      "keep one rule per pair of measures, or give them dates that do not overlap");
}

}  // namespace

RuleIndex::RuleIndex(const std::vector<PairRule>& rules) {
  // Two stable counting sorts (by the larger measure, then by the smaller) order the rules by
  // pair and, within a pair, by index: linear in the rules and measures, where a comparison sort
  // of millions of rules was a fifth of a check.
  // The digits are gathered once into arrays of their own: read through the rules, each pass
  // would stride over 50-byte records.
  const std::size_t count = rules.size();
  std::vector<std::uint32_t> lo(count), hi(count);
  std::size_t measures = 0;
  for (std::size_t r = 0; r < count; ++r) {
    lo[r] = std::min(rules[r].first, rules[r].second);
    hi[r] = std::max(rules[r].first, rules[r].second);
    measures = std::max<std::size_t>(measures, hi[r] + 1);
  }
  auto counting_sort = [&](const std::vector<std::uint32_t>& in,
                           const std::vector<std::uint32_t>& digit) {
    std::vector<std::uint32_t> start(measures + 1, 0);
    for (std::uint32_t x : in) ++start[digit[x] + 1];
    for (std::size_t m = 0; m < measures; ++m) start[m + 1] += start[m];
    std::vector<std::uint32_t> out(in.size());
    for (std::uint32_t x : in) out[start[digit[x]]++] = x;
    return out;
  };
  std::vector<std::uint32_t> by_index(count);
  for (std::size_t r = 0; r < count; ++r) by_index[r] = static_cast<std::uint32_t>(r);
  order_ = counting_sort(counting_sort(by_index, hi), lo);
  keys_.reserve(order_.size());
  for (std::size_t e = 0; e < order_.size(); ++e) {
    keys_.push_back((static_cast<std::uint64_t>(lo[order_[e]]) << 32) | hi[order_[e]]);
    if (e == 0 || keys_[e] != keys_[e - 1]) group_begin_.push_back(static_cast<std::uint32_t>(e));
  }
  group_begin_.push_back(static_cast<std::uint32_t>(order_.size()));
}

std::span<const std::uint32_t> RuleIndex::Of(std::size_t a, std::size_t b) const {
  const auto [lo, hi] = std::equal_range(keys_.begin(), keys_.end(), PairKey(a, b));
  return {order_.data() + (lo - keys_.begin()), order_.data() + (hi - keys_.begin())};
}

Location EntryWhere(const Scenario& s, const RuleEntry& entry) {
  if (entry.list == kStackingTableList) {
    const StackingRule& rule = s.stacking[entry.owner];
    return rule.source.At(fmt::format("{}[{}]", StackingKey(rule.kind), entry.element));
  }
  return s.measures[entry.owner].source.At(
      fmt::format("{}[{}]", kListKeys[entry.list], entry.element));
}

std::string EntryWritten(const Scenario& s, const RuleEntry& entry) {
  if (entry.list == kStackingTableList) {
    const StackingRule& rule = s.stacking[entry.owner];
    return fmt::format("[[stacking]] measure = \"{}\", {} = [\"{}\"]", rule.measure,
                       StackingKey(rule.kind), rule.others[entry.element]);
  }
  const Measure& m = s.measures[entry.owner];
  return fmt::format("{} = [\"{}\"]", kListKeys[entry.list],
                     MeasureList(m, entry.list)[entry.element]);
}

LimitError TooManyMeasures(const Location& first_beyond, std::size_t measures) {
  return LimitError(
      first_beyond,
      fmt::format("the scenario has {} measures; the limit is {} measures per scenario", measures,
                  kMaxScenarioMeasures),
      "merge measures that differ only in their origins or products (one measure takes a list "
      "of origins and a scope of many products), or split the scenario (docs/scenarios.md, "
      "Limits)");
}

ResolvedRules ResolveRules(const Scenario& s, const CompileClock* clock) {
  const std::size_t M = s.measures.size();
  if (M > kMaxScenarioMeasures)
    throw TooManyMeasures(s.measures[kMaxScenarioMeasures].source.where, M);
  std::vector<std::string> ids;
  std::unordered_map<std::string_view, std::uint32_t> index_of;  // id → first measure with it
  std::vector<std::vector<std::uint32_t>> of_authority;          // by Authority value
  ids.reserve(M);
  for (std::size_t k = 0; k < M; ++k) {
    const Measure& m = s.measures[k];
    ids.push_back(m.id);
    index_of.emplace(m.id, static_cast<std::uint32_t>(k));
    const auto a = static_cast<std::size_t>(m.authority);
    if (of_authority.size() <= a) of_authority.resize(a + 1);
    of_authority[a].push_back(static_cast<std::uint32_t>(k));
  }
  ResolvedRules out;
  std::vector<PairRule>& rules = out.rules;

  // Expands one entry into the measure indices it names.
  std::vector<std::uint32_t> named;
  auto expand = [&](const std::string& entry, std::size_t self, const Location& where,
                    const std::string& key) {
    named.clear();
    if (!entry.empty() && entry[0] == '@') {
      const auto authority = ParseAuthority(entry.substr(1));
      if (!authority) {
        std::vector<std::string> names;
        for (Authority a : {Authority::kMfn, Authority::kSection232, Authority::kIeepa,
                            Authority::kSection122, Authority::kSection301, Authority::kSection201,
                            Authority::kAdCvd, Authority::kSurtax, Authority::kOther}) {
          names.push_back(std::string("@") + ToString(a));
        }
        throw ScenarioError(
            where, fmt::format("unknown authority '{}' in {}", entry, key),
            DidYouMeanOr(entry, names, fmt::format("use one of {}", fmt::join(names, ", "))));
      }
      const auto a = static_cast<std::size_t>(*authority);
      if (a < of_authority.size()) {
        for (std::uint32_t k : of_authority[a]) {
          if (k != self) named.push_back(k);
        }
      }
      return;
    }
    const auto it = index_of.find(entry);
    if (it == index_of.end()) {
      throw ScenarioError(
          where, fmt::format("unknown measure '{}' in {}", entry, key),
          DidYouMeanOr(entry, ids, "name a measure id of this scenario, or @authority"));
    }
    if (it->second == self) {
      throw ScenarioError(where, fmt::format("measure '{}' names itself in {}", entry, key));
    }
    named.push_back(it->second);
  };
  // Refuses an entry that would take the pair rules past their limit, before they are made.
  auto make_room = [&](const Location& where, const std::string& written) {
    if (rules.size() + named.size() <= kMaxStackingPairRules) return;
    throw LimitError(
        where,
        fmt::format("the stacking rules resolve to more than {} measure pairs (up to this entry, "
                    "{}, which reaches {} measures); the limit is {} pair rules per scenario",
                    kMaxStackingPairRules, written, named.size(), kMaxStackingPairRules),
        "name each pair of measures once (an @authority entry on one side of a pair is enough), "
        "or merge measures that stack alike into one (docs/scenarios.md, Limits)");
  };

  for (std::size_t k = 0; k < M; ++k) {
    const Measure& m = s.measures[k];
    for (std::uint8_t list = 0; list < 4; ++list) {
      const std::vector<std::string>& entries = MeasureList(m, list);
      const char* key = kListKeys[list];
      for (std::size_t e = 0; e < entries.size(); ++e) {
        if (clock) clock->Check();
        const RuleEntry entry{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(e), list};
        const std::string& text = entries[e];
        const bool selector = !text.empty() && text[0] == '@';
        // The position is looked up only when needed: it is a map lookup with a formatted key.
        if (selector || index_of.find(text) == index_of.end() || index_of.find(text)->second == k) {
          expand(text, k, EntryWhere(s, entry), key);
        } else {
          named.assign(1, index_of.find(text)->second);
        }
        if (rules.size() + named.size() > kMaxStackingPairRules)
          make_room(EntryWhere(s, entry), EntryWritten(s, entry));
        const auto entry_index = static_cast<std::uint32_t>(out.entries.size());
        out.entries.push_back(entry);
        const auto self = static_cast<std::uint32_t>(k);
        for (std::uint32_t other : named) {
          switch (list) {
            case 0:
              rules.push_back(
                  {StackingKind::kReplaces, self, other, {}, {}, selector, entry_index});
              break;
            case 1:
              rules.push_back(
                  {StackingKind::kReplaces, other, self, {}, {}, selector, entry_index});
              break;
            case 2:
              rules.push_back(
                  {StackingKind::kReplacesOnContent, self, other, {}, {}, selector, entry_index});
              break;
            default:
              rules.push_back({StackingKind::kStacks, self, other, {}, {}, selector, entry_index});
              break;
          }
        }
      }
    }
  }
  for (std::size_t r = 0; r < s.stacking.size(); ++r) {
    const StackingRule& rule = s.stacking[r];
    const auto it = index_of.find(rule.measure);
    if (it == index_of.end()) {
      throw ScenarioError(rule.source.At("measure"),
                          fmt::format("unknown measure '{}' in [[stacking]]", rule.measure),
                          DidYouMeanOr(rule.measure, ids, "name a measure id of this scenario"));
    }
    const std::uint32_t k = it->second;
    for (std::size_t e = 0; e < rule.others.size(); ++e) {
      if (clock) clock->Check();
      const RuleEntry entry{static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(e),
                            kStackingTableList};
      const bool selector = !rule.others[e].empty() && rule.others[e][0] == '@';
      expand(rule.others[e], k, EntryWhere(s, entry), ToString(rule.kind));
      if (rules.size() + named.size() > kMaxStackingPairRules)
        make_room(EntryWhere(s, entry), EntryWritten(s, entry));
      const auto entry_index = static_cast<std::uint32_t>(out.entries.size());
      out.entries.push_back(entry);
      for (std::uint32_t other : named) {
        rules.push_back({rule.kind, k, other, rule.from, rule.to, selector, entry_index});
      }
    }
  }
  out.index = RuleIndex(rules);
  CheckContradictions(out, s, clock);
  return out;
}

const PairRule* DecidingRule(const std::vector<PairRule>& rules,
                             std::span<const std::uint32_t> group, const Date& date) {
  const PairRule* selected = nullptr;
  for (std::uint32_t x : group) {
    const PairRule& r = rules[x];
    if (!r.InForce(date)) continue;
    if (!selected || (selected->via_selector && !r.via_selector)) selected = &r;
  }
  return selected;
}

const PairRule* RuleFor(const ResolvedRules& rules, std::size_t a, std::size_t b,
                        const Date& date) {
  return DecidingRule(rules.rules, rules.index.Of(a, b), date);
}

void CheckDisplacementCycles(const ResolvedRules& resolved, const Scenario& s,
                             const MeasuresMeet& meet, const CompileClock* clock) {
  const std::vector<PairRule>& rules = resolved.rules;
  const RuleIndex& index = resolved.index;
  const std::size_t M = s.measures.size();
  // The rules and measures in force change only on these days (each start, and the day after
  // each end), so searching the graph of each is searching every day.
  std::vector<Date> days = {Date{1990, 1, 1}};
  auto add_window = [&](const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from) days.push_back(*from);
    if (to) days.push_back(NextDay(*to));
  };
  for (const PairRule& r : rules) {
    if (Displaces(r)) add_window(r.from, r.to);
  }
  if (days.size() == 1 && std::none_of(rules.begin(), rules.end(), Displaces)) return;
  for (const Measure& m : s.measures) add_window(m.from, m.to);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());

  // The pair groups holding a displacing rule: only they can give edges.
  std::vector<std::uint32_t> groups;
  for (std::size_t g = 0; g < index.group_count(); ++g) {
    const auto group = index.Group(g);
    if (std::any_of(group.begin(), group.end(),
                    [&](std::uint32_t x) { return Displaces(rules[x]); })) {
      groups.push_back(static_cast<std::uint32_t>(g));
    }
  }
  std::vector<std::int8_t> meets(groups.size(), -1);  // per group of `groups`: do its measures meet
  std::vector<std::uint32_t> edges_today;             // rule indices
  std::vector<std::vector<const PairRule*>> out(M);   // edges first → second
  std::vector<std::uint8_t> state(M);                 // 0 new, 1 on the path, 2 done
  std::vector<const PairRule*> path;                  // the edges of the current path
  for (const Date& day : days) {
    const bool open_start = day == Date{1990, 1, 1};
    auto in_force = [&](const Measure& m) {
      return (!m.from || *m.from <= day) && (!m.to || day <= *m.to);
    };
    auto applies = [&](const PairRule& r) {
      return r.InForce(day) && in_force(s.measures[r.first]) && in_force(s.measures[r.second]);
    };
    // Every displacing rule of the deciding specificity (id rules if any applies to the pair,
    // else selector rules) is an edge: two of them pointing both ways between a pair (a
    // contradiction ResolveRules leaves to this search) are a 2-cycle.
    edges_today.clear();
    for (std::size_t x = 0; x < groups.size(); ++x) {
      if (clock) clock->Check();
      const auto group = index.Group(groups[x]);
      bool any_id = false, any = false;
      for (std::uint32_t r : group) {
        if (!applies(rules[r])) continue;
        any = true;
        any_id = any_id || !rules[r].via_selector;
      }
      if (!any) continue;
      for (std::uint32_t r : group) {
        const PairRule& rule = rules[r];
        if (!Displaces(rule) || !applies(rule) || rule.via_selector == any_id) continue;
        if (meets[x] < 0) meets[x] = meet(rule.first, rule.second) ? 1 : 0;
        if (meets[x] == 0) break;
        edges_today.push_back(r);
      }
    }
    // In rule order, as a scan of all rules makes them: the search, and so the cycle it
    // reports first, depends on the order of each measure's edges.
    std::sort(edges_today.begin(), edges_today.end());
    for (auto& edges : out) edges.clear();
    for (std::uint32_t x : edges_today) {
      const PairRule& r = rules[x];
      const auto& edges = out[r.first];
      const bool seen = std::any_of(edges.begin(), edges.end(),
                                    [&](const PairRule* e) { return e->second == r.second; });
      if (!seen) out[r.first].push_back(&r);
    }
    // Depth-first search with an explicit stack; an edge to a measure on the path closes a cycle.
    std::fill(state.begin(), state.end(), 0);
    for (std::size_t root = 0; root < M; ++root) {
      if (state[root] != 0 || out[root].empty()) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack = {{root, 0}};  // (measure, next edge)
      state[root] = 1;
      path.clear();
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next == out[node].size()) {
          state[node] = 2;
          stack.pop_back();
          if (!path.empty()) path.pop_back();
          continue;
        }
        const PairRule* edge = out[node][next++];
        const std::size_t to = edge->second;
        if (state[to] == 1) {
          auto start = std::find_if(path.begin(), path.end(),
                                    [&](const PairRule* r) { return r->first == to; });
          std::vector<const PairRule*> cycle(start, path.end());
          cycle.push_back(edge);
          throw CycleError(cycle, resolved, s,
                           open_start ? std::nullopt : std::optional<Date>(day));
        }
        if (state[to] == 0) {
          state[to] = 1;
          path.push_back(edge);
          stack.emplace_back(to, 0);
        }
      }
    }
  }
}

bool RulesCoverOverlap(const ResolvedRules& resolved, const Scenario& s, std::size_t a,
                       std::size_t b, Date* gap) {
  const Measure& ma = s.measures[a];
  const Measure& mb = s.measures[b];
  // The overlap window of the two measures.
  std::optional<Date> from = ma.from;
  if (mb.from && (!from || *from < *mb.from)) from = mb.from;
  std::optional<Date> to = ma.to;
  if (mb.to && (!to || *mb.to < *to)) to = mb.to;
  if (from && to && *to < *from) return true;  // never in force together

  // Walk the window from its start, jumping to the end of whichever rule covers the current day.
  const auto group = resolved.index.Of(a, b);
  Date day = from.value_or(Date{1990, 1, 1});
  for (int guard = 0; guard < 10000; ++guard) {
    const PairRule* covering = nullptr;
    for (std::uint32_t x : group) {
      const PairRule& r = resolved.rules[x];
      if (!r.InForce(day)) continue;
      if (!covering || !r.to || (covering->to && *covering->to < *r.to)) covering = &r;
    }
    if (!covering) {
      if (gap) *gap = day;
      return false;
    }
    if (!covering->to || (to && !(*covering->to < *to))) return true;
    day = NextDay(*covering->to);
  }
  return true;
}

}  // namespace ricardo::detail
