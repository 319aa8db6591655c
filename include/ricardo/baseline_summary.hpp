// A readable summary of a baseline (what `ricardo data show` prints): regions with GDP, trade
// and average tariffs, sectors with θ, and the goods trade among a few focus regions.
#pragma once

#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/baseline.hpp"

namespace ricardo {

struct BaselineSummary {
  struct RegionRow {
    std::string code, name;
    double gdp_usd = 0.0;  // value added
    double gross_output_usd = 0.0;
    double exports_usd = 0.0;  // all sectors, net of tariffs, excluding domestic sales
    double imports_usd = 0.0;
    double goods_exports_usd = 0.0;
    double goods_imports_usd = 0.0;
    double surplus_usd = 0.0;  // exports − imports
    double tariff_revenue_usd = 0.0;
    // Tariff on goods imports from foreign partners: Σ t·M / Σ M, and the simple mean over
    // partner × goods sector (fractions).
    double goods_tariff_trade_weighted = 0.0;
    double goods_tariff_simple = 0.0;
  };
  struct SectorRow {
    std::string code, name, isic_rev3;
    bool tradable = false;
    bool goods = false;
    double theta = 0.0;
    double world_output_usd = 0.0;
    double world_trade_usd = 0.0;  // across borders
  };
  struct PairRow {
    std::string exporter, importer;
    double goods_value_usd = 0.0;        // net of tariffs
    double goods_tariff_weighted = 0.0;  // Σ t·M / Σ M over goods sectors (fraction)
  };

  Manifest manifest;
  std::vector<RegionRow> regions;
  std::vector<SectorRow> sectors;
  std::vector<std::string> focus;    // the regions whose pairwise goods trade is listed
  std::vector<PairRow> goods_trade;  // every directed pair among `focus`
};

// `focus`: region codes whose goods trade to list; empty = every region when there are at most
// 12 (all pairs of north-america and world), else USA, CAN and MEX when the baseline has all
// three, else the 5 largest by GDP. Throws
// ArgumentError naming an unknown focus code.
BaselineSummary SummarizeBaseline(const Baseline& baseline,
                                  const std::vector<std::string>& focus = {});

std::string FormatSummaryText(const BaselineSummary& summary);

// JSON with name, title, year, money unit, source, licence, regions, sectors and goods_trade (a
// list of {exporter, importer, value_usd, average_tariff_pct}).
nlohmann::json SummaryToJson(const BaselineSummary& summary);

}  // namespace ricardo
