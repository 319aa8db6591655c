#include "tariffs/stacking.hpp"

#include <algorithm>

#include "fmt/format.h"

namespace ricardo::detail {

RuleTable::RuleTable(const ResolvedRules& rules, std::size_t measures, const Date& date)
    : RuleTable(rules.rules, rules.index, measures, date) {}

RuleTable::RuleTable(const std::vector<PairRule>& rules, std::size_t measures, const Date& date)
    : RuleTable(rules, RuleIndex(rules), measures, date) {}

RuleTable::RuleTable(const std::vector<PairRule>& rules, const RuleIndex& index,
                     std::size_t measures, const Date& date)
    : n_(measures), table_(measures * measures, nullptr) {
  for (std::size_t g = 0; g < index.group_count(); ++g) {
    const auto group = index.Group(g);
    const PairRule* rule = DecidingRule(rules, group, date);
    if (!rule) continue;
    const std::size_t a = rules[group.front()].first, b = rules[group.front()].second;
    table_[a * n_ + b] = rule;
    table_[b * n_ + a] = rule;
  }
}

std::size_t RuleTable::KeyHash::operator()(const std::vector<std::size_t>& key) const {
  std::size_t h = 14695981039346656037ull;  // FNV-1a over the key's entries
  for (std::size_t x : key) h = (h ^ x) * 1099511628211ull;
  return h;
}

const PortionShape& RuleTable::Shape(const std::vector<ActiveMeasure>& active, bool qualifying,
                                     const Scenario& scenario) const {
  key_.clear();
  key_.push_back(qualifying ? 1 : 0);
  for (const ActiveMeasure& a : active) {
    key_.push_back(a.measure);
    key_.push_back(static_cast<std::size_t>(a.usmca));
  }
  const Shapes::value_type*& last = last_[qualifying ? 1 : 0];
  if (last && last->first == key_) return last->second;
  if (auto it = shapes_.find(key_); it != shapes_.end()) {
    last = &*it;
    return last->second;
  }

  const std::size_t n = active.size();
  PortionShape p;
  p.displaced_by.assign(n, -1);
  p.present.assign(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    p.present[k] = !(qualifying && active[k].usmca == UsmcaTreatment::kExcluded);
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!p.present[k]) continue;
    for (std::size_t o = 0; o < n; ++o) {
      if (o == k || !p.present[o]) continue;
      const PairRule* rule = Get(active[o].measure, active[k].measure);
      if (!rule) {
        const Measure& a = scenario.measures[active[o].measure];
        const Measure& b = scenario.measures[active[k].measure];
        throw ScenarioError(
            b.source.where,
            fmt::format("measures '{}' and '{}' overlap with no stacking rule between them", a.id,
                        b.id),
            "add replaces, replaced_by, replaces_on_content or stacks_with to one of them");
      }
      if (rule->kind == StackingKind::kReplaces && rule->first == active[o].measure) {
        p.displaced_by[k] = static_cast<int>(o);
        break;
      }
    }
  }
  p.first_on_content.assign(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    p.first_on_content[k] = p.on_content.size();
    if (!p.present[k] || p.displaced_by[k] >= 0) continue;
    for (std::size_t o = 0; o < n; ++o) {
      if (o == k || !p.present[o] || p.displaced_by[o] >= 0) continue;
      const PairRule* rule = Get(active[o].measure, active[k].measure);
      if (rule && rule->kind == StackingKind::kReplacesOnContent &&
          rule->first == active[o].measure) {
        p.on_content.push_back(o);
      }
    }
  }
  p.first_on_content[n] = p.on_content.size();
  last = &*shapes_.emplace(key_, std::move(p)).first;
  return last->second;
}

namespace {

struct Portion {
  std::vector<double> weight;  // per active: base × USMCA factor where charged, else 0
  std::vector<double> base;    // per active: share of value charged on
  const PortionShape* shape = nullptr;
  bool charged(std::size_t k) const { return shape->present[k] && shape->displaced_by[k] < 0; }
};

// Fills *out (reusing its storage: this runs for every product of every compile, and
// allocating here was a tenth of a compile). The shape comes from the rule table's memo; the
// bases and weights are this product's.
void Evaluate(const std::vector<ActiveMeasure>& active, bool qualifying, const RuleTable& rules,
              const Scenario& scenario, Portion* out) {
  const std::size_t n = active.size();
  Portion& p = *out;
  const PortionShape& shape = rules.Shape(active, qualifying, scenario);
  p.shape = &shape;
  p.weight.resize(n);
  p.base.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    p.weight[k] = 0.0;
    p.base[k] = 0.0;
    if (!p.charged(k)) continue;
    double base = active[k].content;
    for (std::size_t x = shape.first_on_content[k]; x < shape.first_on_content[k + 1]; ++x) {
      base -= active[shape.on_content[x]].content;
    }
    base = std::max(0.0, base);
    // On the qualifying portion a duty-free measure charges nothing and a non-US-content one
    // charges its rate on the non-US content only.
    double factor = 1.0;
    if (qualifying && active[k].usmca == UsmcaTreatment::kDutyFree) factor = 0.0;
    if (qualifying && active[k].usmca == UsmcaTreatment::kNonUsContent)
      factor = 1.0 - active[k].us_content_share;
    p.base[k] = base;
    p.weight[k] = factor * base;
  }
}

std::string Percent(double x) {
  return fmt::format("{:.0f}%", 100.0 * x);
}

}  // namespace

StackedProduct StackProduct(const std::vector<ActiveMeasure>& active, double u,
                            const RuleTable& rules, const Scenario& scenario, bool trace) {
  StackedProduct out;
  thread_local Portion rest, qualifying;  // scratch, see Evaluate
  Evaluate(active, false, rules, scenario, &rest);
  const bool has_qualifying = u > 0.0;
  if (has_qualifying) Evaluate(active, true, rules, scenario, &qualifying);
  const Portion& qual = has_qualifying ? qualifying : rest;
  out.weights.resize(active.size());
  for (std::size_t k = 0; k < active.size(); ++k) {
    const double weight = u * qual.weight[k] + (1.0 - u) * rest.weight[k];
    const double contribution = weight * active[k].rate;
    out.weights[k] = weight;
    out.rate += contribution;
    if (!trace) continue;
    const Measure& m = scenario.measures[active[k].measure];
    const bool charged_somewhere = rest.charged(k) || (has_qualifying && qual.charged(k));
    if (charged_somewhere && contribution <= 0.0 && active[k].rate > 0.0) {
      // Present but left nothing to charge: exempt on the qualifying portion and no value left
      // after content measures on the rest.
      out.displaced.push_back(fmt::format("{} (no value left after content measures{})", m.id,
                                          has_qualifying && m.usmca == UsmcaTreatment::kExcluded
                                              ? "; USMCA-qualifying share exempt"
                                              : ""));
      continue;
    }
    if (!charged_somewhere) {
      const int by = rest.shape->displaced_by[k] >= 0 ? rest.shape->displaced_by[k]
                                                      : qual.shape->displaced_by[k];
      if (by >= 0) {
        out.displaced.push_back(
            fmt::format("{} (replaced by {})", m.id,
                        scenario.measures[active[static_cast<std::size_t>(by)].measure].id));
      } else {
        out.displaced.push_back(fmt::format("{} (USMCA-qualifying)", m.id));
      }
      continue;
    }
    // How the charge came about, in words: the base on each portion.
    std::string how;
    auto base_text = [&](double base) {
      if (active[k].content >= 1.0 && base >= 1.0) return std::string("full value");
      if (base < active[k].content - 1e-12)
        return fmt::format("{} of value (rest after content measures)", Percent(base));
      return fmt::format("{} content {}", ToString(m.content), Percent(base));
    };
    const bool rest_charged = rest.charged(k);
    const bool qual_charged = has_qualifying && qual.charged(k);
    if (!has_qualifying) {
      how = base_text(rest.base[k]);
    } else if (rest_charged && qual_charged && m.usmca == UsmcaTreatment::kNone) {
      how = base_text(rest.base[k]);
    } else {
      std::vector<std::string> parts;
      if (rest_charged)
        parts.push_back(
            fmt::format("non-USMCA {} × {}", Percent(1.0 - u), base_text(rest.base[k])));
      if (qual_charged) {
        if (m.usmca == UsmcaTreatment::kDutyFree) {
          parts.push_back(fmt::format("USMCA {} duty-free", Percent(u)));
        } else if (m.usmca == UsmcaTreatment::kNonUsContent) {
          parts.push_back(fmt::format("USMCA {} on non-US content {}", Percent(u),
                                      Percent(1.0 - m.us_content_share)));
        } else {
          parts.push_back(fmt::format("USMCA {} × {}", Percent(u), base_text(qual.base[k])));
        }
      } else if (has_qualifying && m.usmca == UsmcaTreatment::kExcluded) {
        parts.push_back(fmt::format("USMCA {} exempt", Percent(u)));
      }
      how = fmt::format("{}", fmt::join(parts, " + "));
    }
    MeasureHit hit;
    hit.measure = m.id;
    hit.rate = active[k].rate;
    hit.contribution = contribution;
    hit.value_share = weight;
    hit.how = how;
    out.hits.push_back(std::move(hit));
    out.hit_index.push_back(active[k].measure);
  }
  return out;
}

}  // namespace ricardo::detail
