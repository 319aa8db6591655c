#include "ricardo/replication.hpp"

namespace ricardo {
namespace {

nlohmann::json Summary(const SolverSummary& s) {
  return {{"termination", ToString(s.termination)},
          {"message", s.message},
          {"algorithm", ToString(s.algorithm)},
          {"iterations", s.outer_iterations},
          {"price_iterations", s.price_iterations},
          {"expenditure_iterations", s.expenditure_iterations},
          {"seconds", s.time_total_seconds},
          {"max_residual", s.check.Max()}};
}

nlohmann::json Published(const ComparedValue& v) {
  return v.published ? nlohmann::json(*v.published) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ReplicationToJson(const Cp2015Replication& rep) {
  nlohmann::json j;
  j["paper"] = "Caliendo and Parro (2015), Review of Economic Studies 82(1)";
  j["units"] = "percent";
  j["base_year"] = rep.options.keep_deficits ? "1993 with deficits" : "1993 without deficits";
  j["experiment"] =
      rep.options.experiment == cp2015::TariffExperiment::kNafta ? "nafta" : "world-2005";
  nlohmann::json published;
  for (const auto& c : rep.countries) {
    j["table2"][c.code] = {{"welfare", c.welfare.computed},
                           {"tot", c.tot.computed},
                           {"vot", c.vot.computed},
                           {"real_wage", c.real_wage.computed}};
    published["table2"][c.code] = {{"welfare", Published(c.welfare)},
                                   {"tot", Published(c.tot)},
                                   {"vot", Published(c.vot)},
                                   {"real_wage", Published(c.real_wage)}};
    j["table3"][c.code] = {{"tot_nafta", c.tot_nafta.computed},
                           {"tot_rest_of_world", c.tot_rest.computed},
                           {"vot_nafta", c.vot_nafta.computed},
                           {"vot_rest_of_world", c.vot_rest.computed}};
    published["table3"][c.code] = {{"tot_nafta", Published(c.tot_nafta)},
                                   {"tot_rest_of_world", Published(c.tot_rest)},
                                   {"vot_nafta", Published(c.vot_nafta)},
                                   {"vot_rest_of_world", Published(c.vot_rest)}};
    j["import_growth_from_partners"][c.code] = c.imports_from_partners.computed;
    published["import_growth_from_partners"][c.code] = Published(c.imports_from_partners);
    j["welfare_exact"][c.code] = c.welfare_exact.computed;
  }
  for (const auto& p : rep.table5) {
    const std::string key = p.importer + "<-" + p.exporter;
    j["table5"][key] = p.growth.computed;
    published["table5"][key] = Published(p.growth);
  }
  j["published"] = published;
  j["summary"] = Summary(rep.counterfactual);
  j["base_year_summary"] = {{"with_deficits", Summary(rep.base_year_with_deficits)},
                            {"without_deficits", Summary(rep.base_year_without_deficits)}};
  j["compared"] = rep.CountCompared();
  j["mismatches"] = rep.CountMismatches();
  j["seconds_total"] = rep.seconds_total;
  return j;
}

}  // namespace ricardo
