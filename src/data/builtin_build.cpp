// The rescale-and-calibrate method shared by the built-in baselines (see builtin_build.hpp).
#include "data/builtin_build.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <tuple>

#include "data/shared_directory.hpp"
#include "fmt/format.h"
#include "ricardo/aggregate.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/error.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/wiod.hpp"

namespace ricardo {
namespace {

constexpr int kWiodYear = 2011;
constexpr int kTargetYear = 2024;
constexpr double kMoneyUnitUsd = 1e6;
const char* const kUsmca[] = {"USA", "CAN", "MEX"};

// The (importer, exporter, sector) cells a target sums.
struct Cells {
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> list;
  double target = 0.0;  // money units
};

Cells Resolve(const Baseline& b, const std::vector<bool>& goods, const FlowTarget& t) {
  auto region = [&](const std::string& code) {
    const auto r = b.FindRegion(code);
    if (!r)
      throw InternalError(fmt::format("target {} names unknown region '{}'", t.Label(), code));
    return *r;
  };
  std::optional<std::size_t> sector;
  if (!t.sector.empty()) {
    sector = b.FindSector(t.sector);
    if (!sector) throw InternalError(fmt::format("target {} names unknown sector", t.Label()));
  }
  Cells c;
  c.target = t.value_usd / b.manifest.money_unit;
  for (const auto& importer : t.importers) {
    for (const auto& exporter : t.exporters) {
      const std::size_t n = region(importer), i = region(exporter);
      if (n == i) continue;
      for (std::size_t j = 0; j < b.sector_count(); ++j) {
        if (sector ? j == *sector : goods[j]) c.list.emplace_back(n, i, j);
      }
    }
  }
  return c;
}

double Sum(const Baseline& b, const Cells& c) {
  double total = 0.0;
  for (const auto& [n, i, j] : c.list) total += b.trade_flows(n, i, j);
  return total;
}

// Error of one target: relative, or absolute in money units below one money unit.
double TargetError(const Baseline& b, const Cells& c) {
  return std::abs(Sum(b, c) - c.target) / std::max(c.target, 1.0);
}

void Rescale(Baseline& b, const Cells& c, const std::string& label) {
  const double current = Sum(b, c);
  if (current > 0.0) {
    const double factor = c.target / current;
    for (const auto& [n, i, j] : c.list) b.trade_flows(n, i, j) *= factor;
    return;
  }
  if (c.target == 0.0) return;
  if (c.list.size() != 1) {
    throw ArgumentError(fmt::format("target {} has no flow in 2011 to scale", label),
                        "give the target for one sector, or drop it");
  }
  const auto [n, i, j] = c.list.front();
  if (!b.sectors[j].tradable) {
    throw ArgumentError(
        fmt::format("target {} is in non-tradable sector '{}'", label, b.sectors[j].code),
        "targets must be in sectors traded across borders");
  }
  b.trade_flows(n, i, j) = c.target;
}

std::string Bullets(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "- " + line + "\n";
  return out;
}

}  // namespace

std::string FlowTarget::Label() const {
  auto join = [](const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : "+") + c;
    return out;
  };
  return fmt::format("{} → {}, {}", join(exporters), join(importers),
                     sector.empty() ? "goods" : sector);
}

std::filesystem::path DefaultWorldDataDirectory() {
  return data_internal::SharedDataFolder("RICARDO_WORLD_DATA_DIR", "world");
}

GtapConcordance DeriveBuiltinConcordance(const BuiltinSources& sources) {
  const auto world =
      sources.world_directory.empty() ? DefaultWorldDataDirectory() : sources.world_directory;
  GtapConcordanceSources s;
  s.crosswalk_file = world / "concordance" / "yale_hs10_gtap_crosswalk.csv";
  s.product_directory = sources.product_directory;
  return DeriveGtapConcordance(s);
}

double TargetValueUsd(const Baseline& b, const FlowTarget& t) {
  return Sum(b, Resolve(b, GoodsSectors(b), t)) * b.manifest.money_unit;
}

namespace data_internal {

BuiltinBuild BuildBuiltin(const BuiltinSpec& spec, const BuiltinBuildOptions& options) {
  const auto world = options.sources.world_directory.empty() ? DefaultWorldDataDirectory()
                                                             : options.sources.world_directory;
  if (world.empty() || !std::filesystem::is_directory(world)) {
    throw NotFoundError(Location{world.empty() ? "world data directory" : world.string(), 0, 0, ""},
                        "the 2024 trade data were not found",
                        "give the shared data's world/ directory (../shared/data/world) or set "
                        "RICARDO_WORLD_DATA_DIR");
  }
  wiod::ImportOptions import;
  import.year = kWiodYear;
  import.source_directory = options.sources.wiod_directory;
  import.cp2015_directory = options.sources.cp2015_directory;
  import.tariffs = wiod::TariffSource::kCp2015Year2005;
  import.calibrate = false;  // calibrated once, at the end
  wiod::ImportResult imported = wiod::Import(import);
  std::vector<std::string> notes = imported.notes;

  // Regions: each WIOD region to its group; the last group takes the rest.
  GroupMap regions;
  for (const auto& g : spec.regions) regions.groups.push_back({g.code, g.name});
  std::string rest_members;
  for (const auto& r : imported.baseline.regions) {
    std::size_t group = spec.regions.size() - 1;
    for (std::size_t k = 0; k + 1 < spec.regions.size(); ++k) {
      const auto& members = spec.regions[k].wiod_members;
      if (members.empty() ? r.code == spec.regions[k].code
                          : std::find(members.begin(), members.end(), r.code) != members.end()) {
        group = k;
      }
    }
    if (group == spec.regions.size() - 1)
      rest_members += (rest_members.empty() ? "" : " ") + r.code;
    regions.group_of.push_back(group);
  }
  AggregationOptions aggregation;
  aggregation.regions = regions;
  Baseline b = Aggregate(imported.baseline, aggregation);
  const std::vector<bool> goods = GoodsSectors(b);
  notes.push_back(fmt::format("aggregated to {} regions; {} = {}", spec.regions.size(),
                              spec.regions.back().code, rest_members));

  // Pre-2025 tariffs: duty-free among the USMCA members on goods.
  for (const char* n : kUsmca)
    for (const char* i : kUsmca) {
      if (std::string(n) == i) continue;
      for (std::size_t j = 0; j < b.sector_count(); ++j)
        b.tariff_rates(*b.FindRegion(n), *b.FindRegion(i), j) = 0.0;
    }
  notes.push_back(
      "tariffs among USA, CAN and MEX set to zero (USMCA/NAFTA, before the 2025 "
      "measures)");

  BuiltinBuild build;
  build.concordance = DeriveBuiltinConcordance(options.sources);
  const UsTrade2024 trade = ReadUsTrade2024(world);
  std::vector<std::string> target_notes;
  build.targets = spec.targets(TargetInputs{b, trade, build.concordance, &target_notes});

  std::vector<Cells> cells;
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> covered;
  double target_total = 0.0, current_total = 0.0;
  for (const auto& t : build.targets) {
    cells.push_back(Resolve(b, goods, t));
    for (const auto& cell : cells.back().list) {
      if (!covered.insert(cell).second) {
        throw InternalError(fmt::format("two targets cover the same flow ({})", t.Label()));
      }
    }
    target_total += cells.back().target;
    current_total += Sum(b, cells.back());
  }
  build.nominal_factor = target_total / current_total;
  for (double& v : b.trade_flows.values()) v *= build.nominal_factor;
  notes.push_back(
      fmt::format("every money value multiplied by {:.6f} (the {} targets over their "
                  "{} values)",
                  build.nominal_factor, kTargetYear, kWiodYear));

  std::vector<std::string> first_clipped;
  for (int round = 1; round <= options.max_rounds; ++round) {
    for (std::size_t k = 0; k < cells.size(); ++k) Rescale(b, cells[k], build.targets[k].Label());
    std::vector<std::string> clipped;
    b.final_demand_share = FinalDemandSharesFromIdentity(b, &clipped);
    if (round == 1) first_clipped = clipped;
    CalibrationOptions calibration;
    calibration.deficits = DeficitTreatment::kKeep;
    calibration.solver = options.solver;
    calibration.solver.tolerance = std::min(options.solver.tolerance, 1e-13);
    CalibrationResult calibrated = CalibrateBaseYear(b, calibration);
    b = std::move(calibrated.baseline);
    build.calibration = std::move(calibrated.summary);
    build.rounds = round;
    build.max_target_error = 0.0;
    for (const auto& c : cells)
      build.max_target_error = std::max(build.max_target_error, TargetError(b, c));
    if (build.max_target_error <= options.target_tolerance) break;
  }
  if (build.max_target_error > options.target_tolerance) {
    throw ArgumentError(fmt::format("the {} targets were not met after {} rounds (largest error "
                                    "{:.3g})",
                                    kTargetYear, options.max_rounds, build.max_target_error),
                        "raise max_rounds or loosen target_tolerance");
  }
  if (!first_clipped.empty()) {
    std::string list;
    for (const auto& c : first_clipped) list += (list.empty() ? "" : ", ") + c;
    notes.push_back(
        fmt::format("after the first rescaling the identity implies negative final "
                    "demand for {}: set to 0 before calibrating",
                    list));
  }
  notes.push_back(
      fmt::format("calibrated with the trade surpluses kept, {} rescale-and-calibrate "
                  "round(s); largest error over the {} targets {:.2g}",
                  build.rounds, build.targets.size(), build.max_target_error));
  notes.insert(notes.end(), target_notes.begin(), target_notes.end());

  b.manifest.name = spec.name;
  b.manifest.title = spec.title;
  b.manifest.year = kTargetYear;
  b.manifest.currency = "USD";
  b.manifest.money_unit = kMoneyUnitUsd;
  b.manifest.source =
      "WIOD 2013 release, world input-output table 2011 (Timmer et al. 2015); Caliendo and Parro "
      "(2015) theta and 2005 applied tariffs; 2024 goods trade: US Census Bureau (totals and US "
      "imports by GTAP sector and partner group, via the Yale Budget Lab) and Statistics Canada";
  b.manifest.licence =
      "WIOD: free to use with citation of Timmer, Dietzenbacher, Los, Stehrer and de Vries "
      "(2015); Caliendo–Parro: replication data, cite the paper; trade data: official "
      "statistics (public domain / Statistics Canada Open Licence), Yale Budget Lab aggregates "
      "and crosswalk (MIT; cite the Budget Lab)";
  b.manifest.notes = Bullets(notes);
  build.baseline = std::move(b);
  build.provenance_markdown = BuiltinProvenance(spec, build, trade, notes);
  return build;
}

}  // namespace data_internal
}  // namespace ricardo
