// The trade-diversion chart: change in each partner's share of one importer's imports.
#include <cctype>
#include <cmath>

#include "report/chart_limits.hpp"
#include "report/charts.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {

ChartSpec ImportShareChart(const RunResult& r, std::size_t importer) {
  using nlohmann::json;
  const Baseline& b = r.baseline;
  const std::string& code = b.regions[importer].code;
  const auto finite_or_null = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  json values = json::array();
  std::vector<std::string> order;  // the outcome's order: largest gain in share first
  const auto& partners = r.outcomes.imports_by_partner.at(importer).partners;
  std::vector<std::size_t> positions(partners.size());
  std::vector<double> moved;  // how much each partner's share moves, either way
  for (std::size_t k = 0; k < partners.size(); ++k) {
    positions[k] = k;
    moved.push_back(std::abs(partners[k].share_change()));
  }
  const auto shown = LargestInOrder(positions, moved, kChartPartnersMax);
  for (std::size_t k : shown) {
    const PartnerImports& p = partners[k];
    order.push_back(b.regions[p.exporter].code);
    const double change_pp = 100.0 * p.share_change();
    values.push_back({{"partner", order.back()},
                      {"share_change_pp", finite_or_null(change_pp)},
                      {"share_base_pct", finite_or_null(100.0 * p.share_base)},
                      {"share_new_pct", finite_or_null(100.0 * p.share_new)},
                      {"direction", change_pp < 0.0 ? "loses share" : "gains share"}});
  }
  const json y = {{"field", "partner"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  // The domain grows by 40 px a side so that the labels at the bars' ends stay inside.
  const json x = {{"field", "share_change_pp"},
                  {"type", "quantitative"},
                  {"scale", {{"padding", 40}}},
                  {"title", "change in share of " + code + "'s imports, percentage points"}};
  const json bars = {
      {"mark", {{"type", "bar"}, {"tooltip", {{"content", "data"}}}}},
      {"encoding",
       {{"y", y},
        {"x", x},
        {"color",
         {{"field", "direction"},
          {"type", "nominal"},
          {"title", nullptr},
          {"scale",
           {{"domain", {"gains share", "loses share"}}, {"range", {"#2b6cb0", "#c0392b"}}}}}}}}};
  // Each bar's value at its outer end: right of gains, left of losses.
  const auto labels = [&](const char* test, const char* align, int dx) {
    return json{
        {"transform", json::array({{{"filter", test}}})},
        {"mark", {{"type", "text"}, {"align", align}, {"dx", dx}, {"fontSize", 10}}},
        {"encoding",
         {{"y", y},
          {"x", x},
          {"text", {{"field", "share_change_pp"}, {"type", "quantitative"}, {"format", "+.2f"}}}}}};
  };
  const json zero = {{"mark", {{"type", "rule"}, {"color", "#555"}}},
                     {"encoding", {{"x", {{"datum", 0}}}}}};
  json spec = VegaLiteBase("Who gains and who loses share of " + code + "'s imports");
  spec["data"] = {{"values", values}};
  spec["width"] = 420;
  spec["height"] = {{"step", 22}};
  spec["layer"] = json::array({bars, labels("datum.share_change_pp >= 0", "left", 4),
                               labels("datum.share_change_pp < 0", "right", -4), zero});
  // Chart names are file stems of lower-case letters, digits, '_' and '-' (render-charts.mjs).
  std::string stem = "import_share_change_";
  for (char c : code) stem += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return {stem, "Imports of " + code + " by partner",
          "Change in each partner's share of " + code +
              "'s imports from abroad (all sectors, net of tariffs), percentage points; "
              "largest gain first.",
          spec,
          LimitNote(shown.size(), partners.size(), "partners", "the size of their share change",
                    "imports_by_partner.csv")};
}

}  // namespace ricardo::detail
