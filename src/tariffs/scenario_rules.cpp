#include "tariffs/scenario_rules.hpp"

#include <algorithm>

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
                 const std::optional<Date>& to, bool selector, const Location& where, const std::string& note) {
    rules.push_back({kind, first, second, from, to, selector, where, note});
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
          if (std::string_view(key) == "replaces") add(StackingKind::kReplaces, k, other, {}, {}, selector, where, note);
          if (std::string_view(key) == "replaced_by") add(StackingKind::kReplaces, other, k, {}, {}, selector, where, note);
          if (std::string_view(key) == "replaces_on_content") add(StackingKind::kReplacesOnContent, k, other, {}, {}, selector, where, note);
          if (std::string_view(key) == "stacks_with") add(StackingKind::kStacks, k, other, {}, {}, selector, where, note);
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
      for (std::size_t other : expand(rule.others[e], k, entry_where, ToString(rule.kind))) {
        add(rule.kind, k, other, rule.from, rule.to, selector, entry_where,
            rule.note.empty() ? fmt::format("[[stacking]] for {}", rule.measure) : rule.note);
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
