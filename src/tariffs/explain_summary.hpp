// Figures shared by the text and JSON explanations: which pairs, sectors and products pass the
// filters, and each measure's part in a pair's all-goods rate.
#pragma once

#include <string>
#include <vector>

#include "ricardo/scenario.hpp"

namespace ricardo::detail {

struct MeasureSummary {
  std::string measure;
  double value_hit_usd = 0.0;  // value of the pair's products it was charged on
  double contribution = 0.0;   // Σ value · contribution / pair value: its part of all_goods_rate
};

bool PairSelected(const PairTrace& pair, const ExplainOptions& options);
bool SectorSelected(const std::string& sector, const ExplainOptions& options);
// Per measure, in the order they are first met; empty without a product trace.
std::vector<MeasureSummary> SummariseMeasures(const CompiledScenario& compiled, const PairTrace& pair,
                                              const ExplainOptions& options);
// The pair's products passing the filters, largest value × rate first.
std::vector<const ProductTrace*> SelectProducts(const CompiledScenario& compiled, const PairTrace& pair,
                                                const ExplainOptions& options);

}  // namespace ricardo::detail
