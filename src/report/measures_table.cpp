// The "Measures simulated" table of the HTML report, from RunMetadata::measures.
#include "report/measures_table.hpp"

namespace ricardo::detail {

TextTable MeasuresTable(const RunMetadata& metadata) {
  TextTable t;
  t.title = "Measures simulated";
  t.headers = {"Id",
               "Measure",
               "Authority",
               "Legal basis",
               "Importer",
               "Origins",
               "Rate as written",
               "Scope",
               "In force on " + (metadata.scenario_date.empty() ? std::string("the date")
                                                                : metadata.scenario_date)};
  for (const MeasureSummary& m : metadata.measures) {
    std::string origins;
    for (const auto& o : m.origins) origins += (origins.empty() ? "" : ", ") + o;
    std::string in_force = m.in_force ? "yes" : "no";
    if (!m.from.empty() || !m.to.empty())
      in_force += " (" + (m.from.empty() ? std::string("…") : m.from) + " to " +
                  (m.to.empty() ? std::string("…") : m.to) + ")";
    t.AddRow({m.id, m.title, m.authority, m.legal_basis, m.importer, origins, m.rate, m.scope,
              in_force});
  }
  std::size_t in_force_count = 0;
  for (const auto& m : metadata.measures) in_force_count += m.in_force ? 1 : 0;
  t.note =
      std::to_string(in_force_count) + " of " + std::to_string(metadata.measures.size()) +
      " measures in force (the compiled rates by partner and sector: ricardo scenario explain)";
  return t;
}

}  // namespace ricardo::detail
