// Building the built-in "north-america" baseline (docs/baseline-format.md, "The built-in north-america baseline").
#include "ricardo/north_america.hpp"

#include <algorithm>
#include <cmath>

#include "fmt/format.h"
#include "ricardo/aggregate.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/wiod.hpp"

namespace ricardo {
namespace {

constexpr int kWiodYear = 2011;
constexpr int kTargetYear = 2024;
constexpr double kMoneyUnitUsd = 1e6;
const char* const kNafta[] = {"USA", "CAN", "MEX"};

struct PairIndex {
  std::size_t importer, exporter;
  double target;  // money units
};

double GoodsFlow(const Baseline& b, const std::vector<bool>& goods, std::size_t n, std::size_t i) {
  double total = 0.0;
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (goods[j]) total += b.trade_flows(n, i, j);
  }
  return total;
}

double MaxTargetError(const Baseline& b, const std::vector<bool>& goods,
                      const std::vector<PairIndex>& pairs) {
  double worst = 0.0;
  for (const auto& p : pairs) {
    worst = std::max(worst, std::abs(GoodsFlow(b, goods, p.importer, p.exporter) / p.target - 1.0));
  }
  return worst;
}

std::string Bullets(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "- " + line + "\n";
  return out;
}

std::string Provenance(const Baseline& b, const std::vector<bool>& goods,
                       const std::vector<PairIndex>& pairs, double nominal_factor,
                       const std::vector<std::string>& import_notes, int rounds,
                       const SolverSummary& calibration) {
  std::string out;
  out += "# north-america — provenance\n\n";
  out += "Built by `ricardo data build north-america` (scripts/build-north-america.sh) from public "
         "data; do not edit the tables by hand. Format: docs/baseline-format.md; method: "
         "docs/baseline-format.md, section \"The built-in north-america baseline\".\n\n";
  out += "## Sources and licences\n\n";
  out += "- World Input-Output Database, 2013 release, world input-output table 2011 (US$ "
         "million, current prices), converted from the GPL-3 R package `wiod`. Free to use with "
         "citation of Timmer, Dietzenbacher, Los, Stehrer and de Vries (2015), \"An Illustrated "
         "User Guide to the World Input-Output Database\", Review of International Economics.\n";
  out += "- Caliendo and Parro (2015), \"Estimates of the Trade and Welfare Effects of NAFTA\", "
         "Review of Economic Studies 82(1): trade elasticities θ (T.txt), applied tariffs of "
         "2005 (tariffs2005.txt) and 1993 trade (xbilat1993.txt, used as weights); replication "
         "data, cite the paper (copies in data/cp2015/).\n";
  out += "- 2024 goods trade among the three countries: US Census Bureau (US exports to and "
         "imports from Canada and Mexico) and Statistics Canada (Canada–Mexico), as catalogued "
         "in shared/data/README.md.\n\n";
  out += "## Units\n\nMoney: US$ million of 2024 (nominal). Tariffs: fractions. θ: unit-free.\n\n";
  out += "## Construction\n\n";
  out += fmt::format(
      "1. Import the WIOD {} table (41 regions × 35 industries): every adjustment is listed "
      "below.\n"
      "2. Aggregate the 38 other regions (37 countries and WIOD's RoW) into ROW; trade among them "
      "becomes ROW's domestic sales with the tariffs they charged one another (so ROW's tariff "
      "revenue and income are kept).\n"
      "3. Tariffs before the 2025 measures: zero among USA, CAN and MEX on goods (USMCA/NAFTA); "
      "for every other pair Caliendo–Parro's 2005 applied rates mapped to WIOD industries and "
      "aggregated to ROW by trade weights; services zero. Known omission: the Section 301 tariffs "
      "on China (2018–) are not in the 2005 rates.\n"
      "4. Nominal level: every money value × {:.6f}, the ratio of the six 2024 goods flows to "
      "their {} values (so the three countries' trade-to-output ratios are those of {} on "
      "average).\n"
      "5. Composition: each of the six directed goods flows among USA, CAN and MEX is scaled to "
      "its 2024 value (every goods industry of the pair by the same factor); the exporter's "
      "output changes by the same amount (domestic sales unchanged), value-added and input "
      "shares are kept, final-demand shares follow from the expenditure identity.\n"
      "6. Calibrate: solve the model at zero shock keeping the trade surpluses, as Caliendo and "
      "Parro do, so that a zero shock changes nothing; calibration moves the flows slightly, so "
      "steps 5–6 repeat until every target is met ({} round(s)).\n\n",
      kWiodYear, nominal_factor, kWiodYear, kWiodYear, rounds);
  out += "## Checks\n\n| exporter | importer | 2024 target (US$ bn) | baseline (US$ bn) | "
         "source |\n|---|---|---|---|---|\n";
  const auto& targets = NorthAmericaGoodsTrade2024();
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const double value = GoodsFlow(b, goods, pairs[k].importer, pairs[k].exporter) *
                         b.manifest.money_unit / 1e9;
    out += fmt::format("| {} | {} | {:.1f} | {:.4f} | {} |\n", targets[k].exporter,
                       targets[k].importer, targets[k].value_usd / 1e9, value, targets[k].source);
  }
  out += fmt::format("\nCalibration: {}\n\n", calibration.BriefReport());
  out += "## Adjustments made on the way\n\n" + Bullets(import_notes);
  return out;
}

}  // namespace

const std::vector<GoodsTradeTarget>& NorthAmericaGoodsTrade2024() {
  static const std::vector<GoodsTradeTarget> targets = {
      {"USA", "CAN", 349.4e9, "US Census Bureau, US exports to Canada, 2024"},
      {"CAN", "USA", 412.7e9, "US Census Bureau, US imports from Canada, 2024"},
      {"USA", "MEX", 334.0e9, "US Census Bureau, US exports to Mexico, 2024"},
      {"MEX", "USA", 505.9e9, "US Census Bureau, US imports from Mexico, 2024"},
      {"MEX", "CAN", 34.3e9, "Statistics Canada, Canada's imports from Mexico, 2024 (US$)"},
      {"CAN", "MEX", 6.3e9, "Statistics Canada, Canada's exports to Mexico, 2024 (US$)"},
  };
  return targets;
}

NorthAmericaBuild BuildNorthAmerica(const NorthAmericaOptions& options) {
  wiod::ImportOptions import;
  import.year = kWiodYear;
  import.source_directory = options.wiod_directory;
  import.cp2015_directory = options.cp2015_directory;
  import.tariffs = wiod::TariffSource::kCp2015Year2005;
  import.calibrate = false;  // calibrated once, at the end
  wiod::ImportResult imported = wiod::Import(import);
  std::vector<std::string> notes = imported.notes;

  // USA, CAN, MEX and everyone else.
  GroupMap regions;
  regions.groups = {{"USA", "United States"}, {"CAN", "Canada"}, {"MEX", "Mexico"},
                    {"ROW", "Rest of the world"}};
  for (const auto& r : imported.baseline.regions) {
    std::size_t group = 3;
    for (std::size_t k = 0; k < 3; ++k) {
      if (r.code == kNafta[k]) group = k;
    }
    regions.group_of.push_back(group);
  }
  AggregationOptions aggregation;
  aggregation.regions = regions;
  Baseline b = Aggregate(imported.baseline, aggregation);
  const std::vector<bool> goods = GoodsSectors(b);
  notes.push_back("aggregated to USA, CAN, MEX and ROW (the 37 other WIOD countries and WIOD's "
                  "RoW)");

  // Pre-2025 tariffs: duty-free among the three on goods.
  for (std::size_t n = 0; n < 3; ++n)
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < b.sector_count(); ++j) {
        if (i != n) b.tariff_rates(n, i, j) = 0.0;
      }
  notes.push_back("tariffs among USA, CAN and MEX set to zero (USMCA/NAFTA, before the 2025 "
                  "measures)");

  std::vector<PairIndex> pairs;
  double target_total = 0.0, current_total = 0.0;
  for (const auto& t : NorthAmericaGoodsTrade2024()) {
    const PairIndex p{*b.FindRegion(t.importer), *b.FindRegion(t.exporter),
                      t.value_usd / kMoneyUnitUsd};
    pairs.push_back(p);
    target_total += p.target;
    current_total += GoodsFlow(b, goods, p.importer, p.exporter);
  }
  const double nominal_factor = target_total / current_total;
  for (double& v : b.trade_flows.values()) v *= nominal_factor;
  notes.push_back(fmt::format("every money value multiplied by {:.6f} (2024 over 2011 goods "
                              "trade among the three)",
                              nominal_factor));

  NorthAmericaBuild build;
  for (int round = 1; round <= options.max_rounds; ++round) {
    for (const auto& p : pairs) {
      const double factor = p.target / GoodsFlow(b, goods, p.importer, p.exporter);
      for (std::size_t j = 0; j < b.sector_count(); ++j) {
        if (goods[j]) b.trade_flows(p.importer, p.exporter, j) *= factor;
      }
    }
    std::vector<std::string> clipped;
    b.final_demand_share = FinalDemandSharesFromIdentity(b, &clipped);
    if (round == 1 && !clipped.empty()) {
      std::string list;
      for (const auto& c : clipped) list += (list.empty() ? "" : ", ") + c;
      notes.push_back(fmt::format("after rescaling, the identity implies negative final demand "
                                  "for {}: set to 0 before calibrating",
                                  list));
    }
    CalibrationOptions calibration;
    calibration.deficits = DeficitTreatment::kKeep;
    calibration.solver = options.solver;
    calibration.solver.tolerance = std::min(options.solver.tolerance, 1e-13);
    CalibrationResult calibrated = CalibrateBaseYear(b, calibration);
    b = std::move(calibrated.baseline);
    build.calibration = std::move(calibrated.summary);
    build.rounds = round;
    build.max_target_error = MaxTargetError(b, goods, pairs);
    if (build.max_target_error <= options.target_tolerance) break;
  }
  if (build.max_target_error > options.target_tolerance) {
    throw ArgumentError(fmt::format("the 2024 goods-trade targets were not met after {} rounds "
                                    "(largest relative error {:.3g})",
                                    options.max_rounds, build.max_target_error),
                        "raise max_rounds or loosen target_tolerance");
  }
  notes.push_back(fmt::format("calibrated with the trade surpluses kept, {} rescale-and-calibrate "
                              "round(s); largest relative error on the six 2024 goods flows "
                              "{:.2g}",
                              build.rounds, build.max_target_error));

  b.manifest.name = "north-america";
  b.manifest.title = fmt::format("USA, Canada, Mexico and the rest of the world, 35 WIOD "
                                 "industries, {} (WIOD {} rescaled to {} trade)",
                                 kTargetYear, kWiodYear, kTargetYear);
  b.manifest.year = kTargetYear;
  b.manifest.currency = "USD";
  b.manifest.money_unit = kMoneyUnitUsd;
  b.manifest.source =
      "WIOD 2013 release, world input-output table 2011 (Timmer et al. 2015); Caliendo and Parro "
      "(2015) theta and 2005 applied tariffs; 2024 goods trade: US Census Bureau and Statistics "
      "Canada";
  b.manifest.licence =
      "WIOD: free to use with citation of Timmer, Dietzenbacher, Los, Stehrer and de Vries "
      "(2015); Caliendo–Parro: replication data, cite the paper; trade totals: official "
      "statistics (public domain / Statistics Canada Open Licence)";
  b.manifest.notes = Bullets(notes);
  build.provenance_markdown = Provenance(b, goods, pairs, nominal_factor, notes, build.rounds,
                                         build.calibration);
  build.baseline = std::move(b);
  return build;
}

}  // namespace ricardo
