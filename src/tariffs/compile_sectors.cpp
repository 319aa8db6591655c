// Sector mode: a pair without product-level import weights, compiled sector by sector.
//
// A measure covers a share of a sector: all of it when it names the sector (or taxes all goods
// of a goods sector), the share of a stated covered value (covered_value_usd), or the share of
// the sector its products make up in a proxy product mix (US imports from Canada and Mexico of
// the same lines). Measures that replace others take their covered share off the others'.
#include <algorithm>
#include <set>

#include "fmt/format.h"
#include "tariffs/compiler.hpp"

namespace ricardo::detail {

// Proxy product weights in sector j, and the part of them a measure's scope covers.
void Compiler::ProxyShares(std::size_t k, std::size_t j, double* covered_share, double* content,
                           bool* have_weights) {
  const Measure& m = s_.measures[k];
  double in_sector = 0.0, covered = 0.0, content_sum = 0.0;
  for (const auto& line : Proxy()) {
    if (ctx_.code_sector[line.code] != static_cast<int>(j)) continue;
    in_sector += line.value_usd;
    if (!in_[k][line.code]) continue;
    covered += line.value_usd;
    bool known = true;
    content_sum += line.value_usd * p_.Content(line.code, m.content, &known);
  }
  *have_weights = in_sector > 0.0;
  *covered_share = in_sector > 0.0 ? covered / in_sector : 0.0;
  *content =
      covered > 0.0 ? content_sum / covered : (m.content == ContentBasis::kFullValue ? 1.0 : 0.5);
}

// Does the measure's scope reach sector j at all (it names the sector, or some member product
// maps to it)? Worked out for every sector at the first question about the measure.
bool Compiler::Reaches(std::size_t k, std::size_t j) {
  if (reaches_[k].empty()) {
    const std::size_t J = b_.sector_count();
    reaches_[k].assign(J, 0);
    for (std::size_t jj : ctx_.scope_sectors[k]) reaches_[k][jj] = 1;
    const auto& member = members_.at(k)->in;
    for (std::size_t c = 0; c < member.size(); ++c) {
      if (member[c] && ctx_.code_sector[c] >= 0)
        reaches_[k][static_cast<std::size_t>(ctx_.code_sector[c])] = 1;
    }
  }
  return reaches_[k][j] != 0;
}

// The covered value of a measure (e.g. a surtax list stated in dollars) is shared among the
// sectors its products map to in proportion to the proxy weights of those products (the
// relative size of the product groups), else in proportion to the baseline's flows; each
// sector's coverage is its share over the baseline flow, capped at 1.
double Compiler::ValueCoverage(std::size_t k, std::size_t n, std::size_t i, std::size_t j,
                               std::vector<std::string>* notes) {
  const Measure& m = s_.measures[k];
  const std::size_t J = b_.sector_count();
  std::vector<double> weight(J, 0.0), flow(J, 0.0);
  for (const auto& line : Proxy()) {
    const int sector = ctx_.code_sector[line.code];
    if (sector >= 0 && in_[k][line.code])
      weight[static_cast<std::size_t>(sector)] += line.value_usd;
  }
  double weights = 0.0, flows = 0.0;
  for (std::size_t jj = 0; jj < J; ++jj) {
    if (!Reaches(k, jj)) weight[jj] = 0.0;
    flow[jj] = Reaches(k, jj) ? b_.trade_flows(n, i, jj) * b_.manifest.money_unit : 0.0;
    weights += weight[jj];
    flows += flow[jj];
  }
  const double share = weights > 0.0 ? weight[j] / weights : (flows > 0.0 ? flow[j] / flows : 0.0);
  const double allocated = *m.covered_value_usd * share;
  const double coverage = flow[j] > 0.0 ? std::min(1.0, allocated / flow[j]) : 0.0;
  notes->push_back(
      fmt::format("{}: US${:.2f}B of its US${:.2f}B falls in this sector ({:.1f}%, by {}) against "
                  "US${:.2f}B of "
                  "baseline imports: coverage {:.1f}%{}",
                  m.id, allocated / 1e9, *m.covered_value_usd / 1e9, 100.0 * share,
                  weights > 0.0 ? "the product mix of US imports from Canada and Mexico (proxy)"
                                : "the baseline's flows",
                  flow[j] / 1e9, 100.0 * coverage,
                  allocated > flow[j] ? " (capped: the list exceeds the sector's imports)" : ""));
  return coverage;
}

bool Compiler::SectorTerms(std::size_t n, std::size_t i, std::size_t j,
                           const OriginPortion& portion, std::vector<std::string>* notes,
                           std::string* method) {
  const std::vector<std::size_t>& active = portion.measures;
  const std::size_t first_note = notes->size();
  struct Part {
    std::size_t k;
    double coverage, content;
  };
  std::vector<Part> parts;
  std::set<std::string> methods;
  for (std::size_t k : active) {
    const Measure& m = s_.measures[k];
    const bool named = std::find(ctx_.scope_sectors[k].begin(), ctx_.scope_sectors[k].end(), j) !=
                       ctx_.scope_sectors[k].end();
    const bool all_goods_here = m.scope.all_goods && ctx_.sectors.goods[j];
    if (!named && !all_goods_here && !Reaches(k, j)) continue;
    double coverage = 0.0, content = 1.0;
    bool have = false;
    ProxyShares(k, j, &coverage, &content, &have);
    if (named) {
      coverage = 1.0;
      methods.insert("sector");
    } else if (m.covered_value_usd) {
      coverage = ValueCoverage(k, n, i, j, notes);
      methods.insert("value coverage");
    } else if (!have) {
      coverage = all_goods_here ? 1.0 : 0.0;
      if (!all_goods_here) {
        notes->push_back(fmt::format("{}: no product weights for this sector; not applied", m.id));
      }
      methods.insert("sector");
    } else {
      if (!all_goods_here || coverage < 1.0) {
        notes->push_back(
            fmt::format("{}: covers {:.1f}% of the sector by the product mix of US imports "
                        "from Canada and Mexico (proxy; no product weights for {} <- {})",
                        m.id, 100.0 * coverage, b_.regions[n].code, b_.regions[i].code));
      }
      methods.insert(all_goods_here && coverage >= 1.0 ? "sector" : "proxy product mix");
    }
    if (m.usmca != UsmcaTreatment::kNone) {
      notes->push_back(
          fmt::format("{}: no USMCA utilisation data for {} <- {}; treated as not qualifying", m.id,
                      b_.regions[n].code, b_.regions[i].code));
    }
    if (coverage > 0.0) parts.push_back({k, coverage, content});
  }
  // Stack with nested coverage: a measure that replaces another takes its covered share off
  // the other's; one that replaces on content takes its content share off.
  std::vector<double> effective(parts.size());
  for (std::size_t a = 0; a < parts.size(); ++a)
    effective[a] = parts[a].coverage * parts[a].content;
  for (std::size_t a = 0; a < parts.size(); ++a) {
    for (std::size_t c = 0; c < parts.size(); ++c) {
      if (a == c) continue;
      const auto* rule = rules_.Get(parts[a].k, parts[c].k);
      if (!rule || rule->first != parts[a].k) continue;
      if (rule->kind == StackingKind::kReplaces)
        effective[c] -= parts[a].coverage * parts[c].content;
      if (rule->kind == StackingKind::kReplacesOnContent)
        effective[c] -= parts[a].coverage * parts[a].content;
    }
  }
  bool terms = false;
  for (std::size_t a = 0; a < parts.size(); ++a) {
    const double weight = std::max(0.0, effective[a]);
    if (weight <= 0.0) continue;
    // Without products there is no MFN rate per line: an all-in floor is charged above the
    // pair's baseline tariff in the sector.
    double threshold = 0.0;
    if (s_.measures[parts[a].k].rate_form == RateForm::kAllInFloor) {
      threshold = b_.tariff_rates(n, i, j);
      notes->push_back(
          fmt::format("{}: an all-in floor without product weights, charged above the "
                      "baseline tariff {:.2f}% of the sector",
                      s_.measures[parts[a].k].id, 100.0 * threshold));
    }
    form_.Add(form_.Cell(n, i, j), parts[a].k, portion.share * weight, threshold,
              FixedRate(parts[a].k, n, j));
    terms = true;
  }
  if (!portion.label.empty()) {
    for (std::size_t k = first_note; k < notes->size(); ++k)
      (*notes)[k] = portion.label + ": " + (*notes)[k];
  }
  if (!methods.empty() || method->empty()) {
    *method = methods.empty() ? "sector" : fmt::format("{}", fmt::join(methods, ", "));
  }
  return terms;
}

void Compiler::CompileSectors(std::size_t n, std::size_t i,
                              const std::vector<OriginPortion>& portions) {
  for (std::size_t j = 0; j < b_.sector_count(); ++j) {
    std::vector<std::string> notes;
    std::string method;
    bool terms = false;
    for (const OriginPortion& portion : portions)
      terms = SectorTerms(n, i, j, portion, &notes, &method) || terms;
    if (!terms) continue;
    SectorTrace t = MakeSectorTrace(n, i, j, method);
    t.notes = std::move(notes);
    AddSectorTrace(std::move(t), n, i, j);
  }
}

}  // namespace ricardo::detail
