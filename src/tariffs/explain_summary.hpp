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
std::vector<MeasureSummary> SummariseMeasures(const CompiledScenario& compiled,
                                              const PairTrace& pair, const ExplainOptions& options);
// The pair's products passing the filters, largest value × rate first.
std::vector<const ProductTrace*> SelectProducts(const CompiledScenario& compiled,
                                                const PairTrace& pair,
                                                const ExplainOptions& options);

// The product trace lines an answer may still show (ExplainOptions::max_trace_lines), and what
// it has left out. Products are taken in the order they are shown; the first that does not fit
// ends the trace.
class TraceLineBudget {
 public:
  explicit TraceLineBudget(long long max_trace_lines) : limit_(max_trace_lines) {}
  // True if `product` is shown (and its lines counted), false if it is left out.
  bool Take(const ProductTrace& product);
  long long limit() const { return limit_; }
  long long shown_lines() const { return shown_lines_; }
  long long left_out_lines() const { return left_out_lines_; }
  long long left_out_products() const { return left_out_products_; }
  // "12,345 product trace lines (50 products) left out: ..." for the text and the JSON.
  std::string LeftOutNote() const;

 private:
  long long limit_;
  long long shown_lines_ = 0, left_out_lines_ = 0, left_out_products_ = 0;
  bool full_ = false;
};

}  // namespace ricardo::detail
