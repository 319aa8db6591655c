// `ricardo data show`: a summary of a baseline as text and JSON.
#include <algorithm>
#include <numeric>

#include "core/suggest.hpp"
#include "fmt/format.h"
#include "ricardo/baseline_summary.hpp"
#include "ricardo/error.hpp"
#include "ricardo/north_america.hpp"

namespace ricardo {
namespace {

// Every region of a baseline of up to kAllPairsUpTo regions (the built-in world: 132 pairs);
// else USA, CAN and MEX when present; else the five largest by GDP.
constexpr std::size_t kAllPairsUpTo = 12;

std::vector<std::string> DefaultFocus(const Baseline& b, const std::vector<double>& gdp) {
  std::vector<std::size_t> order(b.region_count());
  std::iota(order.begin(), order.end(), 0);
  if (order.size() > kAllPairsUpTo) {
    if (b.FindRegion("USA") && b.FindRegion("CAN") && b.FindRegion("MEX"))
      return {"USA", "CAN", "MEX"};
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t c) { return gdp[a] > gdp[c]; });
    order.resize(5);
  }
  std::vector<std::string> codes;
  for (std::size_t n : order) codes.push_back(b.regions[n].code);
  return codes;
}

double Billions(double usd) {
  return usd / 1e9;
}

}  // namespace

BaselineSummary SummarizeBaseline(const Baseline& b, const std::vector<std::string>& focus) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  const double usd = b.manifest.money_unit;
  const std::vector<bool> goods = GoodsSectors(b);
  const std::vector<double> va = ValueAdded(b), exports = Exports(b), imports = Imports(b),
                            revenue = TariffRevenue(b);
  const Array2 output = GrossOutput(b);

  BaselineSummary s;
  s.manifest = b.manifest;
  for (std::size_t n = 0; n < N; ++n) {
    BaselineSummary::RegionRow row;
    row.code = b.regions[n].code;
    row.name = b.regions[n].name;
    row.gdp_usd = va[n] * usd;
    for (std::size_t j = 0; j < J; ++j) row.gross_output_usd += output(n, j) * usd;
    row.exports_usd = exports[n] * usd;
    row.imports_usd = imports[n] * usd;
    row.surplus_usd = (exports[n] - imports[n]) * usd;
    row.tariff_revenue_usd = revenue[n] * usd;
    double weighted = 0.0, simple = 0.0, count = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      for (std::size_t j = 0; j < J; ++j) {
        if (!goods[j]) continue;
        row.goods_imports_usd += b.trade_flows(n, i, j) * usd;
        row.goods_exports_usd += b.trade_flows(i, n, j) * usd;
        weighted += b.tariff_rates(n, i, j) * b.trade_flows(n, i, j) * usd;
        simple += b.tariff_rates(n, i, j);
        count += 1.0;
      }
    }
    row.goods_tariff_trade_weighted =
        row.goods_imports_usd > 0.0 ? weighted / row.goods_imports_usd : 0.0;
    row.goods_tariff_simple = count > 0.0 ? simple / count : 0.0;
    s.regions.push_back(std::move(row));
  }
  for (std::size_t j = 0; j < J; ++j) {
    BaselineSummary::SectorRow row;
    row.code = b.sectors[j].code;
    row.name = b.sectors[j].name;
    row.isic_rev3 = b.sectors[j].isic_rev3;
    row.tradable = b.sectors[j].tradable;
    row.goods = goods[j];
    row.theta = b.sectors[j].theta;
    for (std::size_t n = 0; n < N; ++n) {
      row.world_output_usd += output(n, j) * usd;
      for (std::size_t i = 0; i < N; ++i) {
        if (i != n) row.world_trade_usd += b.trade_flows(n, i, j) * usd;
      }
    }
    s.sectors.push_back(std::move(row));
  }
  std::vector<std::string> codes;
  for (const auto& r : b.regions) codes.push_back(r.code);
  s.focus = focus.empty() ? DefaultFocus(b, va) : focus;
  std::vector<std::size_t> focus_index;
  for (const auto& code : s.focus) {
    const auto n = b.FindRegion(code);
    if (!n) {
      const std::string suggestion = detail::DidYouMean(code, codes);
      throw ArgumentError(fmt::format("unknown region '{}'{}", code, suggestion),
                          suggestion.empty() ? fmt::format("the baseline's regions are: {}",
                                                           detail::JoinList(codes))
                                             : std::string{});
    }
    focus_index.push_back(*n);
  }
  for (std::size_t i : focus_index) {
    for (std::size_t n : focus_index) {
      if (i == n) continue;
      BaselineSummary::PairRow pair{b.regions[i].code, b.regions[n].code, 0.0, 0.0};
      double weighted = 0.0;
      for (std::size_t j = 0; j < J; ++j) {
        if (!goods[j]) continue;
        pair.goods_value_usd += b.trade_flows(n, i, j) * usd;
        weighted += b.tariff_rates(n, i, j) * b.trade_flows(n, i, j) * usd;
      }
      pair.goods_tariff_weighted =
          pair.goods_value_usd > 0.0 ? weighted / pair.goods_value_usd : 0.0;
      s.goods_trade.push_back(std::move(pair));
    }
  }
  return s;
}

namespace {

// Up to this many focus regions the pairs are listed one a line, beyond as a matrix.
constexpr std::size_t kListPairsUpTo = 4;

// Rows exporters, columns importers, US$ billion; tariffs are in the JSON.
std::string FormatPairMatrix(const BaselineSummary& s) {
  std::string out = fmt::format("  {:<6}", "from\\to");
  for (const auto& importer : s.focus) out += fmt::format(" {:>7}", importer.substr(0, 7));
  out += "\n";
  for (const auto& exporter : s.focus) {
    out += fmt::format("  {:<6}", exporter.substr(0, 6));
    for (const auto& importer : s.focus) {
      if (importer == exporter) {
        out += fmt::format(" {:>7}", "-");
        continue;
      }
      double value = 0.0;
      for (const auto& p : s.goods_trade) {
        if (p.exporter == exporter && p.importer == importer) value = p.goods_value_usd;
      }
      out += fmt::format(" {:>7.1f}", Billions(value));
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string FormatSummaryText(const BaselineSummary& s) {
  const auto& m = s.manifest;
  std::size_t goods = 0;
  for (const auto& sector : s.sectors) goods += sector.goods ? 1 : 0;
  std::string out;
  out += fmt::format("{} — {}\n", m.name, m.title);
  out += fmt::format("year {} · {} regions × {} sectors ({} goods) · money unit {}\n", m.year,
                     s.regions.size(), s.sectors.size(), goods, m.MoneyUnitLabel());
  if (!m.source.empty()) out += fmt::format("source: {}\n", m.source);
  if (!m.licence.empty()) out += fmt::format("licence: {}\n", m.licence);

  out += fmt::format("\n{:<6} {:<26} {:>11} {:>10} {:>10} {:>10} {:>12}\n", "region", "name",
                     "GDP US$bn", "exports", "imports", "surplus", "goods tariff");
  for (const auto& r : s.regions) {
    out += fmt::format("{:<6} {:<26} {:>11.1f} {:>10.1f} {:>10.1f} {:>10.1f} {:>11.2f}%\n", r.code,
                       r.name.substr(0, 26), Billions(r.gdp_usd), Billions(r.exports_usd),
                       Billions(r.imports_usd), Billions(r.surplus_usd),
                       100.0 * r.goods_tariff_trade_weighted);
  }
  out +=
      "(exports, imports and surplus in US$ billion, all sectors, net of tariffs; goods "
      "tariff: trade-weighted average on goods imports)\n";

  out += fmt::format("\nGoods trade among {} (US$ billion, exporter → importer)\n",
                     detail::JoinList(s.focus));
  if (s.focus.size() <= kListPairsUpTo) {
    for (const auto& p : s.goods_trade) {
      out += fmt::format("  {:<4} → {:<4} {:>10.1f}   tariff {:.2f}%\n", p.exporter, p.importer,
                         Billions(p.goods_value_usd), 100.0 * p.goods_tariff_weighted);
    }
  } else {
    out += FormatPairMatrix(s);
  }
  out += fmt::format("\n{:<22} {:>7} {:>6} {:>13} {:>13}  {}\n", "sector", "theta", "goods",
                     "output US$bn", "traded US$bn", "ISIC Rev.3");
  for (const auto& sector : s.sectors) {
    out += fmt::format("{:<22} {:>7.3f} {:>6} {:>13.1f} {:>13.1f}  {}\n", sector.code.substr(0, 22),
                       sector.theta, sector.goods ? "yes" : (sector.tradable ? "no" : "n/t"),
                       Billions(sector.world_output_usd), Billions(sector.world_trade_usd),
                       sector.isic_rev3);
  }
  return out;
}

nlohmann::json SummaryToJson(const BaselineSummary& s) {
  using nlohmann::json;
  const auto& m = s.manifest;
  json out = {{"name", m.name},
              {"title", m.title},
              {"year", m.year},
              {"currency", m.currency},
              {"money_unit", m.money_unit},
              {"money_unit_label", m.MoneyUnitLabel()},
              {"source", m.source},
              {"licence", m.licence}};
  json regions = json::array();
  for (const auto& r : s.regions) {
    regions.push_back({{"code", r.code},
                       {"name", r.name},
                       {"gdp_usd", r.gdp_usd},
                       {"gross_output_usd", r.gross_output_usd},
                       {"exports_usd", r.exports_usd},
                       {"imports_usd", r.imports_usd},
                       {"goods_exports_usd", r.goods_exports_usd},
                       {"goods_imports_usd", r.goods_imports_usd},
                       {"surplus_usd", r.surplus_usd},
                       {"tariff_revenue_usd", r.tariff_revenue_usd},
                       {"average_goods_tariff_pct", 100.0 * r.goods_tariff_trade_weighted},
                       {"simple_average_goods_tariff_pct", 100.0 * r.goods_tariff_simple}});
  }
  json sectors = json::array();
  for (const auto& sector : s.sectors) {
    sectors.push_back({{"code", sector.code},
                       {"name", sector.name},
                       {"isic_rev3", sector.isic_rev3},
                       {"tradable", sector.tradable},
                       {"goods", sector.goods},
                       {"theta", sector.theta},
                       {"world_output_usd", sector.world_output_usd},
                       {"world_trade_usd", sector.world_trade_usd}});
  }
  json trade = json::array();
  for (const auto& p : s.goods_trade) {
    trade.push_back({{"exporter", p.exporter},
                     {"importer", p.importer},
                     {"value_usd", p.goods_value_usd},
                     {"average_tariff_pct", 100.0 * p.goods_tariff_weighted}});
  }
  out["regions"] = regions;
  out["sectors"] = sectors;
  out["goods_trade_regions"] = s.focus;
  out["goods_trade"] = trade;
  return out;
}

}  // namespace ricardo
