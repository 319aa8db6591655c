#include "tariffs/scenario_rules.hpp"

#include <algorithm>
#include <cstdint>

#include "fmt/format.h"
#include "tariffs/suggest.hpp"

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
    case StackingKind::kReplacesOnContent: return fmt::format("'{}' replaces '{}' on its content", a, b);
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

// `cycle` holds the rules of the cycle in order: cycle[i]->second == cycle[i + 1]->first.
ScenarioError CycleError(const std::vector<const PairRule*>& cycle, const Scenario& s,
                         const std::optional<Date>& day) {
  std::vector<std::string> ids, written;
  for (const PairRule* r : cycle) {
    ids.push_back(fmt::format("'{}'", s.measures[r->first].id));
    written.push_back(fmt::format("{} {}", r->where.ToString(), r->written));
  }
  ids.push_back(ids.front());
  Location where = cycle.front()->where;
  where.field.clear();  // the rules are listed with their positions
  return ScenarioError(
      where,
      fmt::format("measures {} replace each other in a cycle ({}): where all of them apply{}, each is "
                  "displaced by another and none is charged",
                  fmt::join(ids, " → "), fmt::join(written, ", "),
                  day ? fmt::format(" on {}", day->ToString()) : std::string()),
      "remove one of these rules or make it stacks_with; replaces and replaces_on_content must point "
      "one way between measures that apply together");
}

}  // namespace

std::vector<PairRule> ResolveRules(const Scenario& s) {
  std::vector<std::string> ids;
  for (const Measure& m : s.measures) ids.push_back(m.id);
  std::vector<PairRule> rules;

  // Expands one entry into the measure indices it names.
  auto expand = [&](const std::string& entry, std::size_t self, const Location& where,
                    const std::string& key) {
    std::vector<std::size_t> out;
    if (!entry.empty() && entry[0] == '@') {
      const auto authority = ParseAuthority(entry.substr(1));
      if (!authority) {
        std::vector<std::string> names;
        for (Authority a : {Authority::kMfn, Authority::kSection232, Authority::kIeepa,
                            Authority::kSection122, Authority::kSection301, Authority::kSection201,
                            Authority::kAdCvd, Authority::kSurtax, Authority::kOther}) {
          names.push_back(std::string("@") + ToString(a));
        }
        throw ScenarioError(where, fmt::format("unknown authority '{}' in {}", entry, key),
                            DidYouMean(entry, names, fmt::format("use one of {}", fmt::join(names, ", "))));
      }
      for (std::size_t k = 0; k < s.measures.size(); ++k) {
        if (k != self && s.measures[k].authority == *authority) out.push_back(k);
      }
      return out;
    }
    const auto it = std::find(ids.begin(), ids.end(), entry);
    if (it == ids.end()) {
      throw ScenarioError(where, fmt::format("unknown measure '{}' in {}", entry, key),
                          DidYouMean(entry, ids, "name a measure id of this scenario, or @authority"));
    }
    const auto k = static_cast<std::size_t>(it - ids.begin());
    if (k == self) {
      throw ScenarioError(where, fmt::format("measure '{}' names itself in {}", entry, key));
    }
    out.push_back(k);
    return out;
  };
  auto add = [&](StackingKind kind, std::size_t first, std::size_t second, const std::optional<Date>& from,
                 const std::optional<Date>& to, bool selector, const Location& where, const std::string& note,
                 const std::string& written) {
    rules.push_back({kind, first, second, from, to, selector, where, note, written});
  };

  for (std::size_t k = 0; k < s.measures.size(); ++k) {
    const Measure& m = s.measures[k];
    const std::pair<const char*, const std::vector<std::string>*> lists[] = {
        {"replaces", &m.replaces}, {"replaced_by", &m.replaced_by},
        {"replaces_on_content", &m.replaces_on_content}, {"stacks_with", &m.stacks_with}};
    for (const auto& [key, list] : lists) {
      for (std::size_t e = 0; e < list->size(); ++e) {
        const std::string& entry = (*list)[e];
        const Location where = m.source.At(fmt::format("{}[{}]", key, e));
        const bool selector = !entry.empty() && entry[0] == '@';
        for (std::size_t other : expand(entry, k, where, key)) {
          const std::string note = fmt::format("{}.{}", m.id, key);
          const std::string written = fmt::format("{} = [\"{}\"]", key, entry);
          const std::string_view kind = key;
          if (kind == "replaces") add(StackingKind::kReplaces, k, other, {}, {}, selector, where, note, written);
          if (kind == "replaced_by") add(StackingKind::kReplaces, other, k, {}, {}, selector, where, note, written);
          if (kind == "replaces_on_content") {
            add(StackingKind::kReplacesOnContent, k, other, {}, {}, selector, where, note, written);
          }
          if (kind == "stacks_with") add(StackingKind::kStacks, k, other, {}, {}, selector, where, note, written);
        }
      }
    }
  }
  for (std::size_t r = 0; r < s.stacking.size(); ++r) {
    const StackingRule& rule = s.stacking[r];
    const Location where = rule.source.At("measure");
    const auto it = std::find(ids.begin(), ids.end(), rule.measure);
    if (it == ids.end()) {
      throw ScenarioError(where, fmt::format("unknown measure '{}' in [[stacking]]", rule.measure),
                          DidYouMean(rule.measure, ids, "name a measure id of this scenario"));
    }
    const auto k = static_cast<std::size_t>(it - ids.begin());
    for (std::size_t e = 0; e < rule.others.size(); ++e) {
      const char* key = rule.kind == StackingKind::kReplaces            ? "replaces"
                        : rule.kind == StackingKind::kReplacesOnContent ? "replaces_on_content"
                                                                        : "stacks_with";
      const Location entry_where = rule.source.At(fmt::format("{}[{}]", key, e));
      const bool selector = !rule.others[e].empty() && rule.others[e][0] == '@';
      const std::string written =
          fmt::format("[[stacking]] measure = \"{}\", {} = [\"{}\"]", rule.measure, key, rule.others[e]);
      for (std::size_t other : expand(rule.others[e], k, entry_where, ToString(rule.kind))) {
        add(rule.kind, k, other, rule.from, rule.to, selector, entry_where,
            rule.note.empty() ? fmt::format("[[stacking]] for {}", rule.measure) : rule.note, written);
      }
    }
  }

  // Contradictions: same specificity, same pair, overlapping days, different meaning.
  for (std::size_t x = 0; x < rules.size(); ++x) {
    for (std::size_t y = 0; y < x; ++y) {
      const PairRule& a = rules[x];
      const PairRule& b = rules[y];
      const bool same_pair = (a.first == b.first && a.second == b.second) ||
                             (a.first == b.second && a.second == b.first);
      if (!same_pair || a.via_selector != b.via_selector || SameMeaning(a, b)) continue;
      if (!WindowsOverlap(a.from, a.to, b.from, b.to)) continue;
      // Two measures displacing each other are the shortest cycle: CheckDisplacementCycles
      // reports it, where the measures are in force together and meet.
      if (Displaces(a) && Displaces(b) && a.first == b.second) continue;
      throw ScenarioError(a.where,
                          fmt::format("stacking rules contradict each other: {} here, but {} at {}",
                                      Describe(a, s), Describe(b, s), b.where.ToString()),
                          "keep one rule per pair of measures, or give them dates that do not overlap");
    }
  }
  return rules;
}

const PairRule* RuleFor(const std::vector<PairRule>& rules, std::size_t a, std::size_t b,
                        const Date& date) {
  const PairRule* selected = nullptr;
  for (const PairRule& r : rules) {
    const bool pair = (r.first == a && r.second == b) || (r.first == b && r.second == a);
    if (!pair || !r.InForce(date)) continue;
    if (!selected || (selected->via_selector && !r.via_selector)) selected = &r;
  }
  return selected;
}

void CheckDisplacementCycles(const std::vector<PairRule>& rules, const Scenario& s, const MeasuresMeet& meet) {
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

  // Pairs whose measures meet, asked once each.
  std::vector<std::int8_t> meets(M * M, -1);
  auto meet_cached = [&](std::size_t a, std::size_t b) {
    std::int8_t& v = meets[std::min(a, b) * M + std::max(a, b)];
    if (v < 0) v = meet(a, b) ? 1 : 0;
    return v == 1;
  };
  // By (min, max) pair, this day: 1 if an id rule relates the pair (selector rules then do
  // not count), 2 if only selector rules do.
  std::vector<std::uint8_t> specificity(M * M, 0);
  std::vector<std::size_t> touched;
  std::vector<std::vector<const PairRule*>> out(M);  // edges first → second
  std::vector<std::uint8_t> state(M);                // 0 new, 1 on the path, 2 done
  std::vector<const PairRule*> path;                 // the edges of the current path
  for (const Date& day : days) {
    const bool open_start = day == Date{1990, 1, 1};
    auto in_force = [&](const Measure& m) { return (!m.from || *m.from <= day) && (!m.to || day <= *m.to); };
    for (std::size_t key : touched) specificity[key] = 0;
    touched.clear();
    auto applies = [&](const PairRule& r) {
      return r.InForce(day) && in_force(s.measures[r.first]) && in_force(s.measures[r.second]);
    };
    auto key_of = [&](const PairRule& r) { return std::min(r.first, r.second) * M + std::max(r.first, r.second); };
    for (const PairRule& r : rules) {
      if (!applies(r)) continue;
      std::uint8_t& level = specificity[key_of(r)];
      if (level == 0) touched.push_back(key_of(r));
      if (level == 0 || (level == 2 && !r.via_selector)) level = r.via_selector ? 2 : 1;
    }
    // Every displacing rule of the deciding specificity is an edge: two of them pointing both
    // ways between a pair (a contradiction ResolveRules leaves to this search) are a 2-cycle.
    for (auto& edges : out) edges.clear();
    for (const PairRule& r : rules) {
      if (!Displaces(r) || !applies(r) || (r.via_selector ? 2 : 1) != specificity[key_of(r)]) continue;
      if (!meet_cached(r.first, r.second)) continue;
      const auto& edges = out[r.first];
      const bool seen = std::any_of(edges.begin(), edges.end(), [&](const PairRule* e) { return e->second == r.second; });
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
          auto start = std::find_if(path.begin(), path.end(), [&](const PairRule* r) { return r->first == to; });
          std::vector<const PairRule*> cycle(start, path.end());
          cycle.push_back(edge);
          throw CycleError(cycle, s, open_start ? std::nullopt : std::optional<Date>(day));
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

bool RulesCoverOverlap(const std::vector<PairRule>& rules, const Scenario& s, std::size_t a,
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
  Date day = from.value_or(Date{1990, 1, 1});
  for (int guard = 0; guard < 10000; ++guard) {
    const PairRule* covering = nullptr;
    for (const PairRule& r : rules) {
      const bool pair = (r.first == a && r.second == b) || (r.first == b && r.second == a);
      if (!pair || !r.InForce(day)) continue;
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
