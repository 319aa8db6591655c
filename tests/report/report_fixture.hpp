// Small runs for the report tests: four regions named like the real ones (USA, CAN, MEX, ROW)
// and three sectors, calibrated so that a zero shock changes nothing, then shocked in code.
// Header-only because tests/CMakeLists.txt compiles only *_test.cpp files.
#pragma once

#include <string>

#include "ricardo/calibrate.hpp"
#include "ricardo/run.hpp"
#include "test_support.hpp"

namespace ricardo::testing {

// The calibrated small baseline: random but fixed data (seed 7), codes USA CAN MEX ROW and
// metals, vehicles, services (services untaxed).
inline const Baseline& SmallNorthAmerica() {
  static const Baseline baseline = [] {
    Baseline b = MakeRandomBaseline(4, 3, 7);
    const char* regions[][2] = {{"USA", "United States"}, {"CAN", "Canada"}, {"MEX", "Mexico"},
                                {"ROW", "Rest of the world"}};
    for (std::size_t n = 0; n < 4; ++n) b.regions[n] = {regions[n][0], regions[n][1]};
    b.sectors[0].code = "metals";
    b.sectors[0].name = "Basic metals";
    b.sectors[1].code = "vehicles";
    b.sectors[1].name = "Motor vehicles";
    b.sectors[2].code = "services";
    b.sectors[2].name = "Services";
    for (std::size_t n = 0; n < 4; ++n)
      for (std::size_t i = 0; i < 4; ++i) b.tariff_rates(n, i, 2) = 0.0;
    b.manifest.name = "small-test";
    b.manifest.title = "Small hand-made test baseline";
    b.manifest.year = 2020;
    b.manifest.money_unit = 1e9;  // US$ billion: national incomes of tens of billions
    CalibrationOptions options;
    return CalibrateBaseYear(b, options).baseline;
  }();
  return baseline;
}

// US tariffs on Canada and Mexico (metals 50%, vehicles 25%); with retaliation Canada puts 25%
// on US metals and vehicles.
inline Shock TariffShock(const Baseline& b, bool retaliation) {
  Shock s = Shock::None(b);
  const std::size_t usa = *b.FindRegion("USA"), can = *b.FindRegion("CAN"),
                    mex = *b.FindRegion("MEX");
  for (std::size_t partner : {can, mex}) {
    s.tariff_rates(usa, partner, 0) = 0.50;
    s.tariff_rates(usa, partner, 1) = 0.25;
  }
  if (retaliation) {
    s.tariff_rates(can, usa, 0) = 0.25;
    s.tariff_rates(can, usa, 1) = 0.25;
  }
  return s;
}

inline RunResult SmallRun(bool retaliation) {
  const Baseline& b = SmallNorthAmerica();
  RunMetadata meta;
  meta.scenario_name = retaliation ? "test-tariffs-retaliation" : "test-tariffs";
  meta.scenario_title =
      retaliation ? "US tariffs, Canada retaliates" : "US tariffs on Canada and Mexico";
  meta.scenario_date = "2025-11-01";
  meta.sources = {"hand-made test shock"};
  return RunCounterfactual(b, TariffShock(b, retaliation), SolverOptions{}, meta);
}

}  // namespace ricardo::testing
