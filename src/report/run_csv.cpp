// Tidy CSV: long format, one observation per row, units in column names, "_all" for totals.
#include "report/run_csv.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <system_error>

#include "fmt/format.h"
#include "report/run_views.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace detail {
namespace {

// The marker for "all partners" / "all sectors" in the code columns.
constexpr const char* kAll = "_all";

std::string Quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Shortest text that reads back to the same double; empty for NaN (no value).
std::string Number(double v) {
  if (!std::isfinite(v)) return "";
  return fmt::format("{}", v);
}

class CsvFile {
 public:
  CsvFile(const std::filesystem::path& file, const std::vector<std::string>& columns)
      : path_(file), out_((errno = 0, file), std::ios::binary) {
    if (!out_) throw CannotWrite(file, errno);
    Row(columns);
  }
  void Row(const std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) out_ << (k ? "," : "") << Quote(cells[k]);
    out_ << '\n';
  }
  std::filesystem::path Close() {
    out_.close();
    if (!out_) throw CannotWrite(path_, errno);
    return path_;
  }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

constexpr const char* kStates[] = {"base", "counterfactual"};

// bands.csv (runs with --draws): one row per region and indicator, and per ordered pair for the
// change in trade; the run's value beside the 5th, 50th and 95th percentile of the draws.
std::filesystem::path WriteBandsCsv(const std::vector<LabelledRun>& runs,
                                    const std::filesystem::path& dir) {
  CsvFile bands(dir / "bands.csv", {"scenario", "region", "partner", "indicator", "value_pct",
                                    "p05_pct", "p50_pct", "p95_pct", "draws"});
  for (const auto& [label, run] : runs) {
    if (!run->uncertainty) continue;
    const DrawResult& d = *run->uncertainty;
    const std::string draws = std::to_string(d.draws.size());
    const Outcomes& o = run->outcomes;
    auto row = [&](const std::string& region, const std::string& partner, const char* indicator,
                   double value, const Band& b) {
      bands.Row({label, region, partner, indicator, Number(value), Number(b.p05), Number(b.p50),
                 Number(b.p95), draws});
    };
    for (std::size_t n = 0; n < o.countries.size(); ++n) {
      const CountryOutcome& c = o.countries[n];
      const auto& b = d.country_bands[n];
      row(c.code, "", "welfare_pct", 100.0 * c.welfare_exact, b.at("welfare_pct"));
      row(c.code, "", "real_wage_pct", 100.0 * c.real_wage_change, b.at("real_wage_pct"));
      row(c.code, "", "exports_pct", PercentChange(c.exports_base, c.exports_new),
          b.at("exports_pct"));
      row(c.code, "", "imports_pct", PercentChange(c.imports_base, c.imports_new),
          b.at("imports_pct"));
    }
    const std::size_t N = o.countries.size();
    for (std::size_t n = 0; n < N; ++n)
      for (std::size_t i = 0; i < N; ++i) {
        if (i == n) continue;
        row(o.countries[n].code, o.countries[i].code, "trade_pct",
            PercentChange(o.BilateralImportsBase(n, i), o.BilateralImportsNew(n, i)),
            d.bilateral_bands[n * N + i]);
      }
  }
  return bands.Close();
}

}  // namespace

OutputError CannotWrite(const std::filesystem::path& file, int error_number) {
  return OutputError(Location{file.string(), 0, 0, {}},
                     std::string("cannot be written: ") +
                         (error_number != 0 ? std::strerror(error_number) : "unknown error"),
                     "check that its folder exists and is writable and that the disk has space");
}

void CreateOutputDirectory(const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec || !std::filesystem::is_directory(directory)) {
    throw OutputError(
        Location{directory.string(), 0, 0, {}},
        "cannot create the folder: " + (ec ? ec.message() : std::string("not a folder")),
        "give an output path whose parent folders are folders, not files, and writable");
  }
}

void WriteTextFile(const std::filesystem::path& file, const std::string& text) {
  errno = 0;
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw CannotWrite(file, errno);
}

std::vector<std::filesystem::path> WriteRunsCsv(const std::vector<LabelledRun>& runs,
                                                const std::filesystem::path& dir) {
  CreateOutputDirectory(dir);
  if (runs.empty()) return {};
  const std::string cur = CurrencySuffix(runs.front().run->baseline.manifest);
  CsvFile changes(dir / "country_changes.csv", {"scenario", "region", "indicator", "change_pct"});
  CsvFile levels(dir / "country_levels.csv",
                 {"scenario", "region", "indicator", "state", "value_" + cur});
  CsvFile trade(dir / "trade.csv",
                {"scenario", "importer", "exporter", "sector", "state", "imports_" + cur});
  // Applied rates (t, t′) by partner over all sectors and by sector: not the effective tariff,
  // which is added_tariff_on_goods.csv (the file keeps its name for existing readers).
  CsvFile tariffs(dir / "effective_tariffs.csv",
                  {"scenario", "importer", "exporter", "sector", "state", "applied_tariff_pct"});
  CsvFile goods_duties(dir / "added_tariff_on_goods.csv",
                       {"scenario", "importer", "exporter", "added_at_base_weights_pct",
                        "added_after_shifts_pct", "applied_goods_base_pct", "applied_goods_new_pct",
                        "goods_imports_base_" + cur, "goods_imports_new_" + cur});
  CsvFile money(dir / "country_money.csv", {"scenario", "region", "indicator", "value", "unit"});
  CsvFile output(dir / "sector_output.csv",
                 {"scenario", "region", "sector", "state", "gross_output_" + cur});
  CsvFile sector_changes(dir / "sector_changes.csv",
                         {"scenario", "region", "sector", "indicator", "change_pct"});
  CsvFile decomposition(
      dir / "welfare_decomposition.csv",
      {"scenario", "region", "partner", "sector", "component", "contribution_pct"});
  CsvFile partners(dir / "imports_by_partner.csv",
                   {"scenario", "importer", "exporter", "state", "imports_" + cur, "share_pct"});
  CsvFile partner_changes(
      dir / "imports_by_partner_changes.csv",
      {"scenario", "importer", "exporter", "imports_change_pct", "share_change_pp"});

  for (const LabelledRun& lr : runs) {
    const RunResult& r = *lr.run;
    const Baseline& b = r.baseline;
    const Manifest& m = b.manifest;
    const Outcomes& o = r.outcomes;
    const std::size_t N = b.region_count(), J = b.sector_count();
    const std::string& s = lr.label;
    for (std::size_t n = 0; n < N; ++n) {
      const CountryOutcome& c = o.countries[n];
      const std::string& rc = b.regions[n].code;
      const std::pair<const char*, double> pct[] = {
          {"welfare_exact", 100.0 * c.welfare_exact},
          {"welfare_linear", 100.0 * c.welfare_linear},
          {"welfare_tot", 100.0 * c.welfare_tot},
          {"welfare_vot", 100.0 * c.welfare_vot},
          {"welfare_trade_cost", 100.0 * c.welfare_trade_cost},
          {"real_wage", 100.0 * c.real_wage_change},
          {"wage", 100.0 * c.wage_change},
          {"price_index", 100.0 * c.price_index_change},
          {"income", PercentChange(c.income_base, c.income_new)},
          {"value_added", PercentChange(c.value_added_base, c.value_added_new)},
          {"exports", PercentChange(c.exports_base, c.exports_new)},
          {"imports", PercentChange(c.imports_base, c.imports_new)},
          {"tariff_revenue", PercentChange(c.tariff_revenue_base, c.tariff_revenue_new)}};
      for (const auto& [name, v] : pct) changes.Row({s, rc, name, Number(v)});
      const std::tuple<const char*, double, double> lv[] = {
          {"income", c.income_base, c.income_new},
          {"value_added", c.value_added_base, c.value_added_new},
          {"exports", c.exports_base, c.exports_new},
          {"imports", c.imports_base, c.imports_new},
          {"tariff_revenue", c.tariff_revenue_base, c.tariff_revenue_new}};
      for (const auto& [name, v0, v1] : lv) {
        levels.Row({s, rc, name, kStates[0], Number(ToCurrency(m, v0))});
        levels.Row({s, rc, name, kStates[1], Number(ToCurrency(m, v1))});
      }
      const auto duties_row = [&](const std::string& exporter, const GoodsDuties& d) {
        goods_duties.Row({s, rc, exporter, Number(100.0 * d.added_at_base_weights),
                          Number(100.0 * d.added_after_shifts), Number(100.0 * d.applied_base),
                          Number(100.0 * d.applied_new),
                          Number(ToCurrency(m, d.goods_imports_base)),
                          Number(ToCurrency(m, d.goods_imports_new))});
      };
      duties_row(kAll, c.goods_duties);
      for (const PartnerImports& p : o.imports_by_partner[n].partners) {
        duties_row(b.regions[p.exporter].code, p.goods_duties);
      }
      const std::string per_year = m.currency + " per year";
      const std::tuple<const char*, double, std::string> money_rows[] = {
          {"welfare_money", ToCurrency(m, c.welfare_money), per_year},
          {"welfare_per_household", c.welfare_per_household_currency,
           m.currency + " per household per year"},
          {"households", c.households, "households"},
          {"tariff_revenue_change", ToCurrency(m, c.TariffRevenueChange()), per_year},
          {"tariff_revenue_change_10y", ToCurrency(m, c.TariffRevenueChangeOverWindow()),
           fmt::format("{} over {} years (static: {} x the annual change)", m.currency,
                       kBudgetWindowYears, kBudgetWindowYears)}};
      for (const auto& [name, v, unit] : money_rows) money.Row({s, rc, name, Number(v), unit});
      tariffs.Row({s, rc, kAll, kAll, kStates[0], Number(100.0 * c.average_tariff_base)});
      tariffs.Row({s, rc, kAll, kAll, kStates[1], Number(100.0 * c.average_tariff_new)});
      for (std::size_t j = 0; j < J; ++j) {
        const AppliedTariff t = SectorTariff(r, n, j);
        tariffs.Row({s, rc, kAll, b.sectors[j].code, kStates[0], Number(100.0 * t.base)});
        tariffs.Row({s, rc, kAll, b.sectors[j].code, kStates[1], Number(100.0 * t.now)});
      }
      for (std::size_t i = 0; i < N; ++i) {
        if (i == n) continue;
        const std::string& ec = b.regions[i].code;
        trade.Row(
            {s, rc, ec, kAll, kStates[0], Number(ToCurrency(m, o.BilateralImportsBase(n, i)))});
        trade.Row(
            {s, rc, ec, kAll, kStates[1], Number(ToCurrency(m, o.BilateralImportsNew(n, i)))});
        const AppliedTariff t = PairTariff(r, n, i);
        tariffs.Row({s, rc, ec, kAll, kStates[0], Number(100.0 * t.base)});
        tariffs.Row({s, rc, ec, kAll, kStates[1], Number(100.0 * t.now)});
        decomposition.Row({s, rc, ec, kAll, "tot", Number(100.0 * o.bilateral_tot(n, i))});
        decomposition.Row({s, rc, ec, kAll, "vot", Number(100.0 * o.bilateral_vot(n, i))});
        for (std::size_t j = 0; j < J; ++j) {
          const std::string& sc = b.sectors[j].code;
          trade.Row({s, rc, ec, sc, kStates[0], Number(ToCurrency(m, o.flows_base(n, i, j)))});
          trade.Row({s, rc, ec, sc, kStates[1], Number(ToCurrency(m, o.flows_new(n, i, j)))});
          tariffs.Row({s, rc, ec, sc, kStates[0], Number(100.0 * b.tariff_rates(n, i, j))});
          tariffs.Row({s, rc, ec, sc, kStates[1], Number(100.0 * r.shock.tariff_rates(n, i, j))});
        }
      }
      // Partners in the story's order (largest gain in share first), then the total.
      const ImportsByPartner& by_partner = o.imports_by_partner[n];
      for (const PartnerImports& p : by_partner.partners) {
        const std::string& ec = b.regions[p.exporter].code;
        partners.Row({s, rc, ec, kStates[0], Number(ToCurrency(m, p.imports_base)),
                      Number(100.0 * p.share_base)});
        partners.Row({s, rc, ec, kStates[1], Number(ToCurrency(m, p.imports_new)),
                      Number(100.0 * p.share_new)});
        partner_changes.Row({s, rc, ec, Number(PercentChange(p.imports_base, p.imports_new)),
                             Number(100.0 * p.share_change())});
      }
      if (!by_partner.partners.empty()) {
        // The total's share is 100% of itself, and undefined without any imports.
        const auto whole = [](double total) { return total > 0.0 ? "100" : ""; };
        partners.Row({s, rc, kAll, kStates[0], Number(ToCurrency(m, by_partner.imports_base)),
                      whole(by_partner.imports_base)});
        partners.Row({s, rc, kAll, kStates[1], Number(ToCurrency(m, by_partner.imports_new)),
                      whole(by_partner.imports_new)});
        partner_changes.Row(
            {s, rc, kAll, Number(PercentChange(by_partner.imports_base, by_partner.imports_new)),
             by_partner.imports_base > 0.0 && by_partner.imports_new > 0.0 ? "0" : ""});
      }
      for (std::size_t j = 0; j < J; ++j) {
        const std::string& sc = b.sectors[j].code;
        output.Row({s, rc, sc, kStates[0], Number(ToCurrency(m, o.gross_output_base(n, j)))});
        output.Row({s, rc, sc, kStates[1], Number(ToCurrency(m, o.gross_output_new(n, j)))});
        sector_changes.Row(
            {s, rc, sc, "gross_output",
             Number(PercentChange(o.gross_output_base(n, j), o.gross_output_new(n, j)))});
        sector_changes.Row({s, rc, sc, "price", Number(100.0 * o.price_change(n, j))});
        decomposition.Row({s, rc, kAll, sc, "tot", Number(100.0 * o.sectoral_tot(n, j))});
        decomposition.Row({s, rc, kAll, sc, "vot", Number(100.0 * o.sectoral_vot(n, j))});
      }
    }
  }
  std::vector<std::filesystem::path> files = {
      changes.Close(),         levels.Close(),         trade.Close(),         tariffs.Close(),
      output.Close(),          sector_changes.Close(), decomposition.Close(), partners.Close(),
      partner_changes.Close(), goods_duties.Close(),   money.Close()};
  if (std::any_of(runs.begin(), runs.end(),
                  [](const LabelledRun& r) { return r.run->uncertainty; }))
    files.push_back(WriteBandsCsv(runs, dir));
  return files;
}

}  // namespace detail

std::vector<std::filesystem::path> WriteRunCsv(const RunResult& result,
                                               const std::filesystem::path& directory) {
  return detail::WriteRunsCsv({{result.metadata.scenario_name, &result}}, directory);
}

}  // namespace ricardo
