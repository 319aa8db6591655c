// The trace of a compile with a reference date (Scenario::reference_date): the shock is the
// change since that day, the trace says what was charged on both days.
#include <map>
#include <tuple>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariffs/compiler.hpp"

namespace ricardo::detail {

void AttachReference(const CompileTrace& reference, CompileTrace* trace) {
  trace->reference_date = reference.date;
  trace->measures_in_force_on_reference = reference.measures_in_force;
  std::map<std::tuple<std::string, std::string, std::string>, double> sector_rates;
  for (const SectorTrace& s : reference.sectors)
    sector_rates[{s.importer, s.exporter, s.sector}] = s.added_rate;
  int only_on_reference = 0;
  for (SectorTrace& s : trace->sectors) {
    const auto it = sector_rates.find({s.importer, s.exporter, s.sector});
    if (it == sector_rates.end()) continue;
    s.reference_rate = it->second;
    sector_rates.erase(it);
  }
  for (const auto& [key, rate] : sector_rates) only_on_reference += rate != 0.0;
  std::map<std::pair<std::string, std::string>, double> pair_rates;
  for (const PairTrace& p : reference.pairs)
    pair_rates[{p.importer, p.exporter}] = p.all_goods_rate;
  for (PairTrace& p : trace->pairs) {
    const auto it = pair_rates.find({p.importer, p.exporter});
    if (it != pair_rates.end()) p.reference_all_goods_rate = it->second;
  }
  trace->notes.push_back(fmt::format(
      "reference date {}: the baseline's flows already reflect the {} measure(s) then in force; "
      "the shock is "
      "each tariff's change since that day (a measure charged alike on both days adds nothing)",
      reference.date.ToString(), reference.measures_in_force.size()));
  if (only_on_reference > 0) {
    trace->notes.push_back(fmt::format(
        "{} importer-exporter-sector cell(s) were charged on the reference date by measures no "
        "longer in "
        "force; their tariffs fall by what those measures charged (no sector line below)",
        only_on_reference));
  }
}

}  // namespace ricardo::detail
