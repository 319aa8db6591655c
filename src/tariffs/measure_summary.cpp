// The measures of a scenario as the report's "Measures simulated" table and run.json's
// `scenario.measures` show them (RunMetadata::measures): the law as written, shortened.
#include "tariffs/measure_summary.hpp"

#include "fmt/format.h"

namespace ricardo::detail {
namespace {

// A long list is cut after this many items, "(+N more)" telling what was left out.
constexpr std::size_t kScopeItemsShown = 4;

std::string Shortened(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size() && k < kScopeItemsShown; ++k)
    out += (k > 0 ? ", " : "") + items[k];
  if (items.size() > kScopeItemsShown)
    out += fmt::format(" (+{} more)", items.size() - kScopeItemsShown);
  return out;
}

std::string ScopeText(const Measure& m) {
  const ProductScope& s = m.scope;
  std::vector<std::string> parts;
  if (s.all_goods) parts.push_back("all goods");
  if (!s.hs_prefixes.empty()) parts.push_back("HS " + Shortened(s.hs_prefixes));
  if (!s.lists.empty()) parts.push_back("lists " + Shortened(s.lists));
  if (!s.sectors.empty()) parts.push_back("sectors " + Shortened(s.sectors));
  std::vector<std::string> excluded = s.exclude_hs_prefixes;
  excluded.insert(excluded.end(), s.exclude_lists.begin(), s.exclude_lists.end());
  if (!excluded.empty()) parts.push_back("except " + Shortened(excluded));
  if (m.content != ContentBasis::kFullValue)
    parts.push_back(std::string("on the ") + ToString(m.content) + " content");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out.empty() ? "(no products)" : out;
}

constexpr const char* kFromBaseline = "baseline tariff on ";
constexpr const char* kAllInFloor = " all-in floor";

std::string RateText(double rate, bool all_in_floor) {
  return fmt::format("{:g}%", rate * 100.0) + (all_in_floor ? kAllInFloor : "");
}

std::string RateText(const Measure& m) {
  if (!m.rate_from_baseline.empty()) return kFromBaseline + m.rate_from_baseline;
  return RateText(m.rate, m.rate_form == RateForm::kAllInFloor);
}

}  // namespace

std::vector<MeasureSummary> SummariseMeasures(const Scenario& scenario, const Date& date) {
  std::vector<MeasureSummary> out;
  out.reserve(scenario.measures.size());
  for (const Measure& m : scenario.measures) {
    MeasureSummary s;
    s.id = m.id;
    s.title = m.title;
    s.authority = ToString(m.authority);
    s.legal_basis = m.legal_basis;
    s.importer = m.importer;
    s.origins = m.origins;
    s.rate = RateText(m);
    s.scope = ScopeText(m);
    s.from = m.from ? m.from->ToString() : "";
    s.to = m.to ? m.to->ToString() : "";
    s.in_force = m.enabled && m.InForce(date);
    s.sources = m.sources;
    out.push_back(std::move(s));
  }
  return out;
}

void SetSummaryRates(const std::vector<double>& rates, std::vector<MeasureSummary>* measures) {
  for (std::size_t k = 0; k < measures->size() && k < rates.size(); ++k) {
    MeasureSummary& m = (*measures)[k];
    if (m.rate.starts_with(kFromBaseline)) continue;
    m.rate = RateText(rates[k], m.rate.ends_with(kAllInFloor));
  }
}

}  // namespace ricardo::detail
