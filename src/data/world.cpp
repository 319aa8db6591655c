// The built-in baseline "world": the main US partners as regions (docs/baseline-format.md, "The
// built-in world baseline"). Which regions, and which 2024 values it is rescaled to.
#include <numeric>

#include "data/builtin_build.hpp"
#include "fmt/format.h"

namespace ricardo {
namespace {

using data_internal::TargetInputs;

// WIOD's EU members of 2011 other than the United Kingdom (Croatia is inside WIOD's RoW).
const std::vector<std::string> kEu26 = {
    "AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HUN",
    "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"};

// Partners inside the GTAP groups row/ftrow: their 2011 mix scaled to their 2024 total.
const char* const kByTotal[] = {"KOR", "TWN", "IND", "BRA"};

double Bn(double usd) {
  return usd / 1e9;
}

std::vector<FlowTarget> WorldTargets(const TargetInputs& in) {
  const auto& trade = in.trade;
  std::vector<FlowTarget> targets;

  // Census-basis imports from the six partners with sector data.
  const double named = data_internal::AddGroupImportTargets(in,
                                                            {{"CAN", "canada"},
                                                             {"MEX", "mexico"},
                                                             {"CHN", "china"},
                                                             {"EU27", "eu"},
                                                             {"GBR", "uk"},
                                                             {"JPN", "japan"}},
                                                            &targets);
  double by_total = 0.0;
  for (const char* region : kByTotal) {
    targets.push_back({{"USA"},
                       {region},
                       "",
                       trade.imports.at(region).value_usd,
                       fmt::format("{} total, WIOD 2011 mix", region)});
    by_total += trade.imports.at(region).value_usd;
  }

  // ROW: the GTAP groups row + ftrow (every country but the six named) at the Census-basis total
  // of those countries, less what KOR, TWN, IND and BRA take in their 2011 mix.
  const double groups_census = trade.world_imports.value_usd - named;
  std::vector<double> rest = data_internal::GroupImportsByIndustry(in, {"row", "ftrow"});
  const double groups_gtap = std::accumulate(rest.begin(), rest.end(), 0.0);
  for (double& v : rest) v *= groups_census / groups_gtap;
  for (const char* region : kByTotal) {
    const std::vector<double> mix = data_internal::GoodsMix2011(in, "USA", region);
    for (std::size_t j = 0; j < rest.size(); ++j)
      rest[j] -= mix[j] * trade.imports.at(region).value_usd;
  }
  const double row_total = groups_census - by_total;
  std::string negative;
  for (std::size_t j = 0; j < rest.size(); ++j) {
    if (rest[j] >= 0.0) continue;
    negative += fmt::format("{}{} ({:.2f} US$ bn)", negative.empty() ? "" : ", ",
                            in.baseline_2011.sectors[j].code, Bn(rest[j]));
    rest[j] = 0.0;
  }
  in.notes->push_back(fmt::format(
      "US imports from ROW: {:.2f} US$ bn (US world total {:.1f} less the ten partners); by sector "
      "the GTAP groups row + ftrow scaled to their Census-basis total {:.2f} (from {:.2f}), less "
      "KOR, TWN, IND and BRA in their 2011 mix{}",
      Bn(row_total), Bn(trade.world_imports.value_usd), Bn(groups_census), Bn(groups_gtap),
      negative.empty() ? "; no sector negative"
                       : "; negative remainders set to 0 and the rest rescaled: " + negative));
  data_internal::AddSectorTargets(in, "USA", "ROW", rest, row_total,
                                  "ROW: GTAP row+ftrow less KOR, TWN, IND, BRA", &targets);

  data_internal::AddExportAndCanadaMexicoTargets(
      in, {"CAN", "MEX", "CHN", "EU27", "GBR", "BRA"}, {"JPN", "KOR", "TWN", "IND", "ROW"},
      "US world exports less the six partners above", &targets);
  return targets;
}

}  // namespace

BuiltinBuild BuildWorld(const BuiltinBuildOptions& options) {
  data_internal::BuiltinSpec spec;
  spec.name = "world";
  spec.title =
      "The main US partners and the rest of the world, 35 WIOD industries, 2024 (WIOD "
      "2011 rescaled to 2024 US trade by sector)";
  spec.regions = {{"USA", "United States", {}},
                  {"CAN", "Canada", {}},
                  {"MEX", "Mexico", {}},
                  {"CHN", "China", {}},
                  {"EU27", "European Union", kEu26},
                  {"GBR", "United Kingdom", {}},
                  {"JPN", "Japan", {}},
                  {"KOR", "Korea", {}},
                  {"IND", "India", {}},
                  {"TWN", "Taiwan", {}},
                  {"BRA", "Brazil", {}},
                  {"ROW", "Rest of the world", {}}};
  spec.targets = WorldTargets;
  spec.method = {
      "EU27 = WIOD's 26 EU members other than the United Kingdom; Croatia (EU member since 2013) "
      "is inside WIOD's RoW and so in ROW here, while the Census EU27 figures include it "
      "(about US$ 0.9 bn of US imports, 0.15% of the EU27 total). ROW = Australia, Indonesia, "
      "Russia, Turkey and WIOD's RoW.",
      "US imports from CAN, MEX, CHN, EU27, GBR and JPN by sector: the pair's 2024 total × the "
      "sector shares of its GTAP partner group (canada, mexico, china, eu, uk, japan) mapped to "
      "the 35 industries by the concordance below.",
      "US imports from KOR, TWN, IND and BRA (inside the GTAP groups ftrow and row): the pair's "
      "WIOD 2011 sector mix scaled to its 2024 total.",
      "US imports from ROW: the rest of the 2024 US world total; by sector the GTAP groups row + "
      "ftrow (scaled to the Census-basis total of their countries) less what KOR, TWN, IND and "
      "BRA take in their 2011 mix, so that US imports by sector from all partners together are "
      "2024's.",
      "US exports to CAN, MEX, CHN, EU27, GBR and BRA: their 2024 totals (WIOD 2011 mix); to JPN, "
      "KOR, TWN, IND and ROW together: the rest of the US world total, one factor for the five.",
      "Canada–Mexico both ways: Statistics Canada 2024, as for north-america.",
      "Stays at 2011 × the nominal factor: every flow among the partners other than the USA "
      "(except Canada–Mexico), all services trade (utilities of the US pairs with GTAP data "
      "apart: electricity is a good at the border, see below), and every region's domestic "
      "sales."};
  return data_internal::BuildBuiltin(spec, options);
}

}  // namespace ricardo
