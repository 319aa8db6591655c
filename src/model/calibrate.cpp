#include "ricardo/calibrate.hpp"

#include <algorithm>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/outcomes.hpp"

namespace ricardo {

const char* ToString(DeficitTreatment treatment) {
  switch (treatment) {
    case DeficitTreatment::kKeep: return "keep";
    case DeficitTreatment::kEliminate: return "eliminate";
  }
  return "unknown";
}

CalibrationResult CalibrateBaseYear(const Baseline& data, const CalibrationOptions& options) {
  Shock shock = Shock::None(data);
  if (options.deficits == DeficitTreatment::kEliminate) {
    shock.surplus = std::vector<double>(data.region_count(), 0.0);
  }
  Solution solution = Solve(data, shock, options.solver);
  if (!solution.summary.IsConverged()) {
    throw ArgumentError(fmt::format("calibrating the base year of '{}' failed: {}",
                                    data.manifest.name, solution.summary.message),
                        "check the data with 'ricardo data check' or loosen the solver options");
  }
  CalibrationResult result;
  result.baseline = ApplyEquilibrium(data, shock, solution.equilibrium);
  result.summary = std::move(solution.summary);
  return result;
}

Array2 FinalDemandSharesFromIdentity(const Baseline& data, std::vector<std::string>* clipped) {
  const std::size_t N = data.region_count(), J = data.sector_count();
  const Array2 expenditure = Expenditure(data);
  const Array2 output = GrossOutput(data);
  const std::vector<double> income = NationalIncome(data);
  Array2 alpha(N, J);
  for (std::size_t n = 0; n < N; ++n) {
    double total = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      double intermediate = 0.0;
      for (std::size_t k = 0; k < J; ++k) {
        intermediate +=
            (1.0 - data.value_added_share(n, k)) * data.input_shares(n, j, k) * output(n, k);
      }
      double share = (expenditure(n, j) - intermediate) / income[n];
      if (share < 0.0) {
        if (clipped) clipped->push_back(data.regions[n].code + "/" + data.sectors[j].code);
        share = 0.0;
      }
      alpha(n, j) = share;
      total += share;
    }
    if (total <= 0.0) {
      throw DataError(Location{data.manifest.name, 0, 0, "final demand"},
                      fmt::format("region '{}' has no positive final demand in any sector",
                                  data.regions[n].code),
                      "check its expenditure and input-output data");
    }
    for (std::size_t j = 0; j < J; ++j) alpha(n, j) /= total;
  }
  return alpha;
}

}  // namespace ricardo
