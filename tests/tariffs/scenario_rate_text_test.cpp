// The rate template (tariffs/scenario_rate_text.hpp) gives ScenarioToToml of the scenario with
// edited rates, byte for byte, for every shipped scenario and random rates.
#include "tariffs/scenario_rate_text.hpp"

#include <random>

#include "gtest/gtest.h"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

TEST(ScenarioRateText, SplicedRatesEqualTheSerialisedEditedScenario) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> rate(0.0, 2.0);
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ProjectDirectory() / "scenarios")) {
    if (entry.path().extension() != ".toml") continue;
    const Scenario scenario = LoadScenario(entry.path());
    const detail::RateTemplate t = detail::MakeRateTemplate(scenario);
    EXPECT_TRUE(t.usable) << entry.path();
    for (int round = 0; round < 5; ++round) {
      std::vector<double> rates;
      Scenario edited = scenario;
      for (auto& m : edited.measures) {
        // Round values too (0, 0.25), which print differently from random ones.
        m.rate = round == 0 ? 0.0 : round == 1 ? 0.25 : rate(random);
        rates.push_back(m.rate);
      }
      EXPECT_EQ(detail::ScenarioTomlWithRates(t, scenario, rates), ScenarioToToml(edited))
          << entry.path();
      ++checked;
    }
  }
  EXPECT_GE(checked, 35u);
}

}  // namespace
}  // namespace ricardo::testing
