// Reading the 2024 US goods trade of ../shared/data/world/trade/ (see us_trade_2024.hpp).
#include "data/us_trade_2024.hpp"

#include <algorithm>
#include <optional>

#include "data/csv.hpp"
#include "data/table_binding.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {
namespace {

constexpr const char* kTotalsFile = "us_goods_trade_totals_2023_2024.csv";
constexpr const char* kGtapFile = "us_imports_2024_by_gtap_and_partner_group_usd.csv";
constexpr const char* kMatchedFile = "us_imports_2024_by_country_yale_matched.csv";
// The official annual release ("Census goods" rows); other rows are sums of the monthly series.
constexpr std::string_view kAnnualBasis = "Census goods";

BoundTable Read(const std::filesystem::path& dir, const char* name,
                const std::vector<ColumnSpec>& columns) {
  const auto path = dir / "trade" / name;
  if (!std::filesystem::exists(path)) {  // a pipe, a device: ReadCsvFile refuses
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "2024 trade file not found",
                        "give the shared data's world/ directory (../shared/data/world)");
  }
  return BoundTable(ReadCsvFile(path, name), columns);
}

class Totals {
 public:
  explicit Totals(const std::filesystem::path& dir)
      : t_(Read(dir, kTotalsFile,
                {{"reporter"},
                 {"partner"},
                 {"flow"},
                 {"period"},
                 {"value"},
                 {"unit"},
                 {"basis"},
                 {"source"},
                 {"note"}})) {}

  // The US's 2024 row for a partner and flow: the annual release if there is one, else the
  // summed monthly series. Throws DataError when neither exists.
  TradeTotal Get(const std::string& partner, const std::string& flow,
                 const std::string& period) const {
    const CsvRecord* chosen = nullptr;
    for (const auto& r : t_.records()) {
      if (t_.Text(r, "reporter") != "USA" || t_.Text(r, "partner") != partner ||
          t_.Text(r, "flow") != flow || t_.Text(r, "period") != period) {
        continue;
      }
      if (!chosen ||
          (t_.Text(r, "basis") == kAnnualBasis && t_.Text(*chosen, "basis") != kAnnualBasis)) {
        chosen = &r;
      }
    }
    if (!chosen) {
      throw DataError(Location{kTotalsFile, 0, 0, ""},
                      fmt::format("no row for USA, {}, {}, {}", partner, flow, period),
                      "the built-in baselines need this figure; restore the row");
    }
    if (t_.Text(*chosen, "unit") != "US$ bn") {
      throw DataError(t_.At(*chosen, "unit"),
                      fmt::format("unit '{}' where 'US$ bn' is expected", t_.Text(*chosen, "unit")),
                      "write the value in US$ billion");
    }
    const std::string basis = t_.Text(*chosen, "basis");
    return {
        t_.Number(*chosen, "value") * 1e9,
        fmt::format("{} line {}: {} {} {}, {}", kTotalsFile, chosen->line, flow, partner, period,
                    basis == "as above" ? "Census general imports (monthly sum)" : basis)};
  }

 private:
  BoundTable t_;
};

// 2024 imports matched to HTS 2026 rev 4 (94.8% of the total), by Census country code.
class Matched {
 public:
  explicit Matched(const std::filesystem::path& dir)
      : t_(Read(dir, kMatchedFile,
                {{"census_cty_code"},
                 {"country_name"},
                 {"eu27"},
                 {"imports_2024_usd"},
                 {"share_of_matched_total", false}})) {}

  double Country(const std::string& census_code) const {
    for (const auto& r : t_.records()) {
      if (t_.Text(r, "census_cty_code") == census_code) return t_.Number(r, "imports_2024_usd");
    }
    throw DataError(Location{kMatchedFile, 0, 0, ""},
                    fmt::format("no row for Census country {}", census_code),
                    "the built-in baselines need this country's 2024 imports");
  }
  double Eu27() const {
    double total = 0.0;
    for (const auto& r : t_.records()) {
      if (t_.Text(r, "eu27") == "1") total += t_.Number(r, "imports_2024_usd");
    }
    return total;
  }

 private:
  BoundTable t_;
};

struct Partner {
  const char* code;
  const char* census;  // US Census country code
};
// The world baseline's partners with a Census country code (EU27 is summed from its members).
constexpr Partner kPartners[] = {{"CAN", "1220"}, {"MEX", "2010"}, {"CHN", "5700"},
                                 {"GBR", "4120"}, {"JPN", "5880"}, {"KOR", "5800"},
                                 {"TWN", "5830"}, {"IND", "5330"}, {"BRA", "3510"}};

double Bn(double usd) {
  return usd / 1e9;
}

}  // namespace

UsTrade2024 ReadUsTrade2024(const std::filesystem::path& dir) {
  UsTrade2024 out;
  const Totals totals(dir);
  const Matched matched(dir);
  auto& notes = out.notes;

  for (const char* p : {"CAN", "MEX", "CHN", "EU27"})
    out.imports[p] = totals.Get(p, "imports", "2024");
  out.world_imports = totals.Get("WORLD", "imports", "2024");
  out.world_exports = totals.Get("WORLD", "exports", "2024");

  // JPN, KOR, TWN, IND: Census January–November, raised to the year by the ratio of full year to
  // January–November of the partners that have both (CAN, MEX, CHN).
  double full = 0.0, eleven = 0.0;
  for (const char* p : {"CAN", "MEX", "CHN"}) {
    full += out.imports[p].value_usd;
    eleven += totals.Get(p, "imports", "2024 Jan-Nov").value_usd;
  }
  const double year_factor = full / eleven;
  notes.push_back(
      fmt::format("JPN, KOR, TWN, IND: Census imports of January–November 2024 × {:.6f}, "
                  "the ratio of full-year to January–November imports from CAN, MEX "
                  "and CHN ({:.1f} / {:.1f} US$ bn)",
                  year_factor, Bn(full), Bn(eleven)));
  for (const char* p : {"JPN", "KOR", "TWN", "IND"}) {
    const TradeTotal jan_nov = totals.Get(p, "imports", "2024 Jan-Nov");
    out.imports[p] = {jan_nov.value_usd * year_factor,
                      fmt::format("{} × {:.6f} (December estimated)", jan_nov.how, year_factor)};
  }

  // GBR, BRA: no Census figure at all. Yale's matched 2024 imports (HS10 lines still in HTS 2026
  // rev 4) × the ratio of the Census-based totals above to the matched values of the same partners.
  double census_based = 0.0, matched_same = matched.Eu27();
  census_based += out.imports["EU27"].value_usd;
  for (const Partner& p : kPartners) {
    if (std::string(p.code) == "GBR" || std::string(p.code) == "BRA") continue;
    census_based += out.imports[p.code].value_usd;
    matched_same += matched.Country(p.census);
  }
  const double coverage_factor = census_based / matched_same;
  notes.push_back(
      fmt::format("GBR, BRA: Yale-matched 2024 imports × {:.6f}, the ratio of the "
                  "Census-based totals of CAN, MEX, CHN, EU27, JPN, KOR, TWN and IND "
                  "to their matched values ({:.1f} / {:.1f} US$ bn)",
                  coverage_factor, Bn(census_based), Bn(matched_same)));
  for (const char* p : {"GBR", "BRA"}) {
    const auto it = std::find_if(std::begin(kPartners), std::end(kPartners),
                                 [&](const Partner& x) { return std::string(x.code) == p; });
    const double m = matched.Country(it->census);
    out.imports[p] = {m * coverage_factor,
                      fmt::format("{} Census country {}: {:.2f} US$ bn × {:.6f}", kMatchedFile,
                                  it->census, Bn(m), coverage_factor)};
  }

  // Exports: the annual figure where there is one, else imports + the Census balance.
  for (const char* p : {"CAN", "MEX", "CHN"}) out.exports[p] = totals.Get(p, "exports", "2024");
  for (const char* p : {"EU27", "GBR", "BRA"}) {
    const TradeTotal balance = totals.Get(p, "balance", "2024");
    out.exports[p] = {
        out.imports[p].value_usd + balance.value_usd,
        fmt::format("imports ({:.2f}) + {}", Bn(out.imports[p].value_usd), balance.how)};
  }

  const BoundTable g = Read(dir, kGtapFile,
                            {{"gtap_code"},
                             {"china"},
                             {"canada"},
                             {"mexico"},
                             {"uk"},
                             {"japan"},
                             {"eu"},
                             {"row"},
                             {"ftrow"}});
  const char* groups[] = {"china", "canada", "mexico", "uk", "japan", "eu", "row", "ftrow"};
  for (const auto& r : g.records()) {
    out.gtap_codes.push_back(g.Text(r, "gtap_code"));
    for (const char* group : groups) {
      const double v = g.Number(r, group);
      if (v < 0.0) {
        throw DataError(g.At(r, group), fmt::format("negative imports {}", v),
                        "imports are non-negative US$");
      }
      out.group_imports_usd[group].push_back(v);
    }
  }
  return out;
}

}  // namespace ricardo::data_internal
