// Replaying a compile with other measure rates, bit for bit.
//
// A measure's rate is read only where the compiler multiplies by it (Compiler::RateFor): which
// measures are present on a product, which are displaced, the base each is charged on, the
// import weights and the sector coverages do not depend on rates (rates are compared only to
// write the product and sector traces). CompileScenarioRecorded keeps those rate-free parts —
// per product line its sector, value, USMCA share and stacking terms; per sector compiled from
// coverages its parts — and ReplayTariffs redoes the compiler's arithmetic on them with the
// edited scenario's rates, in the compiler's order, so the tariffs are the full compile's to
// the last bit. Valid for a scenario that differs from the recorded one in measure rates only
// (same dates, switches, scopes, USMCA share and compile options).
#pragma once

#include <cstddef>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/stacking.hpp"

namespace ricardo::detail {

struct RecordedLine {
  std::size_t sector = 0;
  double value_usd = 0.0;
  double usmca_share = 0.0;
  std::size_t first_term = 0, term_count = 0;  // into RecordedPair::terms
};

// A rate a term or part is charged at: the measure's own (edited) rate, or a fixed one (rates
// taken from the baseline).
struct RecordedRate {
  std::size_t measure = 0;
  bool from_measure = true;
  double fixed = 0.0;
};

struct RecordedPart {  // one measure of a sector compiled from coverages
  RecordedRate rate;
  double effective = 0.0;  // max(0, effective coverage × content)
};

struct RecordedPair {
  std::size_t importer = 0, exporter = 0;
  std::vector<RecordedLine> lines;         // products mode, lines with measures and a sector
  std::vector<StackTerm> terms;
  std::vector<RecordedRate> term_rates;    // parallel to terms
  std::vector<double> sector_value_usd;    // products mode: Σ line values per sector
  std::vector<std::vector<RecordedPart>> sector_parts;  // per sector (coverage sectors)
  std::vector<char> by_parts;              // per sector: added rate from sector_parts
};

struct CompileRecording {
  std::vector<RecordedPair> pairs;
};

// CompileScenario, also filling *recording (cleared first) when it is not null.
CompiledScenario CompileScenarioRecorded(const Scenario& scenario, const Baseline& baseline,
                                         const CompileOptions& options,
                                         CompileRecording* recording);

// Overwrites the tariffs of every recorded pair with the compile of the recorded scenario with
// measure k at rates[k] (every measure's rate; those taking rates from the baseline are not
// read) on `baseline` (the recorded one).
void ReplayTariffs(const CompileRecording& recording, const std::vector<double>& rates,
                   const Baseline& baseline, Array3& tariff_rates);

}  // namespace ricardo::detail
