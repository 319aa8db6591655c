// The built-in baseline "north-america": USA, CAN, MEX and the rest of the world
// (docs/baseline-format.md, "The built-in north-america baseline"). Which regions, and which
// 2024 values it is rescaled to; the method is the world baseline's (builtin_build.cpp).
#include <numeric>

#include "data/builtin_build.hpp"
#include "fmt/format.h"

namespace ricardo {
namespace {

using data_internal::TargetInputs;

std::vector<FlowTarget> NorthAmericaTargets(const TargetInputs& in) {
  const auto& trade = in.trade;
  std::vector<FlowTarget> targets;
  const double named =
      data_internal::AddGroupImportTargets(in, {{"CAN", "canada"}, {"MEX", "mexico"}}, &targets);
  // ROW: every other GTAP group, at the rest of the US world total.
  const std::vector<double> rest =
      data_internal::GroupImportsByIndustry(in, {"china", "uk", "japan", "eu", "row", "ftrow"});
  const double row_total = trade.world_imports.value_usd - named;
  in.notes->push_back(
      fmt::format("US imports from ROW: {:.2f} US$ bn (US world total {:.1f} less "
                  "CAN and MEX); by sector the GTAP groups china, uk, japan, eu, "
                  "row and ftrow ({:.2f} US$ bn in the GTAP table)",
                  row_total / 1e9, trade.world_imports.value_usd / 1e9,
                  std::accumulate(rest.begin(), rest.end(), 0.0) / 1e9));
  data_internal::AddSectorTargets(in, "USA", "ROW", rest, row_total,
                                  "ROW: GTAP china+uk+japan+eu+row+ftrow", &targets);
  data_internal::AddExportAndCanadaMexicoTargets(in, {"CAN", "MEX"}, {"ROW"},
                                                 "US world exports less CAN and MEX", &targets);
  return targets;
}

}  // namespace

BuiltinBuild BuildNorthAmerica(const BuiltinBuildOptions& options) {
  data_internal::BuiltinSpec spec;
  spec.name = "north-america";
  spec.title =
      "USA, Canada, Mexico and the rest of the world, 35 WIOD industries, 2024 (WIOD "
      "2011 rescaled to 2024 trade)";
  spec.regions = {{"USA", "United States", {}},
                  {"CAN", "Canada", {}},
                  {"MEX", "Mexico", {}},
                  {"ROW", "Rest of the world", {}}};
  spec.targets = NorthAmericaTargets;
  spec.method = {
      "ROW = the 37 other WIOD countries and WIOD's RoW.",
      "US imports from CAN and MEX by sector: the pair's 2024 total × the sector shares of its "
      "GTAP partner group (canada, mexico) mapped to the 35 industries by the concordance below.",
      "US imports from ROW: the rest of the 2024 US world total, by sector the other six GTAP "
      "groups together.",
      "US exports to CAN and MEX: their 2024 totals (WIOD 2011 mix); to ROW the rest of the US "
      "world total. Canada–Mexico both ways: Statistics Canada 2024 totals.",
      "Stays at 2011 × the nominal factor: trade between ROW and CAN or MEX, all services trade "
      "(utilities of the US import pairs apart: electricity is a good at the border, see below), "
      "and every region's domestic sales."};
  return data_internal::BuildBuiltin(spec, options);
}

}  // namespace ricardo
