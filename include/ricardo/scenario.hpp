// Scenarios: tariff measures as the law states them, compiled into a model shock.
//
// A scenario is a TOML file (docs/scenarios.md documents every key, with examples) listing
// measures — "Section 232 steel, 50%, on the steel content, no USMCA exemption, from 2025-06-04"
// — plus trade-cost shocks (d̂) and elasticity overrides. Compiling a scenario on a date turns the
// measures in force that day into counterfactual tariff levels t′ by (importer, exporter,
// sector), weighting HS products by their trade values and mapping them to the baseline's
// sectors through HS6 → ISIC Rev.3 → the sector whose `isic_rev3` covers the division. Every
// number is traced: which measures hit which products, the stacked rate per product, and the
// trade-weighted rate per sector.
//
// Typical use:
//   Scenario s = LoadScenario("scenarios/us-tariffs-2025-11.toml");
//   SetMeasureRate(s, "s232-steel", 0.25);          // edits before compiling (dashboard sliders)
//   SetTagEnabled(s, "retaliation", false);
//   CompiledScenario c = CompileScenario(s, LoadBaseline("north-america"));
//   RunResult r = RunCompiled(c);
//   c.SetRates(rates);                               // a rate edit, without compiling again
//
// Errors: parsing and compiling throw ScenarioError with the file, line and column of the
// offending TOML node ("us.toml:7:14: unknown sector 'steel2' (did you mean 'metals'?)"),
// NotFoundError for a missing file or data directory. Tariffs are fractions throughout.
#pragma once

#include <compare>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/error.hpp"
#include "ricardo/run.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"
#include "ricardo/tariff_form.hpp"

namespace ricardo {

// A calendar date (proleptic Gregorian). Measures are in force from `from` to `to` inclusive.
struct Date {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–31

  // Parses "YYYY-MM-DD"; nullopt if malformed or not a real day (2025-02-30).
  static std::optional<Date> Parse(std::string_view iso);
  bool IsValid() const;
  std::string ToString() const;  // "2025-11-01"
  auto operator<=>(const Date&) const = default;
};

// Where a piece of a scenario came from. Compares equal to any other SourceRef, so that
// scenarios compare by content (parse(print(x)) == x) regardless of line numbers.
struct SourceRef {
  Location where;  // the table ([[measures]] header) or key
  // Positions of the values inside it by relative key path: "rate", "origins[1]",
  // "scope.sectors[0]". Empty for scenarios built by programs.
  std::map<std::string, Location> fields;
  // The position of `key` if known, else `where`.
  const Location& At(const std::string& key) const {
    const auto it = fields.find(key);
    return it == fields.end() ? where : it->second;
  }
  bool operator==(const SourceRef&) const { return true; }
};

// The legal authority of a measure. New values go at the end.
enum class Authority {
  kMfn,         // most-favoured-nation duty (or its removal of a preference)
  kSection232,  // US Trade Expansion Act 1962, s.232 (steel, aluminum, copper, autos, lumber, …)
  kIeepa,       // US International Emergency Economic Powers Act ("fentanyl", reciprocal)
  kSection122,  // US Trade Act 1974, s.122 balance-of-payments surcharge
  kSection301,  // US Trade Act 1974, s.301
  kSection201,  // US safeguards
  kAdCvd,       // anti-dumping / countervailing duties
  kSurtax,      // a partner's retaliatory surtax order (e.g. Canada, Customs Tariff s.53)
  kOther,
};
const char* ToString(Authority authority);                       // "section_232", …
std::optional<Authority> ParseAuthority(std::string_view text);  // inverse of ToString

// The part of a product's customs value a rate applies to.
enum class ContentBasis {
  kFullValue,  // the whole value
  kSteel,      // the steel content (1 for chapters 72–73, product shares elsewhere)
  kAluminum,   // the aluminum content (1 for chapter 76)
  kCopper,     // the copper content
  kMetal,      // steel + aluminum + copper content
};
const char* ToString(ContentBasis basis);  // "full", "steel", "aluminum", "copper", "metal"

// What a measure's rate means.
enum class RateForm {
  kAdditional,  // an additional duty on top of MFN and the other measures
  kAllInFloor,  // a floor including MFN ("15% all-in"): the duty is max(0, rate − the
                // product's MFN rate), the EU/Japan/Korea/Switzerland deals of 2025
};
const char* ToString(RateForm form);  // "additional", "all-in-floor"

// How a measure treats goods that qualify for (and claim) USMCA preference. The qualifying
// share of each product comes from the product data (US imports claimed under USMCA).
enum class UsmcaTreatment {
  kNone,          // no USMCA exemption: qualifying goods pay like the rest
  kExcluded,      // qualifying goods are outside the measure (IEEPA CA/MX, Section 122): no
                  // duty, and the measure does not displace others on them
  kDutyFree,      // qualifying goods are inside the measure at a zero rate (232 auto/MHDV
                  // parts): no duty, but the measure still displaces those it replaces
  kNonUsContent,  // qualifying goods pay on their non-US content only, 1 − us_content_share
                  // (232 USMCA vehicles)
};
const char* ToString(
    UsmcaTreatment treatment);  // "none", "excluded", "duty-free", "non-us-content"

// Which products a measure covers. A product is covered if it matches any inclusion (all_goods,
// an HS prefix, a list, a sector) and no exclusion.
struct ProductScope {
  bool all_goods = false;                // every HS product (all goods sectors)
  std::vector<std::string> hs_prefixes;  // HS/HTS prefixes, 2–10 digits ("7208", "870322")
  std::vector<std::string> lists;        // named product lists shipped as data
  std::vector<std::string> sectors;      // sector codes of the baseline ("metals")
  std::vector<std::string> exclude_hs_prefixes;
  std::vector<std::string> exclude_lists;
  bool operator==(const ProductScope&) const = default;
};

// One tariff measure as the law states it.
struct Measure {
  std::string id;     // unique in the scenario: lower case, digits, '-', '_', '.'
  std::string title;  // one line for people
  Authority authority = Authority::kOther;
  std::string legal_basis;  // instrument, e.g. "Proclamation 10947"
  std::string importer;     // ISO3 of the imposing country ("USA")
  // ISO3 codes of the baseline's regions, or groups: USMCA (the three partners other than the
  // importer), ROW (every region other than USA, CAN, MEX), ALL (every region but the importer).
  std::vector<std::string> origins;
  ProductScope scope;
  double rate = 0.0;  // ad valorem, fraction (0.25 = 25%), on `content` of the value
  // If set, the rate in each sector is the importer's baseline tariff on imports from this
  // region (e.g. "ROW" as a proxy for MFN when USMCA preferences end); `rate` is then unused.
  std::string rate_from_baseline;
  RateForm rate_form = RateForm::kAdditional;
  ContentBasis content = ContentBasis::kFullValue;
  UsmcaTreatment usmca = UsmcaTreatment::kNone;
  double us_content_share = 0.0;  // for kNonUsContent: US content share of qualifying goods
  // Value of trade the measure covers, in US$ per year, for pairs without product-level import
  // weights (e.g. Canada's surtax lists, stated by Finance Canada in C$): spread over the
  // sectors its scope maps to in proportion to the baseline's flows, capped at the flow.
  std::optional<double> covered_value_usd;
  std::optional<Date> from;          // in force from this day (inclusive); open if unset
  std::optional<Date> to;            // in force until this day (inclusive); open if unset
  bool enabled = true;               // switched-off measures are ignored (dashboard toggles)
  std::vector<std::string> tags;     // free labels, e.g. "retaliation", for SetTagEnabled
  std::vector<std::string> sources;  // where the measure is documented
  std::string notes;

  // Stacking declared on the measure. Each entry is a measure id or "@authority" (every other
  // measure of that authority, e.g. "@ieepa").
  std::vector<std::string> replaces;             // where both apply, only this one is charged
  std::vector<std::string> replaced_by;          // the inverse
  std::vector<std::string> replaces_on_content;  // this one on its content share, the others on
                                                 // the rest of the value
  std::vector<std::string> stacks_with;          // both charged, additively

  SourceRef source;  // position of the [[measures]] table
  bool operator==(const Measure&) const = default;
  bool InForce(const Date& date) const;
};

enum class StackingKind {
  kReplaces,           // `measure` is charged, `others` are not
  kReplacesOnContent,  // `measure` on its content share, `others` on the rest of the value
  kStacks,             // all are charged
};
const char* ToString(StackingKind kind);  // "replaces", "replaces-on-content", "stacks"

// A stacking rule, from a [[stacking]] table (which may carry dates) or from a measure's
// replaces / replaced_by / replaces_on_content / stacks_with lists.
struct StackingRule {
  StackingKind kind = StackingKind::kStacks;
  std::string measure;              // measure id
  std::vector<std::string> others;  // measure ids or "@authority"
  std::optional<Date> from;         // the rule holds from / to these days (inclusive)
  std::optional<Date> to;
  std::string note;  // the legal reason, e.g. "EO 14289"
  SourceRef source;
  bool operator==(const StackingRule&) const = default;
};

// Iceberg trade-cost change d̂ = d′/d for every importer × exporter (importer ≠ exporter) × sector.
struct TradeCostShock {
  std::string id;
  std::vector<std::string> importers;  // ISO3 or groups, as for Measure::origins
  std::vector<std::string> exporters;
  std::vector<std::string> sectors;  // sector codes; empty = all goods sectors
  bool all_sectors = false;          // every sector, services included
  double d_hat = 1.0;                // > 0; 0.9 = trade costs 10% lower
  std::optional<Date> from;
  std::optional<Date> to;
  std::string notes;
  SourceRef source;
  bool operator==(const TradeCostShock&) const = default;
};

struct ElasticityOverride {
  std::string sector;  // sector code
  double theta = 0.0;  // new trade elasticity θ_j (> 0)
  SourceRef source;
  bool operator==(const ElasticityOverride&) const = default;
};

// How product-level USMCA utilisation shares (and import weights) are taken from the monthly
// US import data for a compile date.
enum class UsmcaShareMethod {
  kRolling3Month,   // pooled over the compile month and the two before (default; the Yale
                    // Budget Lab's recommendation across the June→July 2025 break)
  kMonth,           // the compile month alone
  kSecondHalf2025,  // pooled July–December 2025 (post-tariff steady state), any date
};
const char* ToString(UsmcaShareMethod method);  // "rolling-3-month", "month", "h2-2025"

struct UsmcaSettings {
  UsmcaShareMethod method = UsmcaShareMethod::kRolling3Month;
  // If set, every product's USMCA-qualifying share is this fraction instead of the data's.
  std::optional<double> share_override;
  bool operator==(const UsmcaSettings&) const = default;
};

struct Scenario {
  std::string name;   // identifier, e.g. "us-tariffs-2025-11"
  std::string title;  // one line for people
  std::string description;
  std::vector<std::string> sources;
  std::string baseline = "north-america";  // baseline it is meant for (name or directory)
  std::optional<Date> date;                // compile date unless the caller gives one
  // The day whose measures the baseline's trade flows already reflect (2024 flows: 2024-12-31).
  // When set, the shock is the change in each tariff from that day to the compile date: the
  // measures in force on it (Section 301 lists of 2018–19, say) are charged on both days and
  // cancel where they did not change. Unset: every measure in force is a change from the
  // baseline's tariffs.
  std::optional<Date> reference_date;
  UsmcaSettings usmca;
  std::vector<Measure> measures;
  std::vector<StackingRule> stacking;  // [[stacking]] tables only (measure lists stay on
                                       // the measures)
  std::vector<TradeCostShock> trade_costs;
  std::vector<ElasticityOverride> elasticities;
  std::string file;  // where it was read from ("" for text)

  Measure* FindMeasure(std::string_view id);
  const Measure* FindMeasure(std::string_view id) const;
  bool operator==(const Scenario& other) const;  // by content; ignores `file` and positions
};

// ---- Reading and writing ----

// Parses scenario TOML. `source_name` labels error locations ("us.toml"). Checks syntax, keys
// (unknown keys are errors, with the closest known key suggested), types, ranges, dates, ids,
// references between measures, HS prefixes and list names against the shipped product data.
// Checks needing a baseline (countries, sectors, overlaps without a stacking rule) are made by
// CheckScenario / CompileScenario.
Scenario ParseScenario(std::string_view toml_text, const std::string& source_name);
// The same, checking HS prefixes and list names against `products` (declared below).
class ProductData;
Scenario ParseScenario(std::string_view toml_text, const std::string& source_name,
                       const ProductData& products);
// Reads and parses a file; NotFoundError if it does not exist.
Scenario LoadScenario(const std::filesystem::path& file);
// TOML text that parses back to an equal scenario.
std::string ScenarioToToml(const Scenario& scenario);
// The same document as JSON (keys and nesting as in TOML, dates as "YYYY-MM-DD" strings), and
// back. Errors in JSON input are located by field path ("measures[2].rate") instead of line.
nlohmann::json ScenarioToJson(const Scenario& scenario);
Scenario ScenarioFromJson(const nlohmann::json& document, const std::string& source_name);

// The shipped scenarios (scenarios/ in the source tree or next to the data directory).
std::filesystem::path ShippedScenarioDirectory();
std::vector<std::string> ShippedScenarioNames();  // file stems, sorted
// A path to an existing file, or the name of a shipped scenario (with or without ".toml").
// NotFoundError listing the shipped names otherwise.
std::filesystem::path ResolveScenarioPath(const std::string& name_or_path);

// ---- Edits by programs (dashboard sliders and toggles) ----

// Throws ArgumentError for an unknown id or a rate outside [0, kMaxTariffRate].
void SetMeasureRate(Scenario& scenario, std::string_view id, double rate);
void SetMeasureEnabled(Scenario& scenario, std::string_view id, bool enabled);
// Switches every measure carrying `tag` on or off; returns how many there were.
int SetTagEnabled(Scenario& scenario, std::string_view tag, bool enabled);

// ---- Product data ----

// Product-level data for compiling: HS product lists, HS6 → ISIC Rev.3, metal content shares,
// US imports from Canada and Mexico by HTS10 and month with USMCA-claimed values
// (data/tariffs/, see its PROVENANCE.md). Immutable once loaded; safe to share across threads.
class ProductData;
// Loads from a directory laid out like data/tariffs/. DataError / NotFoundError on problems.
std::shared_ptr<const ProductData> LoadProductData(const std::filesystem::path& directory);
// The shipped data (DataDirectory()/tariffs), loaded once per process.
std::shared_ptr<const ProductData> ShippedProductData();
std::vector<std::string> ProductListNames(const ProductData& products);

// ---- Compiling ----

struct CompileOptions {
  std::optional<Date> date;                      // default: the scenario's date (one is required)
  std::shared_ptr<const ProductData> products;   // default: ShippedProductData()
  std::optional<UsmcaShareMethod> usmca_method;  // default: the scenario's
  std::optional<double> usmca_share_override;    // default: the scenario's (none)
  // Keep one trace line per product (explain). Off for fast repeated solves.
  bool product_trace = true;
  // With product_trace: keep only the products imported from this exporter (ISO3 region code)
  // and of this sector, what an explanation narrowed with ExplainOptions::origin and sector
  // shows. The shock and every other part of the trace are the same.
  std::optional<std::string> product_trace_origin, product_trace_sector;
  // With product_trace: the most trace lines the compile keeps (a product, and each measure
  // charged or not charged on it, count one line each; some 150 bytes each in memory). A
  // compile that would keep more stops with a LimitError (narrow with product_trace_origin or
  // product_trace_sector). 250 measures that all stack on every product imported from Canada
  // make 2.4 million lines. < 0 = no limit.
  long long max_product_trace_lines = 3'000'000;
  // Wall-clock seconds the compile (checks included) may take; past it, the compile stops with
  // a LimitError ("compiling stopped after … s, the limit is … s"). Checked between steps of
  // the compile's loops, so it may overrun by one step (milliseconds). Default: no limit.
  // The server passes its --solve-time-limit here, so a compile counts like a solve.
  std::optional<double> max_time_in_seconds;
};

// Limits of a scenario (docs/scenarios.md, Limits), refused with a LimitError located at the
// first measure or stacking entry beyond them. Real regimes stay far below: the shipped
// scenarios have at most a few dozen measures. At the limits a compile stays within seconds:
// stacking resolution and the checks grow with the number of pairs of measures that meet.
inline constexpr std::size_t kMaxScenarioMeasures = 2000;
// Pair rules the stacking entries resolve to ("@ieepa" on each of M ieepa measures resolves to
// M × (M − 1)); the limit admits every pair of kMaxScenarioMeasures measures related once from
// each side.
inline constexpr std::size_t kMaxStackingPairRules = 4'000'000;
// The largest ad valorem rate, as a fraction (5 = 500%), that a measure, a rate edit
// (SetMeasureRate, the API's `rates`) or a line of the MFN schedule may have: above any rate in
// force, and it catches a percentage written where a fraction belongs (25 for 0.25). The server
// states it at GET /api/v1/limits, so the dashboard holds no copy.
inline constexpr double kMaxTariffRate = 5.0;
// The largest USMCA-qualifying share (a fraction of trade), for the same readers and the API.
inline constexpr double kMaxUsmcaShare = 1.0;
// The largest trade elasticity θ a scenario's [elasticities] may set: the largest estimate in
// use is Caliendo and Parro's 64.85 for petroleum, so a larger number is almost surely a typo.
inline constexpr double kMaxScenarioTheta = 100.0;

// One measure's part in one product's stacked rate.
struct MeasureHit {
  std::string measure;        // id
  double rate = 0.0;          // the measure's rate (fraction)
  double value_share = 0.0;   // share of the product's value it is charged on (content ×
                              // portion not exempt or displaced)
  double contribution = 0.0;  // rate × value_share, fraction of the product's value
  std::string how;            // e.g. "steel content 1.00", "non-USMCA portion 0.11"
};

struct ProductTrace {
  std::string importer, exporter;
  std::string hts10;
  std::string description;             // HS6 (or heading) description
  std::string sector;                  // "" if the product maps to no sector of the baseline
  double value_usd = 0.0;              // import weight over the months used
  double usmca_share = 0.0;            // qualifying share used
  std::vector<MeasureHit> hits;        // measures charged
  std::vector<std::string> displaced;  // measures in force on the product but not charged, why
  double rate = 0.0;                   // stacked additional rate (fraction of value)
};

struct SectorTrace {
  std::string importer, exporter, sector;
  double baseline_rate = 0.0;        // t_nij
  double added_rate = 0.0;           // trade-weighted additional rate of the measures (with a
                                     // reference date: its change since that day)
  double counterfactual_rate = 0.0;  // t′_nij = baseline + added
  double reference_rate = 0.0;       // additional rate on the reference date (0 without one);
                                     // the measures charge added + reference on the date
  double value_usd = 0.0;            // product weight in the sector (0 in sector mode)
  int products = 0;                  // products weighted
  int products_hit = 0;              // products with a non-zero rate
  std::string method;                // "products", "value coverage", "proxy product mix", "sector"
  std::vector<std::string> notes;
};

struct PairTrace {
  std::string importer, exporter;
  std::string method;               // how products were weighted for this pair
  std::string weights;              // description of the weights (source, months)
  double value_usd = 0.0;           // all products with weights
  double unmapped_value_usd = 0.0;  // products mapping to no sector (e.g. HTS chapter 98)
  // Σ_p value_p · rate_p / Σ_p value_p over every product with a weight (all goods): the
  // additional duties on the date, reference date or not (what trackers publish).
  double all_goods_rate = 0.0;
  double reference_all_goods_rate = 0.0;  // the same on the reference date (0 without one)
  // The same with the baseline's sector flows as weights (Σ_j flow · added_j / Σ_j flow).
  double baseline_weighted_rate = 0.0;
  std::vector<std::string> measures;  // ids in force on the pair
  // When measures name countries inside the exporter region (Vietnam inside ROW): the portions
  // of its trade compiled apart, each with its share of the region's 2024 US imports
  // ("VNM (14.2% of ROW)", …, "rest of ROW (61.0%)"). Empty otherwise.
  std::vector<std::string> portions;
  // The all-goods rate of each of those portions (product weights mode), in the same order; a
  // portion with no countries is the rest of the region. Empty when the region is one portion.
  struct PortionRate {
    std::vector<std::string> countries;  // ISO3
    double share = 0.0;                  // of the region's 2024 US imports
    double all_goods_rate = 0.0;
  };
  std::vector<PortionRate> portion_rates;
};

struct CompileTrace {
  Date date;
  std::string usmca_method;
  std::vector<std::string> months;  // "2025-09", … used for weights and USMCA shares
  std::vector<PairTrace> pairs;
  std::vector<SectorTrace> sectors;    // pairs × sectors with a measure in force
  std::vector<ProductTrace> products;  // if CompileOptions::product_trace
  std::vector<std::string> measures_in_force;
  std::vector<std::string> measures_not_in_force;  // "id (from 2026-04-06)"
  std::optional<Date> reference_date;              // Scenario::reference_date
  std::vector<std::string> measures_in_force_on_reference;
  std::vector<std::string> notes;
  // What a caller should show the user although the compile worked (each also in `notes`): a
  // scenario of which no measure is in force on the date, a shock that changes nothing, a
  // trade-cost shock that covers no pair. `ricardo run` and `scenario explain` print each on
  // stderr as "ricardo: warning: …" and still exit 0.
  std::vector<std::string> warnings;
};

// A scenario compiled against a baseline on a date: everything a run needs, in one object.
struct CompiledScenario {
  Baseline baseline;          // the baseline compiled against, with the elasticity overrides
  TariffForm tariffs;         // t′ as a function of the measures' rates (ricardo/tariff_form.hpp)
  std::vector<double> rates;  // the rates `shock` was evaluated at: one per measure, scenario order
  Shock shock;                // t′ = tariffs.Evaluate(rates), d̂ from the trade-cost shocks
  CompileTrace trace;         // every number explained, at `rates`
  RunMetadata metadata;       // from the scenario, with the compile notes

  // New rates for every measure (scenario order): the shock becomes tariffs.Evaluate(rates),
  // exactly what compiling the scenario with those rates gives, warnings included (rates of zero
  // can make the shock zero). The trace's product and sector lines describe the compiled rates,
  // so they are dropped (pairs and notes stay).
  void SetRates(std::vector<double> new_rates);

  // What SetRates needs to say again whether anything applies: the scenario as the warning
  // names it (its file, or its name), and the warning the current rates give, if any (the last
  // of trace.warnings and trace.notes). Filled by CompileScenario.
  std::string warning_source;
  std::optional<std::string> nothing_applies_warning;
};

// Every measure's rate, in scenario order (what CompiledScenario::rates holds after a compile).
std::vector<double> MeasureRates(const Scenario& scenario);

// Solves the compiled scenario's counterfactual on its baseline and computes the outcomes.
RunResult RunCompiled(const CompiledScenario& compiled, const SolverOptions& options = {});
// The same with every run option (e.g. no elasticity flags: RunOptions::elasticity_flags).
RunResult RunCompiled(const CompiledScenario& compiled, const RunOptions& options);

// Checks what needs a baseline: countries and sectors exist, origins resolve, and every two
// measures that can hit the same product on the same days have a stacking rule. Throws
// ScenarioError at the offending node.
void CheckScenario(const Scenario& scenario, const Baseline& baseline,
                   const CompileOptions& options = {});

// Compiles the measures in force on the date into a shock against the baseline's tariffs.
CompiledScenario CompileScenario(const Scenario& scenario, const Baseline& baseline,
                                 const CompileOptions& options = {});

// ---- Explaining ----

struct TrackerComparison;  // ricardo/tracker.hpp

struct ExplainOptions {
  // Printed after the header (text) or as "tracker_comparison" (JSON) when given.
  const TrackerComparison* tracker = nullptr;
  std::optional<std::string> origin;  // only pairs with this exporter (ISO3)
  std::optional<std::string> sector;  // only this sector
  int max_products = 25;              // product lines printed per pair in text (largest first);
                                      // < 0 = all. JSON has all that match, within max_trace_lines.
  // Lines of the product trace in one answer, over all pairs: a product and each line under it
  // (a measure charged on it, a measure not charged) count one line each, as the text prints
  // them. A product that would pass the limit is left out with every product after it; the
  // JSON's "product_lines" and the text's last line say how many were left out and how to see
  // them (narrow with origin or sector). This bounds an answer's size: 250 measures stacking on
  // every product make some 250 lines per product. < 0 = no limit.
  long long max_trace_lines = 100'000;
};

std::string ExplainText(const CompiledScenario& compiled, const ExplainOptions& options = {});
nlohmann::json ExplainJson(const CompiledScenario& compiled, const ExplainOptions& options = {});

}  // namespace ricardo
