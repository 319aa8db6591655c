// The compiler's working state: one object per CompileScenario call.
//
// Pairs with product weights are compiled line by line (compile_products.cpp), the others sector
// by sector from coverages (compile_sectors.cpp); both write terms of the tariff form
// (ricardo/tariff_form.hpp) through FormBuilder and the trace's rate-free parts. compile.cpp
// drives them, evaluates the form at the scenario's rates and fills the trace's numbers from
// the result, so the trace and the shock agree by construction.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "ricardo/scenario.hpp"
#include "ricardo/tariff_form.hpp"
#include "tariffs/compile_context.hpp"
#include "tariffs/import_weights.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/stacking.hpp"

namespace ricardo::detail {

// Accumulates the form of one compile: per cell, the weight of every (measure, threshold).
class FormBuilder {
 public:
  FormBuilder(const Baseline& baseline, std::size_t measure_count);

  // Adds `weight` to the term of (cell, measure, threshold) — or, for a measure whose rate is
  // fixed (taken from the baseline), weight × fixed_rate to the cell's fixed part.
  void Add(std::size_t cell, std::size_t measure, double weight, double threshold,
           std::optional<double> fixed_rate);

  std::size_t Cell(std::size_t importer, std::size_t exporter, std::size_t sector) const {
    return (importer * regions_ + exporter) * sectors_ + sector;
  }
  TariffForm Build() &&;

 private:
  std::size_t regions_, sectors_, measures_;
  Array3 base_;
  // Keyed (cell, measure, threshold); ordered so that the fixed parts are summed in key order.
  std::map<std::tuple<std::size_t, std::size_t, double>, double> terms_;
  std::map<std::tuple<std::size_t, std::size_t>, double> fixed_;  // (cell, measure) → charge
};

// A share of an exporter region's trade and the measures charged on it: the whole region when no
// measure names some of its countries, else one portion per set of countries named by the same
// measures, and the rest of the region.
struct OriginPortion {
  double share = 1.0;
  std::vector<std::size_t> measures;   // active measures, in scenario order
  std::string label;                   // "" when the portion is the whole region
  std::vector<std::string> countries;  // ISO3 codes; empty for the whole region or its rest
};

class Compiler {
 public:
  Compiler(const Scenario& scenario, const Baseline& baseline, const ProductData& products,
           const CompileContext& context, const CompileOptions& options, Date date,
           std::optional<double> share_override, MonthChoice months);

  // Compiles every pair and the trade costs into *out: the form, the shock (the form evaluated
  // at the scenario's rates, and d̂), the trace with its numbers read off that shock, and the
  // metadata. out->baseline must already be the baseline with the elasticity overrides.
  void Run(CompiledScenario* out);
  // The trace's sector and pair rates read off out->shock again (after a reference-date
  // compile replaced the form and the shock).
  void FillTraceNumbers();

 private:
  const Scenario& s_;
  const Baseline& b_;
  const ProductData& p_;
  const CompileContext& ctx_;
  const CompileOptions& options_;
  Date date_;
  std::optional<double> share_override_;
  MonthChoice months_;
  RuleTable rules_;
  FormBuilder form_;
  CompiledScenario* out_ = nullptr;
  std::vector<std::size_t> in_force_;               // measure indices
  std::vector<DerivedCache::MemberSet> members_;    // per measure in force: product set
  std::vector<const std::uint8_t*> in_;             // per measure: members_[k]->in.data()
  std::vector<std::vector<std::uint8_t>> reaches_;  // per measure, per sector (on use)
  std::vector<WeightedProduct> proxy_;              // pooled US imports from CAN + MEX
  bool proxy_ready_ = false;
  long long trace_lines_ = 0;                   // product trace lines kept
  std::vector<std::uint8_t> content_fallback_;  // per measure: used the 0.5 fallback
  std::vector<std::size_t> sector_cells_;       // per trace sector: its cell
  std::vector<std::pair<std::size_t, std::size_t>> pair_regions_;  // per trace pair: (n, i)

  // The statutory rate of measure k on a product of `sector` (-1: none) imported by `importer`:
  // its own rate, or the baseline's rate when it takes its rate from the baseline.
  double RateFor(std::size_t k, std::size_t importer, int sector) const;
  std::optional<double> FixedRate(std::size_t k, std::size_t importer, std::size_t sector) const;
  // What the measure's rate is charged above on the product: its MFN rate for an all-in floor,
  // else 0 (see TariffTerm::threshold).
  double Threshold(std::size_t k, std::size_t code) const;
  ActiveMeasure Active(std::size_t k, std::size_t code, std::size_t importer, int sector);
  SectorTrace MakeSectorTrace(std::size_t n, std::size_t i, std::size_t j,
                              std::string method) const;
  void AddSectorTrace(SectorTrace trace, std::size_t n, std::size_t i, std::size_t j);
  void AddProductTrace(std::size_t n, std::size_t i, const WeightedProduct& line, int sector,
                       double usmca_share, StackedProduct stacked);
  // Whether products of exporter i and sector j (-1: none) are traced (CompileOptions).
  bool Traced(std::size_t i, int sector) const;
  std::string MonthsText() const;
  const std::vector<WeightedProduct>& Proxy();

  std::vector<OriginPortion> Portions(std::size_t exporter,
                                      const std::vector<std::size_t>& active) const;

  // compile_products.cpp
  void CompileProducts(std::size_t n, std::size_t i, const std::vector<WeightedProduct>& lines,
                       const std::vector<OriginPortion>& portions, PairTrace* pair);
  // compile_sectors.cpp
  void CompileSectors(std::size_t n, std::size_t i, const std::vector<OriginPortion>& portions);
  // The terms of sector j of pair (n, i) on one portion of the exporter's trade, from the
  // coverage of each of the portion's measures; true if any.
  bool SectorTerms(std::size_t n, std::size_t i, std::size_t j, const OriginPortion& portion,
                   std::vector<std::string>* notes, std::string* method);
  void ProxyShares(std::size_t k, std::size_t j, double* covered_share, double* content,
                   bool* have_weights);
  bool Reaches(std::size_t k, std::size_t j);
  double ValueCoverage(std::size_t k, std::size_t n, std::size_t i, std::size_t j,
                       std::vector<std::string>* notes);
  void CompileTradeCosts();
};

// compile_reference.cpp: a reference-date compile's trace beside the date's. AttachReference
// writes the reference date, its measures and per sector and pair what was charged then, before
// FillTraceNumbers reads the sector numbers off the changed shock.
void AttachReference(const CompileTrace& reference, CompileTrace* trace);
// Adds a warning to the compile's trace (and to its notes).
void Warn(CompiledScenario* out, std::string text);

}  // namespace ricardo::detail
