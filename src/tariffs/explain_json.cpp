// The compile trace as JSON: `ricardo scenario explain --json`. Rates are fractions.
#include "ricardo/scenario.hpp"
#include "ricardo/tracker.hpp"
#include "tariffs/explain_summary.hpp"

namespace ricardo {

nlohmann::json ExplainJson(const CompiledScenario& c, const ExplainOptions& options) {
  const CompileTrace& t = c.trace;
  nlohmann::json out;
  out["schema"] = "ricardo.scenario-explain";
  out["version"] = 1;
  out["scenario"] = {{"name", c.metadata.scenario_name}, {"title", c.metadata.scenario_title}};
  out["date"] = t.date.ToString();
  out["usmca_method"] = t.usmca_method;
  out["months"] = t.months;
  out["measures_in_force"] = t.measures_in_force;
  out["measures_not_in_force"] = t.measures_not_in_force;
  out["notes"] = t.notes;
  if (t.reference_date) {
    out["reference_date"] = t.reference_date->ToString();
    out["measures_in_force_on_reference"] = t.measures_in_force_on_reference;
  }
  if (options.tracker && !options.tracker->rows.empty()) {
    const TrackerComparison& tc = *options.tracker;
    nlohmann::json rows = nlohmann::json::array();
    auto optional = [](const std::optional<double>& v) {
      return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    for (const TrackerRow& r : tc.rows) {
      rows.push_back({{"group", r.group},
                      {"members", r.members},
                      {"imports_2024_usd", r.imports_2024_usd},
                      {"model_rate", r.model_rate},
                      {"model_reference_rate", optional(r.model_reference_rate)},
                      {"tracker_before", optional(r.tracker_before)},
                      {"tracker_after", optional(r.tracker_after)}});
    }
    out["tracker_comparison"] = {
        {"importer", tc.importer},     {"source", tc.source}, {"date_before", tc.date_before},
        {"date_after", tc.date_after}, {"rows", rows},        {"notes", tc.notes}};
  }
  out["pairs"] = nlohmann::json::array();
  detail::TraceLineBudget budget(options.max_trace_lines);
  for (const PairTrace& pair : t.pairs) {
    if (!detail::PairSelected(pair, options)) continue;
    nlohmann::json p = {{"importer", pair.importer},
                        {"exporter", pair.exporter},
                        {"method", pair.method},
                        {"weights", pair.weights},
                        {"value_usd", pair.value_usd},
                        {"unmapped_value_usd", pair.unmapped_value_usd},
                        {"all_goods_rate", pair.all_goods_rate},
                        {"reference_all_goods_rate", pair.reference_all_goods_rate},
                        {"baseline_weighted_rate", pair.baseline_weighted_rate},
                        {"measures_in_force", pair.measures}};
    if (!pair.portion_rates.empty()) {
      p["portions"] = nlohmann::json::array();
      for (const PairTrace::PortionRate& portion : pair.portion_rates) {
        p["portions"].push_back({{"countries", portion.countries},
                                 {"share", portion.share},
                                 {"all_goods_rate", portion.all_goods_rate}});
      }
    }
    p["measures"] = nlohmann::json::array();
    for (const auto& m : detail::SummariseMeasures(c, pair, options)) {
      p["measures"].push_back({{"id", m.measure},
                               {"value_hit_usd", m.value_hit_usd},
                               {"contribution", m.contribution}});
    }
    p["sectors"] = nlohmann::json::array();
    for (const SectorTrace& s : t.sectors) {
      if (s.importer != pair.importer || s.exporter != pair.exporter ||
          !detail::SectorSelected(s.sector, options)) {
        continue;
      }
      p["sectors"].push_back({{"sector", s.sector},
                              {"baseline_rate", s.baseline_rate},
                              {"added_rate", s.added_rate},
                              {"reference_rate", s.reference_rate},
                              {"counterfactual_rate", s.counterfactual_rate},
                              {"value_usd", s.value_usd},
                              {"products", s.products},
                              {"products_hit", s.products_hit},
                              {"method", s.method},
                              {"notes", s.notes}});
    }
    p["products"] = nlohmann::json::array();
    long long pair_left_out = 0;
    for (const ProductTrace* product : detail::SelectProducts(c, pair, options)) {
      if (!budget.Take(*product)) {
        ++pair_left_out;
        continue;
      }
      nlohmann::json hits = nlohmann::json::array();
      for (const MeasureHit& h : product->hits) {
        hits.push_back({{"measure", h.measure},
                        {"rate", h.rate},
                        {"value_share", h.value_share},
                        {"contribution", h.contribution},
                        {"how", h.how}});
      }
      p["products"].push_back({{"hts10", product->hts10},
                               {"description", product->description},
                               {"sector", product->sector},
                               {"value_usd", product->value_usd},
                               {"usmca_share", product->usmca_share},
                               {"rate", product->rate},
                               {"hits", hits},
                               {"displaced", product->displaced}});
    }
    if (pair_left_out > 0) p["products_left_out"] = pair_left_out;
    out["pairs"].push_back(std::move(p));
  }
  // Always present, so a reader can tell a complete trace from a cut one.
  out["product_lines"] = {{"limit", budget.limit()},
                          {"shown", budget.shown_lines()},
                          {"left_out", budget.left_out_lines()},
                          {"products_left_out", budget.left_out_products()}};
  if (budget.left_out_lines() > 0) out["product_lines"]["note"] = budget.LeftOutNote();
  return out;
}

}  // namespace ricardo
