// The bands of `ricardo run --draws` as a table: the point estimate beside its 5th, 50th and
// 95th percentiles, for the text, Markdown and HTML reports.
#include "fmt/format.h"
#include "report/run_tables.hpp"
#include "report/run_views.hpp"
#include "report/text_table.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo::detail {
namespace {

std::string Range(const Band& b) {
  return fmt::format("{} … {}", SignedFixed(b.p05, 2), SignedFixed(b.p95, 2));
}

}  // namespace

TextTable BandsTable(const RunResult& r) {
  const DrawResult& d = *r.uncertainty;
  TextTable t;
  t.title = fmt::format(
      "Uncertainty by country (% change: the run's value, the median draw, and the 5th … 95th "
      "percentile of {} draws)",
      d.draws.size());
  t.headers = {"Region",    "Welfare %",  "median",    "5th … 95th", "Real wage %",
               "median",    "5th … 95th", "Exports %", "median",     "5th … 95th",
               "Imports %", "median",     "5th … 95th"};
  t.align = {Align::kLeft};
  t.align.resize(t.headers.size(), Align::kRight);
  for (std::size_t n = 0; n < r.outcomes.countries.size(); ++n) {
    const CountryOutcome& c = r.outcomes.countries[n];
    const auto& bands = d.country_bands[n];
    const double point[] = {100.0 * c.welfare_exact, 100.0 * c.real_wage_change,
                            PercentChange(c.exports_base, c.exports_new),
                            PercentChange(c.imports_base, c.imports_new)};
    const char* names[] = {"welfare_pct", "real_wage_pct", "exports_pct", "imports_pct"};
    std::vector<std::string> row = {c.code};
    for (int k = 0; k < 4; ++k) {
      const Band& b = bands.at(names[k]);
      row.push_back(SignedFixed(point[k], 2));
      row.push_back(SignedFixed(b.p50, 2));
      row.push_back(Range(b));
    }
    t.AddRow(std::move(row));
  }
  t.note = BandsSentence(d);
  for (const std::string& note : d.notes) t.note += "\n- " + note;
  if (d.non_converged > 0)
    t.note += fmt::format("\n- {} of {} draws did not converge and are left out", d.non_converged,
                          d.draws.size());
  return t;
}

}  // namespace ricardo::detail
