#include "tariffs/rate_replay.hpp"

namespace ricardo::detail {
namespace {

double RateOf(const RecordedRate& r, const std::vector<double>& measure_rates) {
  return r.from_measure ? measure_rates.at(r.measure) : r.fixed;
}

}  // namespace

void ReplayTariffs(const CompileRecording& recording, const std::vector<double>& measure_rates,
                   const Baseline& baseline, Array3& tariff_rates) {
  const std::size_t J = baseline.sector_count();
  std::vector<double> charged(J), rates;
  for (const RecordedPair& pair : recording.pairs) {
    // Products mode (Compiler::CompileProducts): Σ value × stacked rate per sector, in line order.
    std::fill(charged.begin(), charged.end(), 0.0);
    rates.resize(pair.term_rates.size());
    for (std::size_t t = 0; t < rates.size(); ++t) rates[t] = RateOf(pair.term_rates[t], measure_rates);
    for (const RecordedLine& line : pair.lines) {
      const double rate = StackTermsRate(pair.terms.data() + line.first_term,
                                         rates.data() + line.first_term, line.term_count,
                                         line.usmca_share);
      charged[line.sector] += line.value_usd * rate;
    }
    for (std::size_t j = 0; j < J; ++j) {
      double added = 0.0;
      if (pair.by_parts[j]) {
        // Compiler::SectorRate.
        for (const RecordedPart& part : pair.sector_parts[j]) {
          added += RateOf(part.rate, measure_rates) * part.effective;
        }
      } else if (!pair.sector_value_usd.empty() && pair.sector_value_usd[j] > 0.0) {
        added = charged[j] / pair.sector_value_usd[j];
      }
      // Compiler::Apply.
      tariff_rates(pair.importer, pair.exporter, j) =
          baseline.tariff_rates(pair.importer, pair.exporter, j) + added;
    }
  }
}

}  // namespace ricardo::detail
