// What run.json says about the draws (docs/run-result-schema.md, "uncertainty").
#include "fmt/format.h"
#include "ricardo/uncertainty.hpp"

namespace ricardo {

std::string BandsSentence(const DrawResult& result) {
  std::vector<std::string> what;
  if (result.settings.theta) what.push_back("the trade elasticities");
  if (result.settings.usmca) what.push_back("the USMCA utilisation shares");
  return fmt::format(
      "Bands are the 5th to 95th percentiles over {} draws of {}: the uncertainty of these "
      "parameters, not a forecast interval (the model, its data and the measures are held "
      "fixed).",
      result.draws.size(), fmt::join(what, " and "));
}

nlohmann::json UncertaintyToJson(const DrawResult& result) {
  nlohmann::json j;
  j["draws"] = result.draws.size();
  j["seed"] = result.settings.seed;
  j["theta"] = result.settings.theta;
  j["usmca"] = result.settings.usmca;
  j["non_converged"] = result.non_converged;
  j["percentiles"] = {5, 50, 95};
  j["method"] =
      "percentiles by linear interpolation between order statistics (Hyndman-Fan type 7); "
      "non-converged draws left out";
  j["notes"] = result.notes;
  j["sentence"] = BandsSentence(result);
  return j;
}

}  // namespace ricardo
