// The run-result JSON document, schema version 1 (docs/run-result-schema.md), written straight to
// text: the one writer of the document. RunResultToJson (run_json.cpp) parses this text when a
// caller wants the tree. Writing text directly matters for `ricardo serve`: under all-new-solve
// load, building a ~10,000-node nlohmann tree per answer cost as much as the solve itself.
// The text is what nlohmann's dump() writes for the same document (keys sorted, its number
// formatting), so parse → dump gives the same bytes (tests/report/run_json_text_test.cpp).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include "fmt/format.h"
#include "nlohmann/json.hpp"
#include "report/run_views.hpp"
#include "ricardo/run.hpp"
#include "ricardo/solver.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

// Appends JSON values as nlohmann's dump() writes them: numbers by its own shortest
// round-trip formatting, non-finite numbers as null, strings escaped by nlohmann when they hold
// anything but plain printable ASCII.
class Out {
 public:
  explicit Out(std::string& text) : text_(text) {}

  void Str(std::string_view s) {
    const bool plain = std::all_of(
        s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
    if (plain) {
      text_ += '"';
      text_ += s;
      text_ += '"';
    } else {
      text_ += nlohmann::json(std::string(s)).dump();
    }
  }
  void Num(double x) {
    if (!std::isfinite(x)) return Null();
    char buffer[64];
    const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
    text_.append(buffer, static_cast<std::size_t>(end - buffer));
  }
  void Int(long long x) { fmt::format_to(std::back_inserter(text_), "{}", x); }
  void Bool(bool b) { text_ += b ? "true" : "false"; }
  void Null() { text_ += "null"; }
  void Strings(const std::vector<std::string>& list) {
    text_ += '[';
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (k > 0) text_ += ',';
      Str(list[k]);
    }
    text_ += ']';
  }
  void Raw(char c) { text_ += c; }
  void Json(const nlohmann::json& value) { text_ += value.dump(); }

 private:
  std::string& text_;
};

// An object or array being written: Key()/Next() put the comma; the destructor closes it.
// Keys must be given in nlohmann's order (std::map: byte-wise sorted) and need no escaping.
class Scope {
 public:
  Scope(Out& out, char open, char close) : out_(out), close_(close) { out_.Raw(open); }
  ~Scope() { out_.Raw(close_); }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  Out& Key(std::string_view key) {
    Next();
    out_.Str(key);
    out_.Raw(':');
    return out_;
  }
  Out& Next() {
    if (!first_) out_.Raw(',');
    first_ = false;
    return out_;
  }

 private:
  Out& out_;
  char close_;
  bool first_ = true;
};

struct Object : Scope {
  explicit Object(Out& out) : Scope(out, '{', '}') {}
};
struct Array : Scope {
  explicit Array(Out& out) : Scope(out, '[', ']') {}
};

void PercentChange(Out& out, double base, double now) {
  if (base == 0.0) return out.Null();
  out.Num(100.0 * (now / base - 1.0));
}

void BaselineJson(Out& out, const Baseline& b) {
  Object o(out);
  o.Key("currency").Str(b.manifest.currency);
  o.Key("money_unit").Num(b.manifest.money_unit);
  o.Key("money_unit_label").Str(b.manifest.MoneyUnitLabel());
  o.Key("name").Str(b.manifest.name);
  {
    o.Key("regions");
    Array rows(out);
    for (const Region& r : b.regions) {
      Object row(rows.Next());
      row.Key("code").Str(r.code);
      row.Key("name").Str(r.name);
    }
  }
  {
    o.Key("sectors");
    Array rows(out);
    for (const Sector& s : b.sectors) {
      Object row(rows.Next());
      row.Key("code").Str(s.code);
      row.Key("name").Str(s.name);
      row.Key("theta").Num(s.theta);
      row.Key("tradable").Bool(s.tradable);
    }
  }
  o.Key("title").Str(b.manifest.title);
  o.Key("year").Int(b.manifest.year);
}

// {"p05": …, "p50": …, "p95": …} (docs/run-result-schema.md, "bands").
void BandJson(Out& out, const Band& band) {
  Object o(out);
  o.Key("p05").Num(band.p05);
  o.Key("p50").Num(band.p50);
  o.Key("p95").Num(band.p95);
}

void BilateralJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  const Outcomes& o = result.outcomes;
  const std::size_t N = b.region_count();
  Array rows(out);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      const double base = o.BilateralImportsBase(n, i), now = o.BilateralImportsNew(n, i);
      Object row(rows.Next());
      if (result.uncertainty) {
        row.Key("bands");
        Object bands(out);
        bands.Key("trade_pct");
        BandJson(out, result.uncertainty->bilateral_bands[n * N + i]);
      }
      row.Key("change_pct");
      PercentChange(out, base, now);
      row.Key("exporter").Str(b.regions[i].code);
      row.Key("importer").Str(b.regions[n].code);
      row.Key("imports_base").Num(base);
      row.Key("imports_new").Num(now);
      row.Key("tot_contribution_pct").Num(100.0 * o.bilateral_tot(n, i));
      row.Key("vot_contribution_pct").Num(100.0 * o.bilateral_vot(n, i));
    }
}

void BilateralSectorJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  const Outcomes& o = result.outcomes;
  const std::size_t N = b.region_count(), J = b.sector_count();
  Array rows(out);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      for (std::size_t s = 0; s < J; ++s) {
        const double base = o.flows_base(n, i, s), now = o.flows_new(n, i, s);
        const double t0 = b.tariff_rates(n, i, s), t1 = result.shock.tariff_rates(n, i, s);
        const double d = result.shock.trade_cost_ratio(n, i, s);
        if (base == 0.0 && now == 0.0 && t0 == t1 && d == 1.0) continue;
        Object row(rows.Next());
        row.Key("change_pct");
        PercentChange(out, base, now);
        row.Key("exporter").Str(b.regions[i].code);
        row.Key("flow_base").Num(base);
        row.Key("flow_new").Num(now);
        row.Key("importer").Str(b.regions[n].code);
        row.Key("sector").Str(b.sectors[s].code);
        row.Key("tariff_base_pct").Num(100.0 * t0);
        row.Key("tariff_new_pct").Num(100.0 * t1);
        row.Key("trade_cost_change").Num(d);
      }
    }
}

// The effective tariff (GoodsDuties) as one object, the same in countries and imports_by_partner.
void GoodsDutiesJson(Out& out, const GoodsDuties& d) {
  Object o(out);
  o.Key("added_after_shifts_pct").Num(100.0 * d.added_after_shifts);  // non-finite: null
  o.Key("added_at_base_weights_pct").Num(100.0 * d.added_at_base_weights);
  o.Key("applied_goods_base_pct").Num(100.0 * d.applied_base);
  o.Key("applied_goods_new_pct").Num(100.0 * d.applied_new);
  o.Key("goods_imports_base").Num(d.goods_imports_base);
  o.Key("goods_imports_new").Num(d.goods_imports_new);
}

void CountriesJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  const std::size_t N = b.region_count();
  // An object keyed by region code: nlohmann writes its keys sorted.
  std::vector<std::size_t> order(N);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return result.outcomes.countries[x].code < result.outcomes.countries[y].code;
  });
  Object countries(out);
  for (std::size_t k = 0; k < N; ++k) {
    // A repeated code keeps the last region's entry, as assignment into the map does.
    if (k + 1 < N &&
        result.outcomes.countries[order[k]].code == result.outcomes.countries[order[k + 1]].code) {
      continue;
    }
    const std::size_t n = order[k];
    const CountryOutcome& c = result.outcomes.countries[n];
    countries.Key(c.code);
    Object o(out);
    o.Key("average_tariff_base_pct").Num(100.0 * c.average_tariff_base);
    o.Key("average_tariff_new_pct").Num(100.0 * c.average_tariff_new);
    if (result.uncertainty) {
      o.Key("bands");
      Object bands(out);
      for (const auto& [indicator, band] : result.uncertainty->country_bands[n]) {
        bands.Key(indicator);  // std::map: sorted, as nlohmann writes keys
        BandJson(out, band);
      }
    }
    o.Key("effective_tariff");
    GoodsDutiesJson(out, c.goods_duties);
    o.Key("exports_base").Num(c.exports_base);
    o.Key("exports_new").Num(c.exports_new);
    o.Key("exports_pct");
    PercentChange(out, c.exports_base, c.exports_new);
    o.Key("households").Num(c.households);  // NaN: null
    o.Key("households_note").Str(c.households_note);
    o.Key("households_source").Str(c.households_source);
    if (c.households_year > 0) {
      o.Key("households_year").Int(c.households_year);
    } else {
      o.Key("households_year").Null();
    }
    o.Key("imports_base").Num(c.imports_base);
    o.Key("imports_new").Num(c.imports_new);
    o.Key("imports_pct");
    PercentChange(out, c.imports_base, c.imports_new);
    o.Key("income_base").Num(c.income_base);
    o.Key("income_new").Num(c.income_new);
    o.Key("name").Str(b.regions[n].name);
    o.Key("price_index_pct").Num(100.0 * c.price_index_change);
    o.Key("real_wage_pct").Num(100.0 * c.real_wage_change);
    o.Key("tariff_revenue_base").Num(c.tariff_revenue_base);
    o.Key("tariff_revenue_change").Num(c.TariffRevenueChange());
    o.Key("tariff_revenue_change_10y").Num(c.TariffRevenueChangeOverWindow());
    o.Key("tariff_revenue_new").Num(c.tariff_revenue_new);
    o.Key("value_added_base").Num(c.value_added_base);
    o.Key("value_added_new").Num(c.value_added_new);
    o.Key("wage_pct").Num(100.0 * c.wage_change);
    o.Key("welfare_linear_pct").Num(100.0 * c.welfare_linear);
    o.Key("welfare_money").Num(c.welfare_money);
    o.Key("welfare_pct").Num(100.0 * c.welfare_exact);
    o.Key("welfare_per_household").Num(c.welfare_per_household_currency);  // NaN: null
    o.Key("welfare_tot_pct").Num(100.0 * c.welfare_tot);
    o.Key("welfare_trade_cost_pct").Num(100.0 * c.welfare_trade_cost);
    o.Key("welfare_vot_pct").Num(100.0 * c.welfare_vot);
  }
}

void TariffRow(Scope& rows, const std::string& importer, const std::string& exporter,
               const std::string& sector, const detail::AppliedTariff& t) {
  Object row(rows.Next());
  row.Key("base_pct").Num(100.0 * t.base);  // non-finite: null
  row.Key("exporter").Str(exporter);
  row.Key("importer").Str(importer);
  row.Key("new_pct").Num(100.0 * t.now);
  row.Key("sector").Str(sector);
}

void EffectiveTariffsJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  static const std::string kAll = "_all";
  Array rows(out);
  for (std::size_t n = 0; n < b.region_count(); ++n) {
    for (std::size_t i = 0; i < b.region_count(); ++i) {
      if (i == n) continue;
      TariffRow(rows, b.regions[n].code, b.regions[i].code, kAll, detail::PairTariff(result, n, i));
    }
    for (std::size_t s = 0; s < b.sector_count(); ++s) {
      TariffRow(rows, b.regions[n].code, kAll, b.sectors[s].code,
                detail::SectorTariff(result, n, s));
    }
  }
}

// Every importer's imports by partner (Outcomes::imports_by_partner), partners in the story's
// order: largest gain in share first.
void ImportsByPartnerJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  Array importers(out);
  for (const ImportsByPartner& imports : result.outcomes.imports_by_partner) {
    Object o(importers.Next());
    o.Key("effective_tariff");
    GoodsDutiesJson(out, result.outcomes.countries[imports.importer].goods_duties);
    o.Key("importer").Str(b.regions[imports.importer].code);
    o.Key("imports_base").Num(imports.imports_base);
    o.Key("imports_new").Num(imports.imports_new);
    o.Key("imports_pct");
    PercentChange(out, imports.imports_base, imports.imports_new);
    o.Key("partners");
    Array rows(out);
    for (const PartnerImports& p : imports.partners) {
      Object row(rows.Next());
      row.Key("change_pct");
      PercentChange(out, p.imports_base, p.imports_new);
      row.Key("effective_tariff");
      GoodsDutiesJson(out, p.goods_duties);
      row.Key("exporter").Str(b.regions[p.exporter].code);
      row.Key("imports_base").Num(p.imports_base);
      row.Key("imports_new").Num(p.imports_new);
      row.Key("share_base_pct").Num(100.0 * p.share_base);  // non-finite: null
      row.Key("share_change_pp").Num(100.0 * p.share_change());
      row.Key("share_new_pct").Num(100.0 * p.share_new);
      row.Key("tariff_base_pct").Num(100.0 * p.tariff_base);
      row.Key("tariff_new_pct").Num(100.0 * p.tariff_new);
    }
  }
}

// Sectors whose θ is above the threshold, with their largest changes under the run's θ and
// re-solved under the alternative θ (RunResult::elasticity_flags); [] when there are none.
void ElasticityFlagsJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  Array flags(out);
  for (const ElasticityFlag& f : result.elasticity_flags) {
    Object o(flags.Next());
    o.Key("alternative_converged").Bool(f.alternative_converged());
    o.Key("alternative_message").Str(f.alternative_message);
    o.Key("alternative_source").Str(f.alternative_source);
    o.Key("alternative_theta").Num(f.alternative_theta);
    {
      o.Key("changes");
      Array rows(out);
      for (const FlaggedChange& c : f.changes) {
        const bool imports = c.measure != FlaggedMeasure::kGrossOutput;
        Object row(rows.Next());
        row.Key("change_alternative_pct");
        PercentChange(out, c.value_base, c.value_new_alternative);
        row.Key("change_pct");
        PercentChange(out, c.value_base, c.value_new);
        if (imports) row.Key("exporter").Str(b.regions[c.partner].code);
        row.Key("measure").Str(ToString(c.measure));
        row.Key("region").Str(b.regions[c.region].code);
        row.Key("value_base").Num(c.value_base);
        row.Key("value_new").Num(c.value_new);
        row.Key("value_new_alternative").Num(c.value_new_alternative);  // non-finite: null
      }
    }
    o.Key("sector").Str(b.sectors[f.sector].code);
    o.Key("theta").Num(f.theta);
    o.Key("theta_threshold").Num(f.theta_threshold);
  }
}

void SectorsJson(Out& out, const RunResult& result) {
  const Baseline& b = result.baseline;
  const Outcomes& o = result.outcomes;
  Array rows(out);
  for (std::size_t n = 0; n < b.region_count(); ++n)
    for (std::size_t s = 0; s < b.sector_count(); ++s) {
      Object row(rows.Next());
      row.Key("output_base").Num(o.gross_output_base(n, s));
      row.Key("output_new").Num(o.gross_output_new(n, s));
      row.Key("output_pct");
      PercentChange(out, o.gross_output_base(n, s), o.gross_output_new(n, s));
      row.Key("price_pct").Num(100.0 * o.price_change(n, s));
      row.Key("region").Str(b.regions[n].code);
      row.Key("sector").Str(b.sectors[s].code);
      row.Key("tot_contribution_pct").Num(100.0 * o.sectoral_tot(n, s));
      row.Key("vot_contribution_pct").Num(100.0 * o.sectoral_vot(n, s));
    }
}

void SolverJson(Out& out, const SolverSummary& s) {
  const EquilibriumResiduals& r = s.check;
  Object o(out);
  o.Key("algorithm").Str(ToString(s.algorithm));
  o.Key("converged").Bool(s.IsConverged());
  o.Key("expenditure_iterations").Int(s.expenditure_iterations);
  o.Key("iterations").Int(s.outer_iterations);
  o.Key("max_residual").Num(r.Max());
  o.Key("message").Str(s.message);
  o.Key("price_iterations").Int(s.price_iterations);
  {
    o.Key("residuals");
    Object res(out);
    res.Key("cost").Num(r.cost);
    res.Key("expenditure").Num(r.expenditure);
    res.Key("labour_market").Num(r.labour_market);
    res.Key("numeraire").Num(r.numeraire);
    res.Key("price").Num(r.price);
    res.Key("share_sums").Num(r.share_sums);
    res.Key("trade_balance").Num(r.trade_balance);
    res.Key("trade_shares").Num(r.trade_shares);
    res.Key("walras").Num(r.walras);
  }
  o.Key("seconds").Num(s.time_total_seconds);
  o.Key("termination").Str(ToString(s.termination));
  o.Key("warm_start").Bool(s.warm_start);
}

// RunMetadata::measures, keys in nlohmann's order.
void MeasuresJson(Out& out, const std::vector<MeasureSummary>& measures) {
  Array a(out);
  for (const MeasureSummary& m : measures) {
    a.Next();
    Object o(out);
    o.Key("authority").Str(m.authority);
    o.Key("from").Str(m.from);
    o.Key("id").Str(m.id);
    o.Key("importer").Str(m.importer);
    o.Key("in_force").Bool(m.in_force);
    o.Key("legal_basis").Str(m.legal_basis);
    o.Key("origins").Strings(m.origins);
    o.Key("rate").Str(m.rate);
    o.Key("scope").Str(m.scope);
    o.Key("sources").Strings(m.sources);
    o.Key("title").Str(m.title);
    o.Key("to").Str(m.to);
  }
}

// The output stamp: RunStampToJson's document (the one manifest.json holds), small enough that
// writing it through nlohmann costs nothing and keeps one writer of its fields.
void StampJson(Out& out, const RunStamp& stamp) {
  out.Json(RunStampToJson(stamp));
}

}  // namespace

std::string RunResultToJsonText(const RunResult& result, const RunJsonOptions& options) {
  const Baseline& b = result.baseline;
  const RunMetadata& m = result.metadata;
  const std::size_t bilateral_sector_rows =
      b.region_count() * (b.region_count() > 0 ? b.region_count() - 1 : 0) * b.sector_count();
  const bool bilateral_sector_capped =
      options.include_bilateral_sector && bilateral_sector_rows > options.bilateral_sector_max_rows;
  const bool bilateral_sector = options.include_bilateral_sector && !bilateral_sector_capped;
  std::vector<std::string> notes = m.notes;
  if (bilateral_sector_capped) {
    notes.push_back(fmt::format(
        "bilateral_sector is left out: {} regions x {} partners x {} sectors make {} rows, more "
        "than the {} a run-result document holds (RunJsonOptions::bilateral_sector_max_rows); "
        "trade.csv and effective_tariffs.csv of `ricardo run --out` have every row",
        b.region_count(), b.region_count() - 1, b.sector_count(), bilateral_sector_rows,
        options.bilateral_sector_max_rows));
  }
  std::string text;
  text.reserve(bilateral_sector ? 256 * 1024 : 80 * 1024);
  Out out(text);
  {
    Object j(out);
    j.Key("baseline");
    BaselineJson(out, b);
    j.Key("bilateral");
    BilateralJson(out, result);
    if (bilateral_sector) {
      j.Key("bilateral_sector");
      BilateralSectorJson(out, result);
    }
    j.Key("countries");
    CountriesJson(out, result);
    j.Key("effective_tariffs");
    EffectiveTariffsJson(out, result);
    j.Key("elasticity_flags");
    ElasticityFlagsJson(out, result);
    {
      j.Key("generator");
      Object g(out);
      g.Key("name").Str("ricardo");
      g.Key("version").Str(RICARDO_VERSION);
    }
    j.Key("imports_by_partner");
    ImportsByPartnerJson(out, result);
    {
      j.Key("scenario");
      Object s(out);
      s.Key("date").Str(m.scenario_date);
      s.Key("description").Str(m.scenario_description);
      s.Key("measures");
      MeasuresJson(out, m.measures);
      s.Key("name").Str(m.scenario_name);
      s.Key("notes").Strings(notes);
      s.Key("sources").Strings(m.sources);
      s.Key("title").Str(m.scenario_title);
      s.Key("warnings").Strings(m.warnings);
    }
    j.Key("schema").Str("ricardo.run-result");
    j.Key("schema_version").Int(kRunResultSchemaVersion);
    j.Key("sectors");
    SectorsJson(out, result);
    j.Key("solver");
    SolverJson(out, result.solution.summary);
    j.Key("stamp");
    StampJson(out, m.stamp);
    if (result.uncertainty) {
      j.Key("uncertainty");
      out.Json(UncertaintyToJson(*result.uncertainty));
    }
    {
      j.Key("units");
      Object u(out);
      u.Key("changes").Str("percent");
      u.Key("money").Str(b.manifest.MoneyUnitLabel());
      u.Key("tariffs").Str("percent ad valorem");
    }
  }
  return text;
}

}  // namespace ricardo
