// Compiling a scenario on a date into a shock: tariffs by importer × exporter × sector.
//
// Pairs with product-level US import weights (USA ← CAN, USA ← MEX) are compiled product by
// product ("products" mode): every HTS10 line imported in the chosen months gets its stacked
// rate, and a sector's added rate is the import-weighted mean over its lines. Other pairs are
// compiled sector by sector ("sector" mode), with the coverage of each measure in a sector
// taken from the value it covers (covered_value_usd) or from the product mix of US imports from
// Canada and Mexico (a stated proxy).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariffs/compile_context.hpp"
#include "tariffs/import_weights.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/rate_replay.hpp"
#include "tariffs/stacking.hpp"

namespace ricardo {
namespace {

using detail::ActiveMeasure;
using detail::CompileContext;
using detail::RuleTable;

struct Compiler {
  const Scenario& s;
  const Baseline& b;
  const ProductData& p;
  const CompileContext& ctx;
  const CompileOptions& options;
  Date date;
  std::optional<double> share_override;
  detail::MonthChoice months;
  RuleTable rules;
  std::vector<std::size_t> in_force;                 // measure indices
  // Per measure, the product set at the date (null for measures not in force); `in` points
  // into it for the per-product loops.
  std::vector<detail::DerivedCache::MemberSet> members;
  std::vector<const std::uint8_t*> in;
  std::vector<std::vector<std::uint8_t>> reaches;    // per measure, per sector (filled on use)
  std::vector<detail::WeightedProduct> proxy;        // pooled US imports from CAN + MEX
  CompiledScenario out;
  std::vector<std::uint8_t> content_fallback;        // per measure: used the 0.5 fallback
  detail::CompileRecording* recording;               // null unless replays are wanted
  detail::RecordedPair* recorded = nullptr;          // the pair being compiled, when recording

  detail::RecordedRate RecordRate(std::size_t k, double rate) const {
    return detail::RecordedRate{k, !ctx.rate_region[k], rate};
  }

  double MoneyToUsd(double money) const { return money * b.manifest.money_unit; }

  double RateFor(std::size_t k, std::size_t importer, int sector) const {
    const Measure& m = s.measures[k];
    if (!ctx.rate_region[k]) return m.rate;
    if (sector < 0) return 0.0;
    return b.tariff_rates(importer, *ctx.rate_region[k], static_cast<std::size_t>(sector));
  }

  ActiveMeasure Active(std::size_t k, std::size_t code, std::size_t importer, int sector) {
    const Measure& m = s.measures[k];
    bool known = true;
    const double content = p.Content(code, m.content, &known);
    if (!known) content_fallback[k] = 1;
    return ActiveMeasure{k, RateFor(k, importer, sector), content, m.usmca, m.us_content_share};
  }

  // ---- products mode ----
  void CompileProducts(std::size_t n, std::size_t i, ProductData::Partner partner,
                       const std::vector<std::size_t>& active, PairTrace* pair) {
    const std::size_t J = b.sector_count();
    const auto pooled_imports = detail::PooledImports(p, partner, months.months);
    const std::vector<detail::WeightedProduct>& pooled = *pooled_imports;
    std::vector<double> value(J, 0.0), charged(J, 0.0);
    std::vector<int> count(J, 0), hit(J, 0);
    double total = 0.0, total_charged = 0.0, unmapped = 0.0;
    std::vector<ActiveMeasure> here;
    for (const auto& line : pooled) {
      const int j = ctx.code_sector[line.code];
      here.clear();
      for (std::size_t k : active) {
        if (in[k][line.code]) here.push_back(Active(k, line.code, n, j));
      }
      const double u = share_override.value_or(line.usmca_share);
      if (recorded && !here.empty() && j >= 0) {
        const std::vector<detail::StackTerm> terms = detail::StackTerms(here, u, rules, s);
        recorded->lines.push_back({static_cast<std::size_t>(j), line.value_usd, u,
                                   recorded->terms.size(), terms.size()});
        recorded->terms.insert(recorded->terms.end(), terms.begin(), terms.end());
        for (const ActiveMeasure& a : here) recorded->term_rates.push_back(RecordRate(a.measure, a.rate));
      }
      double rate = 0.0;
      if (!here.empty()) {
        auto stacked = detail::StackProduct(here, u, rules, s, options.product_trace);
        rate = stacked.rate;
        if (options.product_trace) {
          ProductTrace t;
          t.importer = b.regions[n].code;
          t.exporter = b.regions[i].code;
          t.hts10 = p.code(line.code);
          t.description = p.Description(line.code);
          t.sector = j >= 0 ? b.sectors[static_cast<std::size_t>(j)].code : "";
          t.value_usd = line.value_usd;
          t.usmca_share = u;
          t.hits = std::move(stacked.hits);
          t.displaced = std::move(stacked.displaced);
          t.rate = rate;
          out.trace.products.push_back(std::move(t));
        }
      }
      total += line.value_usd;
      total_charged += line.value_usd * rate;
      if (j < 0) {
        unmapped += line.value_usd;
        continue;
      }
      value[j] += line.value_usd;
      charged[j] += line.value_usd * rate;
      ++count[j];
      if (rate > 0.0) ++hit[j];
    }
    if (recorded) recorded->sector_value_usd = value;
    pair->value_usd = total;
    pair->unmapped_value_usd = unmapped;
    pair->all_goods_rate = total > 0.0 ? total_charged / total : 0.0;
    pair->weights = fmt::format("US imports for consumption by HTS10 from {}, {} (US$, USITC DataWeb)",
                                b.regions[i].code, MonthsText());
    std::vector<double> added(J, 0.0);
    for (std::size_t j = 0; j < J; ++j) {
      if (value[j] > 0.0) {
        added[j] = charged[j] / value[j];
        SectorTrace t = MakeSectorTrace(n, i, j, added[j], "products");
        t.value_usd = value[j];
        t.products = count[j];
        t.products_hit = hit[j];
        if (added[j] > 0.0 || hit[j] > 0) out.trace.sectors.push_back(std::move(t));
      } else {
        // No imports of the sector's products in these months: only measures naming the
        // sector apply (sector mode); product-scoped ones have no trade to weight.
        std::vector<std::size_t> naming;
        for (std::size_t k : active) {
          if (std::find(ctx.scope_sectors[k].begin(), ctx.scope_sectors[k].end(), j) != ctx.scope_sectors[k].end()) {
            naming.push_back(k);
          }
        }
        if (naming.empty()) continue;
        std::vector<std::string> notes;
        std::string method;
        added[j] = SectorRate(n, i, j, naming, &notes, &method);
        if (added[j] > 0.0) {
          SectorTrace t = MakeSectorTrace(n, i, j, added[j], method);
          t.notes = std::move(notes);
          t.notes.insert(t.notes.begin(), "no product imports in these months: measures naming the sector apply to all of it");
          out.trace.sectors.push_back(std::move(t));
        }
      }
    }
    Apply(n, i, added, pair);
  }

  // ---- sector mode ----
  // Proxy product weights in sector j, and the part of them a measure's scope covers.
  void ProxyShares(std::size_t k, std::size_t j, double* covered_share, double* content,
                   bool* have_weights) {
    const Measure& m = s.measures[k];
    double in_sector = 0.0, covered = 0.0, content_sum = 0.0;
    for (const auto& line : proxy) {
      if (ctx.code_sector[line.code] != static_cast<int>(j)) continue;
      in_sector += line.value_usd;
      if (!in[k][line.code]) continue;
      covered += line.value_usd;
      bool known = true;
      content_sum += line.value_usd * p.Content(line.code, m.content, &known);
    }
    *have_weights = in_sector > 0.0;
    *covered_share = in_sector > 0.0 ? covered / in_sector : 0.0;
    *content = covered > 0.0 ? content_sum / covered : (m.content == ContentBasis::kFullValue ? 1.0 : 0.5);
  }

  // Does the measure's scope reach sector j at all (it names the sector, or some member product
  // maps to it)? Worked out for every sector at the first question about the measure.
  bool Reaches(std::size_t k, std::size_t j) {
    if (reaches[k].empty()) {
      const std::size_t J = b.sector_count();
      reaches[k].assign(J, 0);
      for (std::size_t jj : ctx.scope_sectors[k]) reaches[k][jj] = 1;
      const auto& member = members.at(k)->in;
      for (std::size_t c = 0; c < member.size(); ++c) {
        if (member[c] && ctx.code_sector[c] >= 0) reaches[k][static_cast<std::size_t>(ctx.code_sector[c])] = 1;
      }
    }
    return reaches[k][j] != 0;
  }

  // The covered value of a measure (e.g. a surtax list stated in dollars) is shared among the
  // sectors its products map to in proportion to the proxy weights of those products (US
  // imports from Canada and Mexico of the same HTS lines: the relative size of the product
  // groups), else in proportion to the baseline's flows; each sector's coverage is its share
  // over the baseline flow, capped at 1.
  double ValueCoverage(std::size_t k, std::size_t n, std::size_t i, std::size_t j, std::vector<std::string>* notes) {
    const Measure& m = s.measures[k];
    const std::size_t J = b.sector_count();
    std::vector<double> weight(J, 0.0), flow(J, 0.0);
    for (const auto& line : proxy) {
      const int sector = ctx.code_sector[line.code];
      if (sector >= 0 && in[k][line.code]) weight[static_cast<std::size_t>(sector)] += line.value_usd;
    }
    double weights = 0.0, flows = 0.0;
    for (std::size_t jj = 0; jj < J; ++jj) {
      if (!Reaches(k, jj)) weight[jj] = 0.0;
      flow[jj] = Reaches(k, jj) ? MoneyToUsd(b.trade_flows(n, i, jj)) : 0.0;
      weights += weight[jj];
      flows += flow[jj];
    }
    const double share = weights > 0.0 ? weight[j] / weights : (flows > 0.0 ? flow[j] / flows : 0.0);
    const double allocated = *m.covered_value_usd * share;
    const double coverage = flow[j] > 0.0 ? std::min(1.0, allocated / flow[j]) : 0.0;
    notes->push_back(fmt::format(
        "{}: US${:.2f}B of its US${:.2f}B falls in this sector ({:.1f}%, by {}) against US${:.2f}B of "
        "baseline imports: coverage {:.1f}%{}",
        m.id, allocated / 1e9, *m.covered_value_usd / 1e9, 100.0 * share,
        weights > 0.0 ? "the product mix of US imports from Canada and Mexico (proxy)" : "the baseline's flows",
        flow[j] / 1e9, 100.0 * coverage, allocated > flow[j] ? " (capped: the list exceeds the sector's imports)" : ""));
    return coverage;
  }

  double SectorRate(std::size_t n, std::size_t i, std::size_t j, const std::vector<std::size_t>& active,
                    std::vector<std::string>* notes, std::string* method) {
    struct Part {
      std::size_t k;
      double coverage, content, rate;
    };
    std::vector<Part> parts;
    std::set<std::string> methods;
    for (std::size_t k : active) {
      const Measure& m = s.measures[k];
      const bool named = std::find(ctx.scope_sectors[k].begin(), ctx.scope_sectors[k].end(), j) !=
                         ctx.scope_sectors[k].end();
      const bool all_goods_here = m.scope.all_goods && ctx.sectors.goods[j];
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
          notes->push_back(fmt::format("{}: covers {:.1f}% of the sector by the product mix of US imports "
                                       "from Canada and Mexico (proxy; no product weights for {} <- {})",
                                       m.id, 100.0 * coverage, b.regions[n].code, b.regions[i].code));
        }
        methods.insert(all_goods_here && coverage >= 1.0 ? "sector" : "proxy product mix");
      }
      if (m.usmca != UsmcaTreatment::kNone) {
        notes->push_back(fmt::format("{}: no USMCA utilisation data for {} <- {}; treated as not qualifying",
                                     m.id, b.regions[n].code, b.regions[i].code));
      }
      if (coverage > 0.0) parts.push_back({k, coverage, content, RateFor(k, n, static_cast<int>(j))});
    }
    // Stack with nested coverage: a measure that replaces another takes its covered share off
    // the other's; one that replaces on content takes its content share off.
    std::vector<double> effective(parts.size());
    for (std::size_t a = 0; a < parts.size(); ++a) effective[a] = parts[a].coverage * parts[a].content;
    for (std::size_t a = 0; a < parts.size(); ++a) {
      for (std::size_t c = 0; c < parts.size(); ++c) {
        if (a == c) continue;
        const auto* rule = rules.Get(parts[a].k, parts[c].k);
        if (!rule || rule->first != parts[a].k) continue;
        if (rule->kind == StackingKind::kReplaces) effective[c] -= parts[a].coverage * parts[c].content;
        if (rule->kind == StackingKind::kReplacesOnContent) effective[c] -= parts[a].coverage * parts[a].content;
      }
    }
    double added = 0.0;
    for (std::size_t a = 0; a < parts.size(); ++a) added += parts[a].rate * std::max(0.0, effective[a]);
    if (recorded) {
      recorded->by_parts[j] = 1;
      recorded->sector_parts[j].clear();
      for (std::size_t a = 0; a < parts.size(); ++a) {
        recorded->sector_parts[j].push_back({RecordRate(parts[a].k, parts[a].rate), std::max(0.0, effective[a])});
      }
    }
    *method = methods.empty() ? "sector" : fmt::format("{}", fmt::join(methods, ", "));
    return added;
  }

  void CompileSectors(std::size_t n, std::size_t i, const std::vector<std::size_t>& active, PairTrace* pair) {
    const std::size_t J = b.sector_count();
    std::vector<double> added(J, 0.0);
    for (std::size_t j = 0; j < J; ++j) {
      std::vector<std::string> notes;
      std::string method;
      added[j] = SectorRate(n, i, j, active, &notes, &method);
      if (added[j] > 0.0) {
        SectorTrace t = MakeSectorTrace(n, i, j, added[j], method);
        t.notes = std::move(notes);
        out.trace.sectors.push_back(std::move(t));
      }
    }
    pair->weights = fmt::format("no product-level import weights for {} <- {}: sector mode on the "
                                "baseline's flows",
                                b.regions[n].code, b.regions[i].code);
    Apply(n, i, added, pair);
    pair->all_goods_rate = pair->baseline_weighted_rate;
  }

  SectorTrace MakeSectorTrace(std::size_t n, std::size_t i, std::size_t j, double added, std::string method) const {
    SectorTrace t;
    t.importer = b.regions[n].code;
    t.exporter = b.regions[i].code;
    t.sector = b.sectors[j].code;
    t.baseline_rate = b.tariff_rates(n, i, j);
    t.added_rate = added;
    t.counterfactual_rate = t.baseline_rate + added;
    t.method = std::move(method);
    return t;
  }

  void Apply(std::size_t n, std::size_t i, const std::vector<double>& added, PairTrace* pair) {
    double flows = 0.0, weighted = 0.0;
    for (std::size_t j = 0; j < b.sector_count(); ++j) {
      out.shock.tariff_rates(n, i, j) = b.tariff_rates(n, i, j) + added[j];
      if (ctx.sectors.goods[j] || added[j] > 0.0) {
        flows += b.trade_flows(n, i, j);
        weighted += b.trade_flows(n, i, j) * added[j];
      }
    }
    pair->baseline_weighted_rate = flows > 0.0 ? weighted / flows : 0.0;
  }

  std::string MonthsText() const {
    if (months.months.empty()) return "no months";
    const auto& names = p.months();
    return months.months.size() == 1
               ? names[months.months.front()]
               : fmt::format("{} to {}", names[months.months.front()], names[months.months.back()]);
  }

  void Run() {
    const std::size_t N = b.region_count();
    out.shock = Shock::None(b);
    out.sectors = b.sectors;
    out.trace.date = date;
    members.resize(s.measures.size());
    in.resize(s.measures.size(), nullptr);
    reaches.resize(s.measures.size());
    content_fallback.assign(s.measures.size(), 0);
    for (std::size_t k = 0; k < s.measures.size(); ++k) {
      const Measure& m = s.measures[k];
      if (!m.enabled) {
        out.trace.measures_not_in_force.push_back(fmt::format("{} (switched off)", m.id));
      } else if (m.from && date < *m.from) {
        out.trace.measures_not_in_force.push_back(fmt::format("{} (from {})", m.id, m.from->ToString()));
      } else if (m.to && *m.to < date) {
        out.trace.measures_not_in_force.push_back(fmt::format("{} (until {})", m.id, m.to->ToString()));
      } else {
        in_force.push_back(k);
        out.trace.measures_in_force.push_back(m.id);
        members[k] = ctx.Members(k, date);
        in[k] = members[k]->in.data();
      }
    }
    for (const std::string& note : months.notes) out.trace.notes.push_back(note);
    const auto usa = b.FindRegion("USA"), can = b.FindRegion("CAN"), mex = b.FindRegion("MEX");
    bool proxy_ready = false;
    for (std::size_t n = 0; n < N; ++n) {
      for (std::size_t i = 0; i < N; ++i) {
        if (i == n) continue;
        std::vector<std::size_t> active;
        for (std::size_t k : in_force) {
          if (ctx.importer[k] == n &&
              std::find(ctx.origins[k].begin(), ctx.origins[k].end(), i) != ctx.origins[k].end()) {
            active.push_back(k);
          }
        }
        if (active.empty()) continue;
        if (!proxy_ready) {
          const auto canada = detail::PooledImports(p, ProductData::kCanada, months.months);
          const auto mexico = detail::PooledImports(p, ProductData::kMexico, months.months);
          proxy = *canada;
          proxy.insert(proxy.end(), mexico->begin(), mexico->end());
          proxy_ready = true;
        }
        PairTrace pair;
        pair.importer = b.regions[n].code;
        pair.exporter = b.regions[i].code;
        for (std::size_t k : active) pair.measures.push_back(s.measures[k].id);
        if (recording) {
          detail::RecordedPair& r = recording->pairs.emplace_back();
          r.importer = n;
          r.exporter = i;
          r.sector_parts.resize(b.sector_count());
          r.by_parts.assign(b.sector_count(), 0);
          recorded = &r;
        }
        const bool product_weights = usa && n == *usa && ((can && i == *can) || (mex && i == *mex)) &&
                                     !months.months.empty();
        if (product_weights) {
          pair.method = "products";
          CompileProducts(n, i, i == *can ? ProductData::kCanada : ProductData::kMexico, active, &pair);
        } else {
          pair.method = "sector";
          CompileSectors(n, i, active, &pair);
        }
        out.trace.pairs.push_back(std::move(pair));
      }
    }
    std::set<std::string> content_fallbacks;  // ids, in the order the notes are written
    for (std::size_t k = 0; k < s.measures.size(); ++k) {
      if (content_fallback[k]) content_fallbacks.insert(s.measures[k].id);
    }
    for (const std::string& id : content_fallbacks) {
      out.trace.notes.push_back(fmt::format("{}: some products have no metal-content data; a content "
                                            "share of 0.5 was used for them (the Yale tracker's flat share)",
                                            id));
    }
    CompileTradeCosts();
    for (const ElasticityOverride& e : s.elasticities) {
      const std::size_t j = *b.FindSector(e.sector);
      out.trace.notes.push_back(fmt::format("elasticity of {}: θ {} → {}", e.sector, out.sectors[j].theta, e.theta));
      out.sectors[j].theta = e.theta;
    }
    out.metadata.scenario_name = s.name;
    out.metadata.scenario_title = s.title;
    out.metadata.scenario_description = s.description;
    out.metadata.scenario_date = date.ToString();
    out.metadata.sources = s.sources;
    out.metadata.notes = out.trace.notes;
  }

  void CompileTradeCosts() {
    for (const TradeCostShock& t : s.trade_costs) {
      if ((t.from && date < *t.from) || (t.to && *t.to < date)) continue;
      const auto importers = ctx.ResolveRegions(t.importers, std::nullopt, t.source, "importers");
      const auto exporters = ctx.ResolveRegions(t.exporters, std::nullopt, t.source, "exporters");
      std::vector<std::size_t> sectors;
      if (t.all_sectors) {
        for (std::size_t j = 0; j < b.sector_count(); ++j) sectors.push_back(j);
      } else if (!t.sectors.empty()) {
        for (const std::string& code : t.sectors) sectors.push_back(*b.FindSector(code));
      } else {
        for (std::size_t j = 0; j < b.sector_count(); ++j) {
          if (ctx.sectors.goods[j]) sectors.push_back(j);
        }
        if (sectors.empty()) {
          for (std::size_t j = 0; j < b.sector_count(); ++j) {
            if (b.sectors[j].tradable) sectors.push_back(j);
          }
          out.trace.notes.push_back(fmt::format("{}: the baseline's sectors carry no ISIC divisions; "
                                                "all tradable sectors were shocked", t.id));
        }
      }
      int pairs = 0;
      for (std::size_t n : importers) {
        for (std::size_t i : exporters) {
          if (n == i) continue;
          ++pairs;
          for (std::size_t j : sectors) out.shock.trade_cost_change(n, i, j) *= t.d_hat;
        }
      }
      out.trace.notes.push_back(fmt::format("trade costs {}: d̂ = {} on {} importer-exporter pairs × {} sectors",
                                            t.id, t.d_hat, pairs, sectors.size()));
    }
  }
};

std::optional<double> ChooseShareOverride(const Scenario& s, const CompileOptions& o) {
  const std::optional<double> share = o.usmca_share_override ? o.usmca_share_override : s.usmca.share_override;
  if (share && (!std::isfinite(*share) || *share < 0.0 || *share > 1.0)) {
    throw ArgumentError(fmt::format("USMCA share override {} is out of range", *share),
                        "a share is a fraction from 0 to 1");
  }
  return share;
}

}  // namespace

void CheckScenario(const Scenario& scenario, const Baseline& baseline, const CompileOptions& options) {
  const auto products = options.products ? options.products : ShippedProductData();
  detail::BuildCompileContext(scenario, baseline, *products);
}

CompiledScenario detail::CompileScenarioRecorded(const Scenario& s, const Baseline& b,
                                                 const CompileOptions& o,
                                                 detail::CompileRecording* recording) {
  if (recording) recording->pairs.clear();
  const std::optional<Date> date = o.date ? o.date : s.date;
  if (!date) {
    throw ScenarioError(Location{s.file.empty() ? s.name : s.file, 0, 0, ""},
                        "the scenario has no date to compile for",
                        "add date = 2025-11-01 to the file, or give a date (--date)");
  }
  if (!date->IsValid()) throw ArgumentError(fmt::format("invalid compile date {}", date->ToString()));
  const auto products = o.products ? o.products : ShippedProductData();
  const detail::CompileContext ctx = detail::BuildCompileContext(s, b, *products);
  const UsmcaShareMethod method = o.usmca_method.value_or(s.usmca.method);
  Compiler compiler{s,
                    b,
                    *products,
                    ctx,
                    o,
                    *date,
                    ChooseShareOverride(s, o),
                    detail::ChooseMonths(*products, *date, method),
                    RuleTable(ctx.rules, s.measures.size(), *date),
                    {},
                    {},
                    {},
                    {},
                    {},
                    {},
                    {},
                    recording};
  compiler.out.trace.usmca_method = ToString(method);
  for (std::size_t m : compiler.months.months) compiler.out.trace.months.push_back(products->months()[m]);
  if (compiler.share_override) {
    compiler.out.trace.notes.push_back(
        fmt::format("USMCA-qualifying share set to {:.1f}% for every product (override)", 100.0 * *compiler.share_override));
  }
  compiler.Run();
  ValidateShock(b, compiler.out.shock);
  return std::move(compiler.out);
}

CompiledScenario CompileScenario(const Scenario& s, const Baseline& b, const CompileOptions& o) {
  return detail::CompileScenarioRecorded(s, b, o, nullptr);
}

Baseline ApplyScenarioSectors(Baseline baseline, const CompiledScenario& compiled) {
  if (compiled.sectors.size() != baseline.sector_count()) {
    throw ArgumentError("the compiled scenario's sectors do not match the baseline's",
                        "apply it to the baseline it was compiled against");
  }
  for (std::size_t j = 0; j < baseline.sector_count(); ++j) {
    if (compiled.sectors[j].code != baseline.sectors[j].code) {
      throw ArgumentError("the compiled scenario's sectors do not match the baseline's",
                          "apply it to the baseline it was compiled against");
    }
  }
  baseline.sectors = compiled.sectors;
  return baseline;
}

}  // namespace ricardo
