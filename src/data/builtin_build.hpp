// The one method behind both built-in baselines (docs/baseline-format.md, "The built-in
// baselines"): import WIOD 2011, aggregate to the baseline's regions, pre-2025 tariffs, one
// nominal factor, then rescale to the 2024 targets and calibrate until every target is met.
// world.cpp and north_america.cpp say which regions and which targets.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "data/us_trade_2024.hpp"
#include "ricardo/builtin_baselines.hpp"

namespace ricardo::data_internal {

// What the target rules may read.
struct TargetInputs {
  const Baseline& baseline_2011;  // aggregated WIOD 2011, before any rescaling
  const UsTrade2024& trade;
  const GtapConcordance& concordance;
  std::vector<std::string>* notes;  // construction notes (manifest and PROVENANCE.md)
};

struct BuiltinSpec {
  std::string name;  // "world"
  std::string title;
  // Regions in model order; the last one takes every WIOD region no other lists.
  struct RegionGroup {
    std::string code, name;
    std::vector<std::string> wiod_members;  // ricardo codes of WIOD regions (empty: the code)
  };
  std::vector<RegionGroup> regions;
  std::function<std::vector<FlowTarget>(const TargetInputs&)> targets;
  // Construction steps specific to the baseline (Markdown list items, without the leading "- ").
  std::vector<std::string> method;
};

BuiltinBuild BuildBuiltin(const BuiltinSpec& spec, const BuiltinBuildOptions& options);

// ---- Helpers for the target rules (builtin_targets.cpp) ----

// 2024 US imports (US$) by WIOD industry of the GTAP rows of `groups`, split by the concordance.
std::vector<double> GroupImportsByIndustry(const TargetInputs& in,
                                           const std::vector<std::string>& groups);
// Industries the concordance sends some GTAP value to: the goods industries, plus any other the
// product data place goods lines in on purpose (electricity in utilities).
std::vector<bool> ReachedIndustries(const GtapConcordance& concordance);
// One target per reached industry: importer ← exporter, `usd` scaled to sum to `total_usd`.
void AddSectorTargets(const TargetInputs& in, const std::string& importer,
                      const std::string& exporter, std::vector<double> usd, double total_usd,
                      const std::string& source, std::vector<FlowTarget>* targets);
// US imports from each (region, GTAP partner group) by sector: the region's 2024 total × the
// group's shares. Returns the sum of the totals (US$).
double AddGroupImportTargets(const TargetInputs& in,
                             const std::vector<std::pair<std::string, std::string>>& regions,
                             std::vector<FlowTarget>* targets);
// Goods-sector shares of importer ← exporter in the 2011 baseline (zero for other sectors).
std::vector<double> GoodsMix2011(const TargetInputs& in, const std::string& importer,
                                 const std::string& exporter);

// US exports: one goods target per region of `known` (its 2024 total), and one for `rest`
// together (the US world total less the known ones); then Canada–Mexico both ways (Statistics
// Canada).
void AddExportAndCanadaMexicoTargets(const TargetInputs& in, const std::vector<std::string>& known,
                                     const std::vector<std::string>& rest,
                                     const std::string& rest_source,
                                     std::vector<FlowTarget>* targets);

// PROVENANCE.md of a built baseline (builtin_provenance.cpp).
std::string BuiltinProvenance(const BuiltinSpec& spec, const BuiltinBuild& build,
                              const UsTrade2024& trade, const std::vector<std::string>& notes);

}  // namespace ricardo::data_internal
