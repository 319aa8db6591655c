// Compiling a scenario on a date into the tariff form and its shock.
//
// Pairs with product-level import weights are compiled product by product ("products" mode):
// every HTS line imported gets the stacking weights of its measures, and a sector's term for a
// measure is the import-weighted mean of its lines' weights. Other pairs are compiled sector by
// sector ("sector" mode) from the coverage of each measure in the sector (compile_sectors.cpp).
// The form is then evaluated at the scenario's rates; the shock and the trace's numbers come
// from that one evaluation.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariffs/compiler.hpp"
#include "tariffs/measure_summary.hpp"

namespace ricardo {
namespace detail {

Compiler::Compiler(const Scenario& scenario, const Baseline& baseline, const ProductData& products,
                   const CompileContext& context, const CompileOptions& options, Date date,
                   std::optional<double> share_override, MonthChoice months)
    : s_(scenario),
      b_(baseline),
      p_(products),
      ctx_(context),
      options_(options),
      date_(date),
      share_override_(share_override),
      months_(std::move(months)),
      rules_(context.rules, scenario.measures.size(), date),
      form_(baseline, scenario.measures.size()) {}

std::optional<double> Compiler::FixedRate(std::size_t k, std::size_t importer,
                                          std::size_t sector) const {
  if (!ctx_.rate_region[k]) return std::nullopt;
  return b_.tariff_rates(importer, *ctx_.rate_region[k], sector);
}

double Compiler::RateFor(std::size_t k, std::size_t importer, int sector) const {
  if (!ctx_.rate_region[k]) return s_.measures[k].rate;
  if (sector < 0) return 0.0;
  return *FixedRate(k, importer, static_cast<std::size_t>(sector));
}

double Compiler::Threshold(std::size_t k, std::size_t code) const {
  return s_.measures[k].rate_form == RateForm::kAllInFloor ? p_.MfnRate(code) : 0.0;
}

ActiveMeasure Compiler::Active(std::size_t k, std::size_t code, std::size_t importer, int sector) {
  const Measure& m = s_.measures[k];
  bool known = true;
  const double content = p_.Content(code, m.content, &known);
  if (!known) content_fallback_[k] = 1;
  const double rate = std::max(0.0, RateFor(k, importer, sector) - Threshold(k, code));
  return ActiveMeasure{k, rate, content, m.usmca, m.us_content_share};
}

SectorTrace Compiler::MakeSectorTrace(std::size_t n, std::size_t i, std::size_t j,
                                      std::string method) const {
  SectorTrace t;
  t.importer = b_.regions[n].code;
  t.exporter = b_.regions[i].code;
  t.sector = b_.sectors[j].code;
  t.baseline_rate = b_.tariff_rates(n, i, j);
  t.method = std::move(method);
  return t;
}

void Compiler::AddSectorTrace(SectorTrace trace, std::size_t n, std::size_t i, std::size_t j) {
  out_->trace.sectors.push_back(std::move(trace));
  sector_cells_.push_back(form_.Cell(n, i, j));
}

std::string Compiler::MonthsText() const {
  if (months_.months.empty()) return "no months";
  const auto& names = p_.months();
  return months_.months.size() == 1
             ? names[months_.months.front()]
             : fmt::format("{} to {}", names[months_.months.front()], names[months_.months.back()]);
}

const std::vector<WeightedProduct>& Compiler::Proxy() {
  if (!proxy_ready_) {
    const auto canada = PooledImports(p_, ProductData::kCanada, months_.months);
    const auto mexico = PooledImports(p_, ProductData::kMexico, months_.months);
    proxy_ = *canada;
    proxy_.insert(proxy_.end(), mexico->begin(), mexico->end());
    proxy_ready_ = true;
  }
  return proxy_;
}

std::vector<OriginPortion> Compiler::Portions(std::size_t exporter,
                                              const std::vector<std::size_t>& active) const {
  std::vector<std::size_t> whole;
  std::map<std::string, std::vector<std::size_t>> by_country;  // country → measures naming it
  for (std::size_t k : active) {
    const OriginPart* part = ctx_.PartOf(k, exporter);
    if (part->countries.empty()) {
      whole.push_back(k);
    } else {
      for (const std::string& c : part->countries) by_country[c].push_back(k);
    }
  }
  if (by_country.empty()) return {OriginPortion{1.0, active, "", {}}};
  std::map<std::vector<std::size_t>, std::vector<std::string>>
      countries_of;  // measures → countries
  for (const auto& [country, measures] : by_country) countries_of[measures].push_back(country);
  double region_usd = 0.0;
  std::map<std::string, double> imports_usd;
  for (const ProductData::Country& c : p_.countries()) {
    if (ctx_.RegionOfCountry(c) != exporter) continue;
    region_usd += c.imports_2024_usd;
    if (by_country.count(c.iso3)) imports_usd[c.iso3] = c.imports_2024_usd;
  }
  const std::string& region = b_.regions[exporter].code;
  std::vector<OriginPortion> portions;
  double named = 0.0;
  for (const auto& [measures, countries] : countries_of) {
    OriginPortion p;
    double usd = 0.0;
    for (const std::string& c : countries) usd += imports_usd[c];
    p.share = region_usd > 0.0 ? usd / region_usd : 0.0;
    std::set_union(whole.begin(), whole.end(), measures.begin(), measures.end(),
                   std::back_inserter(p.measures));
    p.label =
        fmt::format("{} ({:.1f}% of {})", fmt::join(countries, ", "), 100.0 * p.share, region);
    p.countries = countries;
    named += p.share;
    portions.push_back(std::move(p));
  }
  const double rest = std::max(0.0, 1.0 - named);
  if (rest > 0.0)
    portions.push_back(
        {rest, whole, fmt::format("rest of {} ({:.1f}%)", region, 100.0 * rest), {}});
  return portions;
}

void Compiler::Run(CompiledScenario* out) {
  out_ = out;
  const std::size_t N = b_.region_count();
  out->shock = Shock::None(b_);
  out->trace.date = date_;
  members_.resize(s_.measures.size());
  in_.resize(s_.measures.size(), nullptr);
  reaches_.resize(s_.measures.size());
  content_fallback_.assign(s_.measures.size(), 0);
  for (std::size_t k = 0; k < s_.measures.size(); ++k) {
    const Measure& m = s_.measures[k];
    if (!m.enabled) {
      out->trace.measures_not_in_force.push_back(fmt::format("{} (switched off)", m.id));
    } else if (m.from && date_ < *m.from) {
      out->trace.measures_not_in_force.push_back(
          fmt::format("{} (from {})", m.id, m.from->ToString()));
    } else if (m.to && *m.to < date_) {
      out->trace.measures_not_in_force.push_back(
          fmt::format("{} (until {})", m.id, m.to->ToString()));
    } else {
      in_force_.push_back(k);
      out->trace.measures_in_force.push_back(m.id);
      members_[k] = ctx_.Members(k, date_);
      in_[k] = members_[k]->in.data();
      // Some product is in scope on some day (BuildCompileContext), but maybe not yet on this
      // one: list entries count from their dates.
      const std::vector<std::uint64_t>& words = members_[k]->words;
      if (m.scope.sectors.empty() &&
          std::none_of(words.begin(), words.end(), [](std::uint64_t w) { return w != 0; })) {
        Warn(
            out,
            fmt::format(
                "measure '{}' is in force on {}, but no product of its scope is listed on that day "
                "(its lists' entries count from later dates); it charges nothing",
                m.id, date_.ToString()));
      }
    }
  }
  for (const std::string& note : months_.notes) out->trace.notes.push_back(note);
  // A sector without ISIC divisions cannot be told to be goods or services (BuildCompileContext
  // refuses services sectors in a scope where it can).
  for (std::size_t k : in_force_) {
    for (std::size_t j : ctx_.scope_sectors[k]) {
      if (!b_.sectors[j].isic_rev3.empty()) continue;
      out->trace.notes.push_back(
          fmt::format("{}: sector '{}' of baseline '{}' carries no ISIC divisions, so "
                      "whether it is goods or services cannot be told; it is charged "
                      "as scoped (tariff measures apply to goods)",
                      s_.measures[k].id, b_.sectors[j].code, b_.manifest.name));
    }
  }
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      std::vector<std::size_t> active;
      for (std::size_t k : in_force_) {
        if (ctx_.importer[k] == n &&
            std::find(ctx_.origins[k].begin(), ctx_.origins[k].end(), i) != ctx_.origins[k].end()) {
          active.push_back(k);
        }
      }
      if (active.empty()) continue;
      PairTrace pair;
      pair.importer = b_.regions[n].code;
      pair.exporter = b_.regions[i].code;
      for (std::size_t k : active) pair.measures.push_back(s_.measures[k].id);
      const std::vector<OriginPortion> portions = Portions(i, active);
      for (const OriginPortion& portion : portions) {
        if (!portion.label.empty()) pair.portions.push_back(portion.label);
      }
      const PairWeights weights = WeightsFor(p_, b_, n, i, months_.months);
      if (weights.lines) {
        pair.method = "products";
        pair.weights =
            weights.description.empty()
                ? fmt::format(
                      "US imports for consumption by HTS10 from {}, {} (US$, USITC DataWeb)",
                      b_.regions[i].code, MonthsText())
                : weights.description;
        CompileProducts(n, i, *weights.lines, portions, &pair);
      } else {
        pair.method = "sector";
        pair.weights = fmt::format(
            "no product-level import weights for {} <- {}: sector mode on the "
            "baseline's flows",
            b_.regions[n].code, b_.regions[i].code);
        CompileSectors(n, i, portions);
      }
      out->trace.pairs.push_back(std::move(pair));
      pair_regions_.emplace_back(n, i);
    }
  }
  std::set<std::string> content_fallbacks;  // ids, in the order the notes are written
  for (std::size_t k = 0; k < s_.measures.size(); ++k) {
    if (content_fallback_[k]) content_fallbacks.insert(s_.measures[k].id);
  }
  for (const std::string& id : content_fallbacks) {
    out->trace.notes.push_back(
        fmt::format("{}: some products have no metal-content data; a content "
                    "share of 0.5 was used for them (the Yale tracker's flat share)",
                    id));
  }
  CompileTradeCosts();
  out->tariffs = std::move(form_).Build();
  out->rates = MeasureRates(s_);
  out->tariffs.EvaluateInto(out->rates, out->shock.tariff_rates);
  FillTraceNumbers();
  out->metadata.scenario_name = s_.name;
  out->metadata.scenario_title = s_.title;
  out->metadata.scenario_description = s_.description;
  out->metadata.scenario_date = date_.ToString();
  out->metadata.sources = s_.sources;
  out->metadata.notes = out->trace.notes;
}

// The sector and pair rates of the trace, read off the evaluated shock.
void Compiler::FillTraceNumbers() {
  const Array3& t = out_->shock.tariff_rates;
  for (std::size_t k = 0; k < out_->trace.sectors.size(); ++k) {
    SectorTrace& s = out_->trace.sectors[k];
    s.counterfactual_rate = t.data()[sector_cells_[k]];
    s.added_rate = s.counterfactual_rate - s.baseline_rate;
  }
  for (std::size_t k = 0; k < out_->trace.pairs.size(); ++k) {
    PairTrace& pair = out_->trace.pairs[k];
    const auto [n, i] = pair_regions_[k];
    double flows = 0.0, weighted = 0.0;
    for (std::size_t j = 0; j < b_.sector_count(); ++j) {
      const double added = t(n, i, j) - b_.tariff_rates(n, i, j);
      if (ctx_.sectors.goods[j] || added != 0.0) {
        flows += b_.trade_flows(n, i, j);
        weighted += b_.trade_flows(n, i, j) * added;
      }
    }
    pair.baseline_weighted_rate = flows > 0.0 ? weighted / flows : 0.0;
    // Sector mode has no product weights: its all-goods rate is the level on the date, the
    // change plus what the reference date charged (AttachReference has set it by then).
    if (pair.method == "sector") {
      pair.all_goods_rate = out_->trace.reference_date
                                ? pair.baseline_weighted_rate + pair.reference_all_goods_rate
                                : pair.baseline_weighted_rate;
    }
  }
}

void Compiler::CompileTradeCosts() {
  for (const TradeCostShock& t : s_.trade_costs) {
    if ((t.from && date_ < *t.from) || (t.to && *t.to < date_)) continue;
    const auto importers = ctx_.ResolveRegions(t.importers, std::nullopt, t.source, "importers");
    const auto exporters = ctx_.ResolveRegions(t.exporters, std::nullopt, t.source, "exporters");
    std::vector<std::size_t> sectors;
    if (t.all_sectors) {
      for (std::size_t j = 0; j < b_.sector_count(); ++j) sectors.push_back(j);
    } else if (!t.sectors.empty()) {
      for (const std::string& code : t.sectors) sectors.push_back(*b_.FindSector(code));
    } else {
      for (std::size_t j = 0; j < b_.sector_count(); ++j) {
        if (ctx_.sectors.goods[j]) sectors.push_back(j);
      }
      if (sectors.empty()) {
        for (std::size_t j = 0; j < b_.sector_count(); ++j) {
          if (b_.sectors[j].tradable) sectors.push_back(j);
        }
        out_->trace.notes.push_back(
            fmt::format("{}: the baseline's sectors carry no ISIC divisions; "
                        "all tradable sectors were shocked",
                        t.id));
      }
    }
    int pairs = 0;
    for (std::size_t n : importers) {
      for (std::size_t i : exporters) {
        if (n == i) continue;
        ++pairs;
        for (std::size_t j : sectors) out_->shock.trade_cost_ratio(n, i, j) *= t.d_hat;
      }
    }
    out_->trace.notes.push_back(
        fmt::format("trade costs {}: d̂ = {} on {} importer-exporter pairs × {} sectors", t.id,
                    t.d_hat, pairs, sectors.size()));
    if (pairs == 0 || sectors.empty()) {
      Warn(out_,
           fmt::format("trade-cost shock '{}' covers no {}; it changes nothing", t.id,
                       pairs == 0
                           ? "importer-exporter pair (every importer is also its only exporter)"
                           : "sector"));
    }
  }
}

void Warn(CompiledScenario* out, std::string text) {
  out->trace.notes.push_back(text);
  out->trace.warnings.push_back(std::move(text));
}

}  // namespace detail

namespace {

// True if the shock changes nothing: every tariff as in the baseline, every d̂ 1.
bool ShockIsZero(const Baseline& b, const Shock& shock) {
  const Array3& t = shock.tariff_rates;
  const Array3& d = shock.trade_cost_ratio;
  for (std::size_t x = 0; x < t.size(); ++x) {
    if (t.data()[x] != b.tariff_rates.data()[x]) return false;
  }
  for (std::size_t x = 0; x < d.size(); ++x) {
    if (d.data()[x] != 1.0) return false;
  }
  return true;
}

// The warning of a run where nothing applies (docs/scenarios.md, Errors): no measure in force
// on the date, or a shock that comes to zero. It keeps the exit code 0: a date before or after
// every measure is a legitimate question, only one easy to ask by mistake. From the compiled
// object alone, so that a rate edit (CompiledScenario::SetRates) says the same as a compile.
std::optional<std::string> NothingAppliesWarning(const CompiledScenario& c) {
  const std::string& file = c.warning_source;
  const std::string& date = c.metadata.scenario_date;
  const bool has_measures = !c.rates.empty();
  const bool none_in_force = has_measures && c.trace.measures_in_force.empty() &&
                             c.trace.measures_in_force_on_reference.empty();
  const bool zero = ShockIsZero(c.baseline, c.shock);
  if (none_in_force) {
    return fmt::format("no measure of '{}' is in force on {}{}", file, date,
                       zero ? "; the shock is zero" : "; only its trade-cost shocks apply");
  }
  if (zero && has_measures) {
    return fmt::format(
        "the measures of '{}' in force on {} charge nothing on the baseline's trade{}; the shock "
        "is zero",
        file, date,
        c.trace.reference_date ? " beyond what they charged on the reference date" : "");
  }
  if (zero) {
    return fmt::format("'{}' changes no tariff and no trade cost on {}; the shock is zero", file,
                       date);
  }
  return std::nullopt;
}

// Removes the last occurrence of `text` from `lines` (the warning a compile appended last).
void EraseLast(std::vector<std::string>* lines, const std::string& text) {
  for (auto it = lines->rbegin(); it != lines->rend(); ++it) {
    if (*it == text) {
      lines->erase(std::next(it).base());
      return;
    }
  }
}

std::optional<double> ChooseShareOverride(const Scenario& s, const CompileOptions& o) {
  const std::optional<double> share =
      o.usmca_share_override ? o.usmca_share_override : s.usmca.share_override;
  if (share && (!std::isfinite(*share) || *share < 0.0 || *share > 1.0)) {
    throw ArgumentError(fmt::format("USMCA share override {} is out of range", *share),
                        "a share is a fraction from 0 to 1");
  }
  return share;
}

}  // namespace

void CheckScenario(const Scenario& scenario, const Baseline& baseline,
                   const CompileOptions& options) {
  const auto products = options.products ? options.products : ShippedProductData();
  detail::BuildCompileContext(scenario, baseline, *products, options.max_time_in_seconds);
}

std::vector<double> MeasureRates(const Scenario& scenario) {
  std::vector<double> rates;
  rates.reserve(scenario.measures.size());
  for (const Measure& m : scenario.measures) rates.push_back(m.rate);
  return rates;
}

CompiledScenario CompileScenario(const Scenario& s, const Baseline& b, const CompileOptions& o) {
  const std::optional<Date> date = o.date ? o.date : s.date;
  if (!date) {
    throw ScenarioError(Location{s.file.empty() ? s.name : s.file, 0, 0, ""},
                        "the scenario has no date to compile for",
                        "add date = 2025-11-01 to the file, or give a date (--date)");
  }
  if (!date->IsValid())
    throw ArgumentError(fmt::format("invalid compile date {}", date->ToString()));
  const auto products = o.products ? o.products : ShippedProductData();
  const detail::CompileContext ctx =
      detail::BuildCompileContext(s, b, *products, o.max_time_in_seconds);
  const UsmcaShareMethod method = o.usmca_method.value_or(s.usmca.method);
  const std::optional<double> share = ChooseShareOverride(s, o);
  detail::MonthChoice months = detail::ChooseMonths(*products, *date, method);
  CompiledScenario out;
  out.baseline = b;
  out.trace.usmca_method = ToString(method);
  for (std::size_t m : months.months) out.trace.months.push_back(products->months()[m]);
  if (share) {
    out.trace.notes.push_back(fmt::format(
        "USMCA-qualifying share set to {:.1f}% for every product (override)", 100.0 * *share));
  }
  const detail::MonthChoice reference_months = months;
  detail::Compiler compiler(s, b, *products, ctx, o, *date, share, std::move(months));
  compiler.Run(&out);
  if (s.reference_date) {
    // The same weights, shares and rules on the reference date; what its measures charged is
    // already in the baseline's flows, so the shock is the change since then.
    CompileOptions reference_options = o;
    reference_options.product_trace = false;
    CompiledScenario reference;
    reference.baseline = b;
    detail::Compiler reference_compiler(s, b, *products, ctx, reference_options, *s.reference_date,
                                        share, reference_months);
    reference_compiler.Run(&reference);
    out.tariffs = ChangeSince(out.tariffs, reference.tariffs, b.tariff_rates);
    out.tariffs.EvaluateInto(out.rates, out.shock.tariff_rates);
    detail::AttachReference(reference.trace, &out.trace);
    compiler.FillTraceNumbers();
  }
  for (const ElasticityOverride& e : s.elasticities) {
    const std::size_t j = *b.FindSector(e.sector);
    out.trace.notes.push_back(fmt::format("elasticity of {}: θ {} → {}", e.sector,
                                          out.baseline.sectors[j].theta, e.theta));
    out.baseline.sectors[j].theta = e.theta;
  }
  out.warning_source = s.file.empty() ? s.name : s.file;
  out.nothing_applies_warning = NothingAppliesWarning(out);
  if (out.nothing_applies_warning) detail::Warn(&out, *out.nothing_applies_warning);
  out.metadata.notes = out.trace.notes;
  out.metadata.warnings = out.trace.warnings;
  out.metadata.measures = detail::SummariseMeasures(s, *date);
  // The program and the months belong to the compile; the caller adds what it knows of the
  // inputs and the command (ricardo/run_stamp.hpp).
  out.metadata.stamp.program = ThisProgram();
  out.metadata.stamp.data_months = out.trace.months;
  ValidateShock(out.baseline, out.shock);
  return out;
}

void CompiledScenario::SetRates(std::vector<double> new_rates) {
  tariffs.EvaluateInto(new_rates, shock.tariff_rates);
  ValidateShock(baseline, shock);
  rates = std::move(new_rates);
  trace.sectors.clear();
  trace.products.clear();
  // The measures as shown say the rates the shock now has (the same order: scenario order).
  detail::SetSummaryRates(rates, &metadata.measures);
  // Whether anything applies can change with the rates (all of them zero: the shock is zero).
  std::optional<std::string> warning = NothingAppliesWarning(*this);
  if (warning == nothing_applies_warning) return;
  for (std::vector<std::string>* lines :
       {&trace.notes, &trace.warnings, &metadata.notes, &metadata.warnings}) {
    if (nothing_applies_warning) EraseLast(lines, *nothing_applies_warning);
    if (warning) lines->push_back(*warning);
  }
  nothing_applies_warning = std::move(warning);
}

RunResult RunCompiled(const CompiledScenario& compiled, const SolverOptions& options) {
  return RunCounterfactual(compiled.baseline, compiled.shock, options, compiled.metadata);
}

RunResult RunCompiled(const CompiledScenario& compiled, const RunOptions& options) {
  return RunCounterfactual(compiled.baseline, compiled.shock, options, compiled.metadata);
}

}  // namespace ricardo
