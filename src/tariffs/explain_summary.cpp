#include "tariffs/explain_summary.hpp"

#include <algorithm>

namespace ricardo::detail {

bool PairSelected(const PairTrace& pair, const ExplainOptions& options) {
  return !options.origin || pair.exporter == *options.origin;
}

bool SectorSelected(const std::string& sector, const ExplainOptions& options) {
  return !options.sector || sector == *options.sector;
}

std::vector<const ProductTrace*> SelectProducts(const CompiledScenario& compiled, const PairTrace& pair,
                                                const ExplainOptions& options) {
  std::vector<const ProductTrace*> out;
  for (const ProductTrace& p : compiled.trace.products) {
    if (p.importer == pair.importer && p.exporter == pair.exporter && SectorSelected(p.sector, options)) {
      out.push_back(&p);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ProductTrace* a, const ProductTrace* b) {
    return a->value_usd * a->rate > b->value_usd * b->rate;
  });
  return out;
}

std::vector<MeasureSummary> SummariseMeasures(const CompiledScenario& compiled, const PairTrace& pair,
                                              const ExplainOptions& options) {
  std::vector<MeasureSummary> out;
  double total = 0.0;
  if (options.sector) {
    for (const SectorTrace& s : compiled.trace.sectors) {
      if (s.importer == pair.importer && s.exporter == pair.exporter && s.sector == *options.sector) {
        total += s.value_usd;
      }
    }
  } else {
    total = pair.value_usd;
  }
  for (const ProductTrace* p : SelectProducts(compiled, pair, options)) {
    for (const MeasureHit& h : p->hits) {
      auto it = std::find_if(out.begin(), out.end(), [&](const MeasureSummary& m) { return m.measure == h.measure; });
      if (it == out.end()) {
        out.push_back({h.measure, 0.0, 0.0});
        it = out.end() - 1;
      }
      if (h.contribution > 0.0 || h.rate == 0.0) it->value_hit_usd += p->value_usd;
      it->contribution += p->value_usd * h.contribution;
    }
  }
  for (MeasureSummary& m : out) m.contribution = total > 0.0 ? m.contribution / total : 0.0;
  std::stable_sort(out.begin(), out.end(),
                   [](const MeasureSummary& a, const MeasureSummary& b) { return a.contribution > b.contribution; });
  return out;
}

}  // namespace ricardo::detail
