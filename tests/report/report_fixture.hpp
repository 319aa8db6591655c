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
    const char* regions[][2] = {{"USA", "United States"},
                                {"CAN", "Canada"},
                                {"MEX", "Mexico"},
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

// A 12-region world named like the `world` baseline's regions, three sectors as above, random
// but fixed data (seed 11), calibrated: for checking that no output assumes four regions.
inline const Baseline& SmallWorld() {
  static const Baseline baseline = [] {
    const char* regions[][2] = {
        {"USA", "United States"}, {"CAN", "Canada"},          {"MEX", "Mexico"},
        {"CHN", "China"},         {"EU27", "European Union"}, {"GBR", "United Kingdom"},
        {"JPN", "Japan"},         {"KOR", "Korea"},           {"IND", "India"},
        {"TWN", "Taiwan"},        {"BRA", "Brazil"},          {"ROW", "Rest of the world"}};
    Baseline b = MakeRandomBaseline(12, 3, 11);
    for (std::size_t n = 0; n < 12; ++n) b.regions[n] = {regions[n][0], regions[n][1]};
    const char* sectors[][2] = {
        {"metals", "Basic metals"}, {"vehicles", "Motor vehicles"}, {"services", "Services"}};
    for (std::size_t j = 0; j < 3; ++j) {
      b.sectors[j].code = sectors[j][0];
      b.sectors[j].name = sectors[j][1];
    }
    for (std::size_t n = 0; n < 12; ++n)
      for (std::size_t i = 0; i < 12; ++i) b.tariff_rates(n, i, 2) = 0.0;
    b.manifest.name = "small-world-test";
    b.manifest.title = "Small hand-made 12-region test baseline";
    b.manifest.year = 2020;
    b.manifest.money_unit = 1e9;
    return CalibrateBaseYear(b, CalibrationOptions{}).baseline;
  }();
  return baseline;
}

// The diversion story in miniature: the US adds 5% on Canadian and Mexican metals (most of
// their trade claims USMCA preference), 45% on Chinese goods and 15% on everyone else's goods.
inline RunResult SmallWorldRun() {
  const Baseline& b = SmallWorld();
  Shock s = Shock::None(b);
  const std::size_t usa = *b.FindRegion("USA");
  for (std::size_t i = 0; i < b.region_count(); ++i) {
    if (i == usa) continue;
    const std::string& code = b.regions[i].code;
    for (std::size_t j : {0u, 1u}) {
      double added = code == "CHN" ? 0.45 : 0.15;
      if (code == "CAN" || code == "MEX") added = j == 0 ? 0.05 : 0.0;
      s.tariff_rates(usa, i, j) += added;
    }
  }
  RunMetadata meta;
  meta.scenario_name = "test-world-tariffs";
  meta.scenario_title = "US tariffs on the world, USMCA goods spared";
  meta.scenario_date = "2025-11-01";
  meta.sources = {"hand-made test shock"};
  return RunCounterfactual(b, std::move(s), SolverOptions{}, meta);
}

}  // namespace ricardo::testing
