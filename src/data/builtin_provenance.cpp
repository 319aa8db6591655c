// PROVENANCE.md of the built-in baselines (see builtin_build.hpp).
#include "data/builtin_build.hpp"
#include "fmt/format.h"

namespace ricardo::data_internal {
namespace {

double Bn(double usd) {
  return usd / 1e9;
}

std::string Sources() {
  return "## Sources and licences\n\n"
         "- World Input-Output Database, 2013 release, world input-output table 2011 (US$ million, "
         "current prices), converted from the GPL-3 R package `wiod`. Free to use with citation of "
         "Timmer, Dietzenbacher, Los, Stehrer and de Vries (2015), \"An Illustrated User Guide to "
         "the World Input-Output Database\", Review of International Economics.\n"
         "- Caliendo and Parro (2015), \"Estimates of the Trade and Welfare Effects of NAFTA\", "
         "Review of Economic Studies 82(1): trade elasticities θ (T.txt), applied tariffs of 2005 "
         "(tariffs2005.txt) and 1993 trade (xbilat1993.txt, used as weights); replication data, "
         "cite the paper (copies in data/cp2015/).\n"
         "- 2024 US goods trade totals: US Census Bureau, as compiled in "
         "shared/data/world/trade/us_goods_trade_totals_2023_2024.csv (annual release figures; "
         "sums of the monthly series where no annual figure is there); US imports 2024 matched to "
         "HTS 2026 rev 4 by country (us_imports_2024_by_country_yale_matched.csv, Yale Budget Lab "
         "tariff-rate-tracker output, MIT). Public domain data; cite the Budget Lab.\n"
         "- 2024 US imports for consumption by 45 GTAP goods sectors × 8 partner groups "
         "(us_imports_2024_by_gtap_and_partner_group_usd.csv): Yale Budget Lab Tariff-Model "
         "@82cfad3, sums of Census data (no licence file; cite the Budget Lab).\n"
         "- HS10 → GTAP crosswalk (yale_hs10_gtap_crosswalk.csv): Yale Budget Lab "
         "tariff-rate-tracker @8315fff, MIT.\n"
         "- Product data of the tariff compiler (data/tariffs/, see its PROVENANCE.md): HS → ISIC "
         "Rev.3 divisions and US imports from Canada and Mexico by HTS10 in 2025 (USITC DataWeb "
         "via "
         "the Yale tracker), used to split GTAP sectors over WIOD industries.\n"
         "- Canada–Mexico goods trade 2024: Statistics Canada (US$ 34.3 bn Canadian imports from "
         "Mexico, 6.3 bn exports to Mexico), as catalogued in shared/data/README.md; Statistics "
         "Canada Open Licence.\n\n";
}

std::string Regions(const BuiltinSpec& spec) {
  std::string out = "## Regions\n\n| code | name | WIOD regions |\n|---|---|---|\n";
  for (std::size_t k = 0; k < spec.regions.size(); ++k) {
    const auto& r = spec.regions[k];
    std::string members;
    for (const auto& m : r.wiod_members) members += (members.empty() ? "" : " ") + m;
    if (k + 1 == spec.regions.size()) members = "every other WIOD region";
    out += fmt::format("| {} | {} | {} |\n", r.code, r.name, members.empty() ? r.code : members);
  }
  return out + "\n";
}

std::string Totals(const BuiltinSpec& spec, const UsTrade2024& trade) {
  std::string out = "## 2024 totals\n\n| partner | flow | US$ bn | from |\n|---|---|---|---|\n";
  out += fmt::format("| world | US imports | {:.3f} | {} |\n", Bn(trade.world_imports.value_usd),
                     trade.world_imports.how);
  out += fmt::format("| world | US exports | {:.3f} | {} |\n", Bn(trade.world_exports.value_usd),
                     trade.world_exports.how);
  for (const auto& r : spec.regions) {
    for (const auto& [map, flow] :
         {std::pair{&trade.imports, "US imports"}, std::pair{&trade.exports, "US exports"}}) {
      const auto it = map->find(r.code);
      if (it == map->end()) continue;
      out += fmt::format("| {} | {} | {:.3f} | {} |\n", r.code, flow, Bn(it->second.value_usd),
                         it->second.how);
    }
  }
  out += "\nEstimates where the shared data have no full-year Census figure:\n\n";
  for (const auto& note : trade.notes) out += "- " + note + "\n";
  return out + "\n";
}

double OmfToElectrical(const GtapConcordance& c) {
  for (const auto& s : c.splits) {
    if (s.gtap == "omf" && s.sector == "electrical") return s.share;
  }
  return 0.0;
}

std::string Concordance(const GtapConcordance& c) {
  std::string out =
      "## GTAP sectors → WIOD industries\n\n"
      "The 2024 imports by GTAP sector are split over the 35 industries as the tariff compiler "
      "maps products: every HTS10 line of the crosswalk gets its ISIC Rev.3 division from the "
      "compiler's product data (ProductData::Division) and so an industry (its `isic_rev3` tag); "
      "a GTAP sector is split in proportion to US imports of its lines from Canada and Mexico in " +
      c.weight_months +
      " (lines count equally where a GTAP sector had none). The derived table ships as "
      "data/concordance/gtap_to_wiod35.csv; docs/baseline-format.md compares it with the hand "
      "map in shared/data/world/concordance. The same split serves every partner group, so a "
      "partner whose product mix inside a GTAP sector differs from Canada's and Mexico's is "
      "split as they are (e.g. China's `omf` is mostly toys and furniture, industry "
      "other_manufacturing, while the Canada–Mexico weights send " +
      fmt::format("{:.0f}%", 100.0 * OmfToElectrical(c)) +
      " of `omf` to medical and optical instruments, industry electrical).\n\n";
  for (const auto& note : c.notes) out += "- " + note + "\n";
  return out + "\n";
}

std::string TargetTable(const BuiltinBuild& build) {
  std::string out = fmt::format(
      "## Targets ({} values; flows net of tariffs, US$ bn)\n\n| flow | target | baseline | "
      "from |\n|---|---|---|---|\n",
      build.targets.size());
  for (const auto& t : build.targets) {
    out += fmt::format("| {} | {:.4f} | {:.4f} | {} |\n", t.Label(), Bn(t.value_usd),
                       Bn(TargetValueUsd(build.baseline, t)), t.source);
  }
  return out + "\n";
}

}  // namespace

std::string BuiltinProvenance(const BuiltinSpec& spec, const BuiltinBuild& build,
                              const UsTrade2024& trade, const std::vector<std::string>& notes) {
  std::string out = fmt::format("# {} — provenance\n\n", spec.name);
  out += fmt::format(
      "Built by `ricardo data build {}` (scripts/build-baselines.sh) from public data; do not "
      "edit the tables by hand. Format and method: docs/baseline-format.md (\"The built-in "
      "baselines\").\n\n",
      spec.name);
  out += Sources();
  out += "## Units\n\nMoney: US$ million of 2024 (nominal). Tariffs: fractions. θ: unit-free.\n\n";
  out += Regions(spec);
  out += "## Construction\n\n";
  out +=
      "1. Import the WIOD 2011 table (41 regions × 35 industries); every adjustment is listed "
      "at the end.\n";
  out +=
      "2. Aggregate to the regions above; trade among the members of a region becomes its "
      "domestic sales with the tariffs they charged one another (so revenue and income are "
      "kept).\n";
  out +=
      "3. Tariffs before the 2025 measures: zero among USA, CAN and MEX on goods (USMCA/NAFTA) "
      "and among the EU members (and between the EU and the United Kingdom, whose 2021 trade "
      "agreement has no tariffs); Caliendo–Parro's 2005 applied rates for every other pair, "
      "mapped to WIOD industries and aggregated by trade weights; services zero. **Known "
      "omissions**: the 2018–19 Section 301 tariffs on China and China's retaliation are not "
      "in these rates (the tariff scenarios carry Section 301 as measures), nor are trade "
      "agreements and tariff changes after 2005 (e.g. KORUS, in force 2012).\n";
  out += fmt::format(
      "4. Nominal level: every money value × {:.6f}, the ratio of the sum of the 2024 targets "
      "below to the sum of their 2011 values, so that the targeted flows keep their 2011 ratio to "
      "output on average.\n",
      build.nominal_factor);
  out +=
      "5. Rescale to 2024 (each target below is met; a target in one sector sets that flow, a "
      "goods target scales every goods sector of its pairs by one factor):\n";
  for (const auto& line : spec.method) out += "   - " + line + "\n";
  out +=
      "6. The exporter's output moves with its exports (gross output is the sum of sales; "
      "domestic sales unchanged), value-added and input shares are kept, final-demand shares "
      "follow from the expenditure identity.\n";
  out += fmt::format(
      "7. Calibrate: solve the model at zero shock keeping the trade surpluses, as Caliendo and "
      "Parro do, so that a zero shock changes nothing; calibration moves flows where final demand "
      "had to be clipped, so steps 5–7 repeat until every target is met ({} round(s), largest "
      "error {:.2g}).\n\n",
      build.rounds, build.max_target_error);
  out += Totals(spec, trade);
  out += Concordance(build.concordance);
  out += TargetTable(build);
  // No timing here: the file must come out byte-identical from identical inputs.
  out += fmt::format(
      "Calibration (last round): {}, {} outer iterations, largest checker "
      "residual {:.1e}.\n\n",
      build.calibration.IsConverged() ? "converged" : "NOT converged",
      build.calibration.outer_iterations, build.calibration.check.Max());
  out += "## Adjustments made on the way\n\n";
  for (const auto& note : notes) out += "- " + note + "\n";
  return out;
}

}  // namespace ricardo::data_internal
