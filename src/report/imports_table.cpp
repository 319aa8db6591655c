// The trade-diversion table: one importer's imports by partner before and after, with shares.
#include <cmath>

#include "fmt/format.h"
#include "report/run_tables.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {

TextTable ImportsByPartnerTable(const RunResult& r, std::size_t importer,
                                const MoneyDisplay& money) {
  const Baseline& b = r.baseline;
  const Manifest& m = b.manifest;
  const ImportsByPartner& imports = r.outcomes.imports_by_partner.at(importer);
  TextTable t;
  t.title = fmt::format(
      "Imports of {} by partner (net of tariffs, all sectors; largest gain in share first)",
      b.regions[importer].code);
  t.headers = {"Partner",
               money.label + ": before",
               "after",
               "Change %",
               "Share %: before",
               "after",
               "Change pp",
               std::string(kAddedTariffLabel) + ": " + AddedTariffBaseWeightsLabel(b),
               kAddedTariffShiftsLabel};
  t.align = {Align::kLeft};
  t.align.resize(t.headers.size(), Align::kRight);
  for (const PartnerImports& p : imports.partners) {
    t.AddRow({b.regions[p.exporter].code, Fixed(money(m, p.imports_base), 1),
              Fixed(money(m, p.imports_new), 1),
              SignedFixed(PercentChange(p.imports_base, p.imports_new), 2),
              Fixed(100.0 * p.share_base, 2), Fixed(100.0 * p.share_new, 2),
              SignedFixed(100.0 * p.share_change(), 2),
              Fixed(100.0 * p.goods_duties.added_at_base_weights, 2),
              Fixed(100.0 * p.goods_duties.added_after_shifts, 2)});
  }
  const CountryOutcome& c = r.outcomes.countries[importer];
  // The total is 100% of itself; without any imports there are no shares at all.
  const double whole_base = imports.imports_base > 0.0 ? 100.0 : NAN;
  const double whole_new = imports.imports_new > 0.0 ? 100.0 : NAN;
  t.AddRow({"All partners", Fixed(money(m, imports.imports_base), 1),
            Fixed(money(m, imports.imports_new), 1),
            SignedFixed(PercentChange(imports.imports_base, imports.imports_new), 2),
            Fixed(whole_base, 2), Fixed(whole_new, 2), SignedFixed(whole_new - whole_base, 2),
            Fixed(100.0 * c.goods_duties.added_at_base_weights, 2),
            Fixed(100.0 * c.goods_duties.added_after_shifts, 2)});
  t.note = "Share: of " + b.regions[importer].code +
           "'s imports from all foreign partners; change in percentage points. " +
           AddedTariffNote(r);
  return t;
}

}  // namespace ricardo::detail
