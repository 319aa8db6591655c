// Helpers the target rules of the built-in baselines share (see builtin_build.hpp).
#include <algorithm>

#include "data/builtin_build.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/wiod_industries.hpp"

namespace ricardo::data_internal {

std::vector<double> GroupImportsByIndustry(const TargetInputs& in,
                                           const std::vector<std::string>& groups) {
  std::vector<double> usd(wiod::kIndustries.size(), 0.0);
  for (const auto& group : groups) {
    const auto it = in.trade.group_imports_usd.find(group);
    if (it == in.trade.group_imports_usd.end()) {
      throw InternalError(fmt::format("no GTAP partner group '{}'", group));
    }
    for (std::size_t g = 0; g < in.trade.gtap_codes.size(); ++g) {
      const std::vector<double> shares = in.concordance.SharesOf(in.trade.gtap_codes[g]);
      for (std::size_t j = 0; j < usd.size(); ++j) usd[j] += it->second[g] * shares[j];
    }
  }
  return usd;
}

std::vector<bool> ReachedIndustries(const GtapConcordance& concordance) {
  std::vector<bool> reached(wiod::kIndustries.size(), false);
  for (std::size_t j = 0; j < reached.size(); ++j) {
    reached[j] = wiod::kIndustries[j].goods;
    for (const auto& s : concordance.splits) {
      if (s.sector == wiod::kIndustries[j].code) reached[j] = true;
    }
  }
  return reached;
}

void AddSectorTargets(const TargetInputs& in, const std::string& importer,
                      const std::string& exporter, std::vector<double> usd, double total_usd,
                      const std::string& source, std::vector<FlowTarget>* targets) {
  const std::vector<bool> reached = ReachedIndustries(in.concordance);
  double sum = 0.0;
  for (std::size_t j = 0; j < usd.size(); ++j) sum += reached[j] ? usd[j] : 0.0;
  if (sum <= 0.0)
    throw InternalError(fmt::format("no 2024 imports for {} ← {}", importer, exporter));
  for (std::size_t j = 0; j < usd.size(); ++j) {
    if (!reached[j]) continue;
    targets->push_back({{importer},
                        {exporter},
                        in.baseline_2011.sectors[j].code,
                        usd[j] / sum * total_usd,
                        source});
  }
}

double AddGroupImportTargets(const TargetInputs& in,
                             const std::vector<std::pair<std::string, std::string>>& regions,
                             std::vector<FlowTarget>* targets) {
  double total = 0.0;
  for (const auto& [region, group] : regions) {
    const double usd = in.trade.imports.at(region).value_usd;
    AddSectorTargets(in, "USA", region, GroupImportsByIndustry(in, {group}), usd,
                     fmt::format("{} × GTAP group {}", region, group), targets);
    total += usd;
  }
  return total;
}

std::vector<double> GoodsMix2011(const TargetInputs& in, const std::string& importer,
                                 const std::string& exporter) {
  const Baseline& b = in.baseline_2011;
  const std::vector<bool> goods = GoodsSectors(b);
  const std::size_t n = *b.FindRegion(importer), i = *b.FindRegion(exporter);
  std::vector<double> mix(b.sector_count(), 0.0);
  double total = 0.0;
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (goods[j]) total += (mix[j] = b.trade_flows(n, i, j));
  }
  for (double& m : mix) m = total > 0.0 ? m / total : 0.0;
  return mix;
}

void AddExportAndCanadaMexicoTargets(const TargetInputs& in, const std::vector<std::string>& known,
                                     const std::vector<std::string>& rest,
                                     const std::string& rest_source,
                                     std::vector<FlowTarget>* targets) {
  double known_usd = 0.0;
  for (const auto& region : known) {
    const double usd = in.trade.exports.at(region).value_usd;
    targets->push_back({{region}, {"USA"}, "", usd, "US exports to " + region});
    known_usd += usd;
  }
  targets->push_back(
      {rest, {"USA"}, "", in.trade.world_exports.value_usd - known_usd, rest_source});
  targets->push_back({{"CAN"}, {"MEX"}, "", kCanadaImportsFromMexico2024Usd, "Statistics Canada"});
  targets->push_back({{"MEX"}, {"CAN"}, "", kCanadaExportsToMexico2024Usd, "Statistics Canada"});
}

}  // namespace ricardo::data_internal
