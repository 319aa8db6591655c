#include "tariffs/explain_summary.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "fmt/format.h"

namespace ricardo::detail {

bool PairSelected(const PairTrace& pair, const ExplainOptions& options) {
  return !options.origin || pair.exporter == *options.origin;
}

bool SectorSelected(const std::string& sector, const ExplainOptions& options) {
  return !options.sector || sector == *options.sector;
}

std::vector<const ProductTrace*> SelectProducts(const CompiledScenario& compiled,
                                                const PairTrace& pair,
                                                const ExplainOptions& options) {
  std::vector<const ProductTrace*> out;
  for (const ProductTrace& p : compiled.trace.products) {
    if (p.importer == pair.importer && p.exporter == pair.exporter &&
        SectorSelected(p.sector, options)) {
      out.push_back(&p);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ProductTrace* a, const ProductTrace* b) {
    return a->value_usd * a->rate > b->value_usd * b->rate;
  });
  return out;
}

std::vector<MeasureSummary> SummariseMeasures(const CompiledScenario& compiled,
                                              const PairTrace& pair,
                                              const ExplainOptions& options) {
  std::vector<MeasureSummary> out;
  double total = 0.0;
  if (options.sector) {
    for (const SectorTrace& s : compiled.trace.sectors) {
      if (s.importer == pair.importer && s.exporter == pair.exporter &&
          s.sector == *options.sector) {
        total += s.value_usd;
      }
    }
  } else {
    total = pair.value_usd;
  }
  // By id: a product can carry hundreds of hits, and a scan of `out` for each was quadratic.
  std::unordered_map<std::string_view, std::size_t> index_of;
  for (const ProductTrace* p : SelectProducts(compiled, pair, options)) {
    for (const MeasureHit& h : p->hits) {
      const auto [found, added] = index_of.emplace(h.measure, out.size());
      if (added) out.push_back({h.measure, 0.0, 0.0});
      MeasureSummary* it = &out[found->second];
      if (h.contribution > 0.0 || h.rate == 0.0) it->value_hit_usd += p->value_usd;
      it->contribution += p->value_usd * h.contribution;
    }
  }
  for (MeasureSummary& m : out) m.contribution = total > 0.0 ? m.contribution / total : 0.0;
  std::stable_sort(out.begin(), out.end(), [](const MeasureSummary& a, const MeasureSummary& b) {
    return a.contribution > b.contribution;
  });
  return out;
}

bool TraceLineBudget::Take(const ProductTrace& product) {
  const auto lines = static_cast<long long>(1 + product.hits.size() + product.displaced.size());
  if (!full_ && (limit_ < 0 || shown_lines_ + lines <= limit_)) {
    shown_lines_ += lines;
    return true;
  }
  full_ = true;
  left_out_lines_ += lines;
  ++left_out_products_;
  return false;
}

std::string TraceLineBudget::LeftOutNote() const {
  return fmt::format(
      "{} product trace lines ({} products) left out: an answer shows at most {} lines; narrow it "
      "to one origin or sector (scenario explain --origin CAN --sector metals; /explain "
      "\"origin\", \"sector\"), or raise the limit (--max-trace-lines, -1 for all)",
      left_out_lines_, left_out_products_, limit_);
}

}  // namespace ricardo::detail
