// The compile trace for people: `ricardo scenario explain`.
#include <algorithm>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "ricardo/tracker.hpp"
#include "tariffs/explain_summary.hpp"

namespace ricardo {
namespace {

std::string Pct(double fraction, int decimals = 2) {
  return fmt::format("{:.{}f}%", 100.0 * fraction, decimals);
}

std::string Billions(double usd) {
  return fmt::format("US${:.2f}B", usd / 1e9);
}

std::string Clip(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "…";
}

}  // namespace

std::string ExplainText(const CompiledScenario& c, const ExplainOptions& options) {
  const CompileTrace& t = c.trace;
  std::string out;
  auto line = [&](const std::string& s) {
    out += s;
    out += '\n';
  };
  line(fmt::format("Scenario {}{}", c.metadata.scenario_name,
                   c.metadata.scenario_title.empty() ? "" : " — " + c.metadata.scenario_title));
  line(fmt::format("Compiled for {}; USMCA shares and product weights: {} ({})", t.date.ToString(),
                   t.usmca_method, fmt::join(t.months, ", ")));
  line(fmt::format("Measures in force ({}): {}", t.measures_in_force.size(),
                   fmt::join(t.measures_in_force, ", ")));
  if (!t.measures_not_in_force.empty()) {
    line(fmt::format("Not in force ({}): {}", t.measures_not_in_force.size(),
                     fmt::join(t.measures_not_in_force, ", ")));
  }
  for (const std::string& note : t.notes) line("Note: " + note);
  if (t.reference_date) {
    line(fmt::format("Measures in force on the reference date {} ({}): {}",
                     t.reference_date->ToString(), t.measures_in_force_on_reference.size(),
                     fmt::join(t.measures_in_force_on_reference, ", ")));
  }
  if (options.tracker && !options.tracker->rows.empty()) {
    line("");
    out += TrackerComparisonText(*options.tracker);
  }
  if (options.origin && std::none_of(t.pairs.begin(), t.pairs.end(), [&](const PairTrace& p) {
        return p.exporter == *options.origin;
      })) {
    line(fmt::format("\nNo measure in force on imports from {}.", *options.origin));
  }
  detail::TraceLineBudget budget(options.max_trace_lines);
  for (const PairTrace& pair : t.pairs) {
    if (!detail::PairSelected(pair, options)) continue;
    line("");
    line(fmt::format("{} <- {} ({} mode): {}", pair.importer, pair.exporter, pair.method,
                     pair.weights));
    if (pair.method == "products") {
      line(fmt::format("  All goods, trade-weighted additional tariff: {} of {} imports{}",
                       Pct(pair.all_goods_rate), Billions(pair.value_usd),
                       t.reference_date ? fmt::format(" ({} on the reference date)",
                                                      Pct(pair.reference_all_goods_rate))
                                        : ""));
      for (const PairTrace::PortionRate& portion : pair.portion_rates) {
        line(fmt::format("    {}: {} ({:.1f}% of the region's 2024 US imports)",
                         portion.countries.empty()
                             ? "rest of " + pair.exporter
                             : fmt::format("{}", fmt::join(portion.countries, ", ")),
                         Pct(portion.all_goods_rate), 100.0 * portion.share));
      }
      if (pair.unmapped_value_usd > 0.0) {
        line(fmt::format(
            "  ({} of them, HTS chapter 98, map to no sector; they count in the all-goods rate)",
            Billions(pair.unmapped_value_usd)));
      }
    }
    line(fmt::format("  Weighted by the baseline's sector flows: {}{}",
                     Pct(pair.baseline_weighted_rate),
                     t.reference_date ? " (the change since the reference date: the shock)" : ""));
    // The one effective tariff of the run's outputs is this number (GoodsDuties); say so, so
    // that the two rates above are not taken for two versions of it.
    line(fmt::format(
        "    (`ricardo run` shows it as \"Added tariff on goods, %: {}\"{})",
        c.baseline.manifest.year > 0 ? fmt::format("at {} weights", c.baseline.manifest.year)
                                     : std::string("at base-year weights"),
        pair.method == "products" ? "; the all-goods rate weights products, as trackers do" : ""));

    const auto measures = detail::SummariseMeasures(c, pair, options);
    if (!measures.empty()) {
      line("");
      line(fmt::format("  {:<34} {:>14} {:>14}", "measure", "value hit", "contribution"));
      for (const auto& m : measures) {
        line(fmt::format("  {:<34} {:>14} {:>11.2f} pp", Clip(m.measure, 34),
                         Billions(m.value_hit_usd), 100.0 * m.contribution));
      }
    }
    line("");
    line(fmt::format("  {:<22} {:>12} {:>8} {:>6} {:>9} {:>9} {:>9}  {}", "sector", "value US$M",
                     "products", "hit", "baseline", "added", "t'", "method"));
    for (const SectorTrace& s : t.sectors) {
      if (s.importer != pair.importer || s.exporter != pair.exporter ||
          !detail::SectorSelected(s.sector, options)) {
        continue;
      }
      line(fmt::format("  {:<22} {:>12.1f} {:>8} {:>6} {:>9} {:>9} {:>9}  {}", Clip(s.sector, 22),
                       s.value_usd / 1e6, s.products, s.products_hit, Pct(s.baseline_rate),
                       Pct(s.added_rate), Pct(s.counterfactual_rate), s.method));
      for (const std::string& note : s.notes) line("      " + note);
    }
    const auto products = detail::SelectProducts(c, pair, options);
    if (!products.empty()) {
      const std::size_t limit = options.max_products < 0
                                    ? products.size()
                                    : std::min<std::size_t>(products.size(), options.max_products);
      line("");
      line(fmt::format("  Products ({} of {} with a measure in scope, largest value × rate first):",
                       limit, products.size()));
      line(fmt::format("  {:<10} {:<20} {:>10} {:>6} {:>8}  {}", "hts10", "sector", "US$M", "USMCA",
                       "rate", "measures"));
      for (std::size_t k = 0; k < limit; ++k) {
        const ProductTrace& p = *products[k];
        if (!budget.Take(p)) continue;
        line(fmt::format("  {:<10} {:<20} {:>10.1f} {:>6} {:>8}  {}", p.hts10,
                         Clip(p.sector.empty() ? "-" : p.sector, 20), p.value_usd / 1e6,
                         Pct(p.usmca_share, 0), Pct(p.rate), Clip(p.description, 60)));
        for (const MeasureHit& h : p.hits) {
          line(fmt::format("  {:>52}  {} {} on {} = {}", "", h.measure, Pct(h.rate, 1), h.how,
                           Pct(h.contribution)));
        }
        for (const std::string& d : p.displaced)
          line(fmt::format("  {:>52}  not charged: {}", "", d));
      }
    }
  }
  if (budget.left_out_lines() > 0) line(fmt::format("\n({})", budget.LeftOutNote()));
  return out;
}

}  // namespace ricardo
