// Imports by partner before and after a shock: the trade-diversion view shared by every report.
#include <algorithm>
#include <cmath>
#include <limits>

#include "ricardo/outcomes.hpp"

namespace ricardo {

double PairTradeWeightedTariff(const Array3& tariff_rates, const Array3& flows,
                               std::size_t importer, std::size_t exporter) {
  double paid = 0.0, flow = 0.0;
  const double* rates = tariff_rates.row(importer, exporter);
  const double* values = flows.row(importer, exporter);
  for (std::size_t j = 0; j < flows.dim2(); ++j) {
    paid += rates[j] * values[j];
    flow += values[j];
  }
  return flow > 0.0 ? paid / flow : std::numeric_limits<double>::quiet_NaN();
}

ImportsByPartner ComputeImportsByPartner(const Outcomes& outcomes, const Array3& tariff_rates_base,
                                         const Array3& tariff_rates_new, std::size_t importer) {
  ImportsByPartner out;
  out.importer = importer;
  const std::size_t N = outcomes.flows_base.dim0();
  for (std::size_t i = 0; i < N; ++i) {
    if (i == importer) continue;
    PartnerImports p;
    p.exporter = i;
    p.imports_base = outcomes.BilateralImportsBase(importer, i);
    p.imports_new = outcomes.BilateralImportsNew(importer, i);
    p.tariff_base = PairTradeWeightedTariff(tariff_rates_base, outcomes.flows_base, importer, i);
    p.tariff_new = PairTradeWeightedTariff(tariff_rates_new, outcomes.flows_new, importer, i);
    out.imports_base += p.imports_base;
    out.imports_new += p.imports_new;
    out.partners.push_back(p);
  }
  // An importer that buys nothing abroad has no shares (NaN), rather than shares of zero.
  const double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (PartnerImports& p : out.partners) {
    p.share_base = out.imports_base > 0.0 ? p.imports_base / out.imports_base : kNaN;
    p.share_new = out.imports_new > 0.0 ? p.imports_new / out.imports_new : kNaN;
  }
  // Shifts are compared on a 1e-10 grid so that rounding noise (a zero shock moves shares by
  // ~1e-17) does not decide the order; real ties then put the larger partner first.
  const auto grid = [](const PartnerImports& p) -> long long {
    const double change = p.share_change();
    return std::isfinite(change) ? std::llround(change * 1e10) : 0;
  };
  std::stable_sort(out.partners.begin(), out.partners.end(),
                   [&](const PartnerImports& a, const PartnerImports& b) {
                     if (grid(a) != grid(b)) return grid(a) > grid(b);
                     return a.imports_base > b.imports_base;
                   });
  return out;
}

}  // namespace ricardo
