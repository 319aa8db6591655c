// ScenarioToToml of a scenario whose only change is its measures' rates, without serialising it
// again: the API stamps every rate edit with the SHA-256 of the scenario text as compiled
// (ricardo/run_stamp.hpp), and serialising a 60-measure scenario costs ~1.5 ms, a quarter of the
// solve it stamps. The text is cut once around each rate; an edit splices its rates in.
#pragma once

#include <string>
#include <vector>

#include "ricardo/scenario.hpp"

namespace ricardo::detail {

struct RateTemplate {
  // ScenarioToToml's text split around the rate of each measure that has one: text, rate of
  // measures[slots[0]], text, …; parts.size() == slots.size() + 1.
  std::vector<std::string> parts;
  std::vector<std::size_t> slots;
  bool usable = false;  // false when the cut could not be made; callers serialise in full then
};

RateTemplate MakeRateTemplate(const Scenario& scenario);

// ScenarioToToml(scenario with measures[k].rate = rates[k] for every k), from the template of
// `scenario`; `scenario` itself when the template is not usable.
std::string ScenarioTomlWithRates(const RateTemplate& rate_template, const Scenario& scenario,
                                  const std::vector<double>& rates);

}  // namespace ricardo::detail
