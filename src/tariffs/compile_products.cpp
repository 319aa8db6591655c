// Products mode: a pair with product-level import weights, compiled line by line.
//
// Each line's measures are stacked (stacking.hpp) into a weight per measure — the share of the
// line's value charged at the measure's rate — and a sector's term for a measure is the
// import-weighted mean of those weights over the sector's lines.
#include <algorithm>
#include <map>
#include <tuple>

#include "fmt/format.h"
#include "tariffs/compiler.hpp"

namespace ricardo::detail {

void Compiler::AddProductTrace(std::size_t n, std::size_t i, const WeightedProduct& line,
                               int sector, double usmca_share, StackedProduct stacked) {
  trace_lines_ += static_cast<long long>(1 + stacked.hits.size() + stacked.displaced.size());
  if (options_.max_product_trace_lines >= 0 && trace_lines_ > options_.max_product_trace_lines) {
    throw LimitError(
        Location{s_.file.empty() ? s_.name : s_.file, 0, 0, ""},
        fmt::format("the product trace passes {} lines (a product and each measure under it count "
                    "one; {} products so far, the last imported by {} from {})",
                    options_.max_product_trace_lines, out_->trace.products.size() + 1,
                    b_.regions[n].code, b_.regions[i].code),
        "explain one origin or sector (scenario explain --origin CAN --sector metals; /explain "
        "\"origin\", \"sector\"), or raise CompileOptions::max_product_trace_lines");
  }
  ProductTrace t;
  t.importer = b_.regions[n].code;
  t.exporter = b_.regions[i].code;
  t.hts10 = p_.code(line.code);
  t.description = p_.Description(line.code);
  t.sector = sector >= 0 ? b_.sectors[static_cast<std::size_t>(sector)].code : "";
  t.value_usd = line.value_usd;
  t.usmca_share = usmca_share;
  t.hits = std::move(stacked.hits);
  t.displaced = std::move(stacked.displaced);
  t.rate = stacked.rate;
  out_->trace.products.push_back(std::move(t));
}

bool Compiler::Traced(std::size_t i, int sector) const {
  if (!options_.product_trace) return false;
  if (options_.product_trace_origin && b_.regions[i].code != *options_.product_trace_origin)
    return false;
  if (!options_.product_trace_sector) return true;
  return sector >= 0 &&
         b_.sectors[static_cast<std::size_t>(sector)].code == *options_.product_trace_sector;
}

namespace {

// One product's stacking on several portions of the exporter's trade, as one: each hit's share
// of value and contribution weighted by its portion's share, the same measure's hits on several
// portions summed (its wording taken from the first, with the portions named).
StackedProduct MergePortions(std::vector<std::pair<const OriginPortion*, StackedProduct>> parts) {
  StackedProduct out;
  std::map<std::size_t, std::size_t> hit_of;  // measure → index in out.hits
  std::map<std::size_t, std::vector<std::string>> labels;
  for (auto& [portion, stacked] : parts) {
    out.rate += portion->share * stacked.rate;
    for (std::size_t h = 0; h < stacked.hits.size(); ++h) {
      MeasureHit hit = std::move(stacked.hits[h]);
      hit.value_share *= portion->share;
      hit.contribution *= portion->share;
      const std::size_t k = stacked.hit_index[h];
      labels[k].push_back(portion->label);
      if (auto it = hit_of.find(k); it != hit_of.end()) {
        out.hits[it->second].value_share += hit.value_share;
        out.hits[it->second].contribution += hit.contribution;
        continue;
      }
      hit_of[k] = out.hits.size();
      out.hits.push_back(std::move(hit));
      out.hit_index.push_back(k);
    }
    for (std::string& d : stacked.displaced) out.displaced.push_back(portion->label + ": " + d);
  }
  for (std::size_t h = 0; h < out.hits.size(); ++h) {
    out.hits[h].how =
        fmt::format("{} (on {})", out.hits[h].how, fmt::join(labels[out.hit_index[h]], "; "));
  }
  return out;
}

}  // namespace

void Compiler::CompileProducts(std::size_t n, std::size_t i,
                               const std::vector<WeightedProduct>& lines,
                               const std::vector<OriginPortion>& portions, PairTrace* pair) {
  const std::size_t J = b_.sector_count();
  const std::size_t M = s_.measures.size();
  std::vector<double> value(J, 0.0);
  std::vector<double> weighted(J * M, 0.0);  // (sector, measure): Σ value × portion share × weight
  // The same for all-in floors, whose terms are kept apart by threshold (the line's MFN rate).
  std::map<std::tuple<std::size_t, std::size_t, double>, double> floors;
  std::vector<int> count(J, 0), hit(J, 0);
  double total = 0.0, total_charged = 0.0, unmapped = 0.0;
  std::vector<double> portion_charged(portions.size(), 0.0);  // Σ value × rate on each portion
  std::vector<ActiveMeasure> here;
  std::vector<std::pair<const OriginPortion*, StackedProduct>> traced;
  for (const WeightedProduct& line : lines) {
    ctx_.clock.Check();
    const int j = ctx_.code_sector[line.code];
    const double u = share_override_.value_or(line.usmca_share);
    const bool trace = Traced(i, j);
    double rate = 0.0;
    traced.clear();
    for (std::size_t p = 0; p < portions.size(); ++p) {
      const OriginPortion& portion = portions[p];
      here.clear();
      for (std::size_t k : portion.measures) {
        if (in_[k][line.code]) here.push_back(Active(k, line.code, n, j));
      }
      if (here.empty()) continue;
      StackedProduct stacked = StackProduct(here, u, rules_, s_, trace);
      rate += portion.share * stacked.rate;
      portion_charged[p] += line.value_usd * stacked.rate;
      if (j >= 0) {
        double* row = weighted.data() + static_cast<std::size_t>(j) * M;
        for (std::size_t a = 0; a < here.size(); ++a) {
          const std::size_t k = here[a].measure;
          const double charged = line.value_usd * portion.share * stacked.weights[a];
          if (s_.measures[k].rate_form == RateForm::kAllInFloor) {
            floors[{static_cast<std::size_t>(j), k, Threshold(k, line.code)}] += charged;
          } else {
            row[k] += charged;
          }
        }
      }
      if (trace) traced.emplace_back(&portion, std::move(stacked));
    }
    if (!traced.empty()) {
      AddProductTrace(n, i, line, j, u,
                      portions.size() == 1 ? std::move(traced.front().second)
                                           : MergePortions(std::move(traced)));
    }
    total += line.value_usd;
    total_charged += line.value_usd * rate;
    if (j < 0) {
      unmapped += line.value_usd;
      continue;
    }
    value[static_cast<std::size_t>(j)] += line.value_usd;
    ++count[static_cast<std::size_t>(j)];
    if (rate > 0.0) ++hit[static_cast<std::size_t>(j)];
  }
  pair->value_usd = total;
  pair->unmapped_value_usd = unmapped;
  pair->all_goods_rate = total > 0.0 ? total_charged / total : 0.0;
  if (portions.size() > 1 || !portions.front().countries.empty()) {
    for (std::size_t p = 0; p < portions.size(); ++p) {
      pair->portion_rates.push_back({portions[p].countries, portions[p].share,
                                     total > 0.0 ? portion_charged[p] / total : 0.0});
    }
  }
  std::vector<char> floor_terms(J, 0);
  for (const auto& [key, w] : floors) {
    const auto [j, k, threshold] = key;
    if (w <= 0.0) continue;
    form_.Add(form_.Cell(n, i, j), k, w / value[j], threshold, std::nullopt);
    floor_terms[j] = 1;
  }
  for (std::size_t j = 0; j < J; ++j) {
    if (value[j] > 0.0) {
      bool terms = floor_terms[j] != 0;
      for (std::size_t k = 0; k < M; ++k) {
        const double w = weighted[j * M + k];
        if (w <= 0.0) continue;
        form_.Add(form_.Cell(n, i, j), k, w / value[j], 0.0, FixedRate(k, n, j));
        terms = true;
      }
      if (!terms && hit[j] == 0) continue;
      SectorTrace t = MakeSectorTrace(n, i, j, "products");
      t.value_usd = value[j];
      t.products = count[j];
      t.products_hit = hit[j];
      AddSectorTrace(std::move(t), n, i, j);
      continue;
    }
    // No imports of the sector's products in these months: only measures naming the sector
    // apply (sector mode); product-scoped ones have no trade to weight.
    std::vector<std::string> notes;
    std::string method;
    bool terms = false;
    for (const OriginPortion& portion : portions) {
      OriginPortion naming{portion.share, {}, portion.label, portion.countries};
      for (std::size_t k : portion.measures) {
        const auto& named = ctx_.scope_sectors[k];
        if (std::find(named.begin(), named.end(), j) != named.end()) naming.measures.push_back(k);
      }
      if (!naming.measures.empty()) terms = SectorTerms(n, i, j, naming, &notes, &method) || terms;
    }
    if (!terms) continue;
    SectorTrace t = MakeSectorTrace(n, i, j, method);
    t.notes = std::move(notes);
    t.notes.insert(
        t.notes.begin(),
        "no product imports in these months: measures naming the sector apply to all of it");
    AddSectorTrace(std::move(t), n, i, j);
  }
}

}  // namespace ricardo::detail
