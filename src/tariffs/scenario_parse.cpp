// Scenario TOML → Scenario, with a located error for anything wrong.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/regular_file.hpp"
#include "core/suggest.hpp"
#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/scenario_rules.hpp"
#include "tariffs/toml_guard.hpp"
#include "tariffs/toml_reader.hpp"

namespace ricardo {
namespace {

using detail::JoinPath;
using detail::TomlReader;

const std::vector<std::string> kRootKeys = {
    "name",           "title", "description", "sources",  "baseline",    "date",
    "reference_date", "usmca", "measures",    "stacking", "trade_costs", "elasticities"};
const std::vector<std::string> kUsmcaKeys = {"method", "share"};
const std::vector<std::string> kMeasureKeys = {"id",
                                               "title",
                                               "authority",
                                               "legal_basis",
                                               "importer",
                                               "origins",
                                               "scope",
                                               "rate",
                                               "rate_from_baseline",
                                               "rate_form",
                                               "content",
                                               "usmca",
                                               "us_content_share",
                                               "covered_value_usd",
                                               "from",
                                               "to",
                                               "enabled",
                                               "tags",
                                               "sources",
                                               "notes",
                                               "replaces",
                                               "replaced_by",
                                               "replaces_on_content",
                                               "stacks_with"};
const std::vector<std::string> kScopeKeys = {"all_goods", "hs",         "lists",
                                             "sectors",   "exclude_hs", "exclude_lists"};
const std::vector<std::string> kStackingKeys = {
    "measure", "replaces", "replaces_on_content", "stacks_with", "from", "to", "note"};
const std::vector<std::string> kTradeCostKeys = {
    "id", "importers", "exporters", "sectors", "all_sectors", "d_hat", "from", "to", "notes"};

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (!(std::islower(static_cast<unsigned char>(s[0])) ||
        std::isdigit(static_cast<unsigned char>(s[0])))) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

// A region or country code as a baseline package may spell it (regions.csv allows letters, digits,
// '_', '-', '.'): "USA", "EU27", "ROW". Whether the code names a region of the baseline, or a
// country inside one, is checked when the scenario is compiled against that baseline.
bool IsRegionCode(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

std::vector<std::string> Names(std::initializer_list<const char*> names) {
  return {names.begin(), names.end()};
}

class Parser {
 public:
  Parser(const std::string& file, const ProductData& products) : r_(file), products_(products) {}

  Scenario Run(std::string_view text) {
    const toml::table root = detail::ParseGuardedToml(text, r_.file());  // toml_guard.hpp
    return FromTable(root);
  }

  Scenario FromTable(const toml::table& root) {
    Scenario s;
    s.file = r_.file();
    r_.CheckKeys(root, kRootKeys, "the scenario", "");
    const auto name = r_.String(root, "name", "name");
    if (!name)
      r_.Fail(r_.At(root, ""), "the scenario has no 'name'",
              "add name = \"my-scenario\" at the top");
    if (!IsIdentifier(*name)) {
      r_.Fail(r_.ValueAt(root, "name", ""), fmt::format("name '{}' is not an identifier", *name),
              "use lower-case letters, digits, '-', '_' or '.', e.g. \"us-tariffs-2025-11\"");
    }
    s.name = *name;
    s.title = r_.String(root, "title", "").value_or("");
    s.description = r_.String(root, "description", "").value_or("");
    s.sources =
        r_.Strings(root, "sources", "", "[\"https://…\"]").value_or(std::vector<std::string>{});
    s.baseline = r_.String(root, "baseline", "").value_or("north-america");
    if (s.baseline.empty())
      r_.Fail(r_.ValueAt(root, "baseline", ""), "'baseline' is empty",
              "write baseline = \"north-america\"");
    s.date = r_.DateValue(root, "date", "");
    s.reference_date = r_.DateValue(root, "reference_date", "");
    if (const toml::table* usmca = r_.Table(root, "usmca", "")) ParseUsmca(*usmca, &s.usmca);

    if (const toml::array* measures = r_.TableArray(root, "measures", "")) {
      // Refused before any measure is read: reading is what costs (a measure's stacking lists
      // can name every other measure).
      if (measures->size() > kMaxScenarioMeasures) {
        const std::string path = fmt::format("measures[{}]", kMaxScenarioMeasures);
        throw detail::TooManyMeasures(r_.At(*(*measures)[kMaxScenarioMeasures].as_table(), path),
                                      measures->size());
      }
      std::size_t index = 0;
      for (const toml::node& node : *measures) {
        s.measures.push_back(ParseMeasure(*node.as_table(), fmt::format("measures[{}]", index++)));
      }
    }
    CheckUniqueIds(s);
    if (const toml::array* stacking = r_.TableArray(root, "stacking", "")) {
      std::size_t index = 0;
      for (const toml::node& node : *stacking) {
        s.stacking.push_back(ParseStacking(*node.as_table(), fmt::format("stacking[{}]", index++)));
      }
    }
    if (const toml::array* costs = r_.TableArray(root, "trade_costs", "")) {
      std::size_t index = 0;
      for (const toml::node& node : *costs) {
        s.trade_costs.push_back(
            ParseTradeCost(*node.as_table(), fmt::format("trade_costs[{}]", index++)));
      }
    }
    if (const toml::table* elasticities = r_.Table(root, "elasticities", "")) {
      for (auto&& [key, value] : *elasticities) {
        const std::string sector(key.str());
        const std::string path = JoinPath("elasticities", sector);
        const auto theta = r_.Number(*elasticities, sector, "elasticities",
                                     "write the trade elasticity as a number, e.g. metals = 4.0");
        if (!std::isfinite(*theta) || *theta <= 0.0 || *theta > kMaxScenarioTheta) {
          r_.Fail(r_.At(value, path),
                  fmt::format("elasticity {} for '{}' is out of range", *theta, sector),
                  fmt::format("θ must be a number above 0 and at most {}", kMaxScenarioTheta));
        }
        s.elasticities.push_back({sector, *theta, SourceRef{r_.AtKey(key, path), {}}});
      }
    }
    // A scenario that changes nothing is almost always a mistake (measures under a misspelt
    // table name are caught as unknown keys; this catches a file that stops too early), and it
    // would otherwise solve to the baseline without a word.
    if (s.measures.empty() && s.trade_costs.empty() && s.elasticities.empty()) {
      r_.Fail(r_.At(root, ""),
              "the scenario has no measures, trade-cost shocks or elasticity overrides",
              "add a [[measures]] table; docs/scenarios.md lists every key");
    }
    // References between measures, and contradictions, are checked once everything is read.
    detail::ResolveRules(s);
    return s;
  }

 private:
  void ParseUsmca(const toml::table& t, UsmcaSettings* out) {
    r_.CheckKeys(t, kUsmcaKeys, "[usmca]", "usmca");
    if (const auto method = r_.String(t, "method", "usmca")) {
      const std::vector<std::string> methods = Names({"rolling-3-month", "month", "h2-2025"});
      if (*method == "rolling-3-month")
        out->method = UsmcaShareMethod::kRolling3Month;
      else if (*method == "month")
        out->method = UsmcaShareMethod::kMonth;
      else if (*method == "h2-2025")
        out->method = UsmcaShareMethod::kSecondHalf2025;
      else {
        r_.Fail(r_.ValueAt(t, "method", "usmca"),
                fmt::format("unknown USMCA share method '{}'", *method),
                detail::DidYouMeanOr(*method, methods, "use rolling-3-month, month or h2-2025"));
      }
    }
    if (const auto share = r_.Number(t, "share", "usmca", "write a fraction such as 0.9")) {
      if (!std::isfinite(*share) || *share < 0.0 || *share > kMaxUsmcaShare) {
        r_.Fail(r_.ValueAt(t, "share", "usmca"),
                fmt::format("USMCA share {} is out of range", *share),
                fmt::format("a share is a fraction from 0 to {}", kMaxUsmcaShare));
      }
      out->share_override = *share;
    }
  }

  void CheckRate(double rate, const Location& where, std::string_view key) {
    if (!std::isfinite(rate))
      r_.Fail(where, fmt::format("{} {} is not a finite number", key, rate));
    if (rate < 0.0 || rate > kMaxTariffRate) {
      r_.Fail(where, fmt::format("{} {} is out of range", key, rate),
              rate > 1.0 ? fmt::format("rates are fractions from 0 to {}: write {} for {}%",
                                       kMaxTariffRate, rate / 100.0, rate)
                         : fmt::format("rates are fractions from 0 to {}", kMaxTariffRate));
    }
  }

  std::vector<std::string> Countries(const toml::table& t, std::string_view key,
                                     const std::string& path, bool allow_groups) {
    const auto codes = r_.Strings(t, key, path, "[\"CAN\", \"MEX\"]");
    if (!codes) return {};
    const auto where = r_.EntryLocations(t, key, path);
    if (codes->empty())
      r_.Fail(r_.ValueAt(t, key, path), fmt::format("'{}' is empty", key),
              "list at least one country, e.g. [\"CAN\"]");
    for (std::size_t k = 0; k < codes->size(); ++k) {
      const std::string& c = (*codes)[k];
      const bool group = c == "USMCA" || c == "ROW" || c == "ALL";
      if (group && !allow_groups && c != "ROW") {
        r_.Fail(where[k], fmt::format("'{}' is a group; '{}' takes countries", c, key));
      }
      if (!group && !IsRegionCode(c)) {
        r_.Fail(where[k], fmt::format("'{}' is not a country or region code", c),
                "use a region of the baseline such as \"CAN\" or \"EU27\", an ISO3 country code in "
                "capitals, or the groups USMCA, ROW, ALL");
      }
    }
    return *codes;
  }

  std::vector<std::string> HsPrefixes(const toml::table& t, std::string_view key,
                                      const std::string& path) {
    const auto raw = r_.Strings(t, key, path, "[\"7208\", \"7308.10\"]");
    if (!raw) return {};
    const auto where = r_.EntryLocations(t, key, path);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < raw->size(); ++k) {
      std::string digits;
      bool ok = !(*raw)[k].empty();
      for (char c : (*raw)[k]) {
        if (c >= '0' && c <= '9')
          digits.push_back(c);
        else if (c != '.')
          ok = false;
      }
      if (!ok || digits.size() < 2 || digits.size() > 10 || digits.size() % 2 != 0) {
        r_.Fail(
            where[k], fmt::format("'{}' is not an HS code", (*raw)[k]),
            "HS codes have 2, 4, 6, 8 or 10 digits, dots allowed, e.g. \"7208\" or \"8703.23\"");
      }
      if (!products_.IsKnownPrefix(digits)) {
        r_.Fail(where[k], fmt::format("unknown HS code '{}'", (*raw)[k]),
                detail::DidYouMeanOr(digits, products_.PrefixesOfLength(digits.size()),
                                     "no product of the 2025 US tariff schedule starts with it"));
      }
      out.push_back(digits);
    }
    return out;
  }

  std::vector<std::string> Lists(const toml::table& t, std::string_view key,
                                 const std::string& path) {
    const auto names = r_.Strings(t, key, path, "[\"s232_steel_derivatives\"]");
    if (!names) return {};
    const auto where = r_.EntryLocations(t, key, path);
    for (std::size_t k = 0; k < names->size(); ++k) {
      if (!products_.FindList((*names)[k])) {
        r_.Fail(where[k], fmt::format("unknown product list '{}'", (*names)[k]),
                detail::DidYouMeanOr(
                    (*names)[k], products_.list_names(),
                    fmt::format("known lists: {}", fmt::join(products_.list_names(), ", "))));
      }
    }
    return *names;
  }

  ProductScope ParseScope(const toml::table& t, const std::string& path) {
    r_.CheckKeys(t, kScopeKeys, "the scope", path);
    ProductScope scope;
    scope.all_goods = r_.Bool(t, "all_goods", path).value_or(false);
    scope.hs_prefixes = HsPrefixes(t, "hs", path);
    scope.lists = Lists(t, "lists", path);
    scope.sectors =
        r_.Strings(t, "sectors", path, "[\"metals\"]").value_or(std::vector<std::string>{});
    scope.exclude_hs_prefixes = HsPrefixes(t, "exclude_hs", path);
    scope.exclude_lists = Lists(t, "exclude_lists", path);
    if (!scope.all_goods && scope.hs_prefixes.empty() && scope.lists.empty() &&
        scope.sectors.empty()) {
      r_.Fail(r_.At(t, path), "the scope covers no products",
              "give all_goods = true, hs = [...], lists = [...] or sectors = [...]");
    }
    return scope;
  }

  std::vector<std::string> References(const toml::table& t, std::string_view key,
                                      const std::string& path) {
    return r_.Strings(t, key, path, "[\"ieepa-canada\", \"@section_122\"]")
        .value_or(std::vector<std::string>{});
  }

  void CheckDates(const toml::table& t, const std::string& path, const std::optional<Date>& from,
                  const std::optional<Date>& to) {
    if (from && to && *to < *from) {
      r_.Fail(r_.ValueAt(t, "to", path),
              fmt::format("'to' ({}) is before 'from' ({})", to->ToString(), from->ToString()),
              "measures are in force from 'from' to 'to', both included");
    }
  }

  Measure ParseMeasure(const toml::table& t, const std::string& path) {
    Measure m;
    m.source = SourceRef{r_.At(t, path), {}};
    r_.RecordPositions(t, "", &m.source.fields);
    r_.CheckKeys(t, kMeasureKeys, "[[measures]]", path);
    const auto id = r_.String(t, "id", path);
    if (!id) r_.Fail(r_.At(t, path), "a measure has no 'id'", "add id = \"my-measure\"");
    if (!IsIdentifier(*id)) {
      r_.Fail(r_.ValueAt(t, "id", path), fmt::format("measure id '{}' is not an identifier", *id),
              "use lower-case letters, digits, '-', '_' or '.'");
    }
    m.id = *id;
    m.title = r_.String(t, "title", path).value_or("");
    const auto authority = r_.String(t, "authority", path);
    if (!authority)
      r_.Fail(r_.At(t, path), fmt::format("measure '{}' has no 'authority'", m.id),
              "add e.g. authority = \"section_232\"");
    const auto parsed_authority = ParseAuthority(*authority);
    if (!parsed_authority) {
      const std::vector<std::string> names =
          Names({"mfn", "section_232", "ieepa", "section_122", "section_301", "section_201",
                 "ad_cvd", "surtax", "other"});
      r_.Fail(r_.ValueAt(t, "authority", path), fmt::format("unknown authority '{}'", *authority),
              detail::DidYouMeanOr(*authority, names,
                                   fmt::format("use one of {}", fmt::join(names, ", "))));
    }
    m.authority = *parsed_authority;
    m.legal_basis = r_.String(t, "legal_basis", path).value_or("");
    const auto importer = r_.String(t, "importer", path);
    if (!importer)
      r_.Fail(r_.At(t, path), fmt::format("measure '{}' has no 'importer'", m.id),
              "add importer = \"USA\"");
    if (!IsRegionCode(*importer)) {
      r_.Fail(r_.ValueAt(t, "importer", path), fmt::format("'{}' is not a region code", *importer),
              "the importer is the ISO3 code of the imposing country, e.g. \"USA\"");
    }
    m.importer = *importer;
    m.origins = Countries(t, "origins", path, true);
    if (m.origins.empty())
      r_.Fail(r_.At(t, path), fmt::format("measure '{}' has no 'origins'", m.id),
              "add e.g. origins = [\"CAN\"]");
    const toml::table* scope = r_.Table(t, "scope", path);
    if (!scope)
      r_.Fail(r_.At(t, path), fmt::format("measure '{}' has no 'scope'", m.id),
              "add e.g. scope = { hs = [\"72\", \"73\"] }");
    m.scope = ParseScope(*scope, JoinPath(path, "scope"));

    const auto rate =
        r_.Number(t, "rate", path, "write the rate as a fraction, e.g. rate = 0.25 for 25%");
    m.rate_from_baseline = r_.String(t, "rate_from_baseline", path).value_or("");
    if (rate && !m.rate_from_baseline.empty()) {
      r_.Fail(r_.ValueAt(t, "rate_from_baseline", path),
              "give either 'rate' or 'rate_from_baseline', not both");
    }
    if (!rate && m.rate_from_baseline.empty()) {
      r_.Fail(r_.At(t, path), fmt::format("measure '{}' has no 'rate'", m.id),
              "add rate = 0.25 (a fraction) or rate_from_baseline = \"ROW\"");
    }
    if (!m.rate_from_baseline.empty() && !IsRegionCode(m.rate_from_baseline)) {
      r_.Fail(r_.ValueAt(t, "rate_from_baseline", path),
              fmt::format("'{}' is not a region code", m.rate_from_baseline),
              "name a region of the baseline, e.g. \"ROW\"");
    }
    if (rate) {
      CheckRate(*rate, r_.ValueAt(t, "rate", path), "rate");
      m.rate = *rate;
    }
    if (const auto form = r_.String(t, "rate_form", path)) {
      const std::vector<std::string> names = Names({"additional", "all-in-floor"});
      bool found = false;
      for (RateForm f : {RateForm::kAdditional, RateForm::kAllInFloor}) {
        if (*form == ToString(f)) m.rate_form = f, found = true;
      }
      if (!found) {
        r_.Fail(r_.ValueAt(t, "rate_form", path), fmt::format("unknown rate form '{}'", *form),
                detail::DidYouMeanOr(*form, names, "use additional or all-in-floor"));
      }
      if (m.rate_form == RateForm::kAllInFloor && !m.rate_from_baseline.empty()) {
        r_.Fail(r_.ValueAt(t, "rate_form", path),
                "an all-in floor needs its own 'rate', not 'rate_from_baseline'");
      }
    }
    if (const auto content = r_.String(t, "content", path)) {
      const std::vector<std::string> names =
          Names({"full", "steel", "aluminum", "copper", "metal"});
      bool found = false;
      for (ContentBasis b :
           {ContentBasis::kFullValue, ContentBasis::kSteel, ContentBasis::kAluminum,
            ContentBasis::kCopper, ContentBasis::kMetal}) {
        if (*content == ToString(b)) m.content = b, found = true;
      }
      if (!found) {
        r_.Fail(
            r_.ValueAt(t, "content", path), fmt::format("unknown content basis '{}'", *content),
            detail::DidYouMeanOr(*content, names, "use full, steel, aluminum, copper or metal"));
      }
    }
    if (const auto usmca = r_.String(t, "usmca", path)) {
      const std::vector<std::string> names =
          Names({"none", "excluded", "duty-free", "non-us-content"});
      bool found = false;
      for (UsmcaTreatment u : {UsmcaTreatment::kNone, UsmcaTreatment::kExcluded,
                               UsmcaTreatment::kDutyFree, UsmcaTreatment::kNonUsContent}) {
        if (*usmca == ToString(u)) m.usmca = u, found = true;
      }
      if (!found) {
        r_.Fail(
            r_.ValueAt(t, "usmca", path), fmt::format("unknown USMCA treatment '{}'", *usmca),
            detail::DidYouMeanOr(*usmca, names, "use none, excluded, duty-free or non-us-content"));
      }
    }
    const auto us_content = r_.Number(t, "us_content_share", path, "write a fraction such as 0.4");
    if (us_content) {
      if (m.usmca != UsmcaTreatment::kNonUsContent) {
        r_.Fail(r_.ValueAt(t, "us_content_share", path),
                "'us_content_share' needs usmca = \"non-us-content\"");
      }
      if (!std::isfinite(*us_content) || *us_content < 0.0 || *us_content > 1.0) {
        r_.Fail(r_.ValueAt(t, "us_content_share", path),
                fmt::format("us_content_share {} is out of range", *us_content),
                "a share is a fraction from 0 to 1");
      }
      m.us_content_share = *us_content;
    } else if (m.usmca == UsmcaTreatment::kNonUsContent) {
      r_.Fail(r_.ValueAt(t, "usmca", path), "usmca = \"non-us-content\" needs 'us_content_share'",
              "add us_content_share = 0.4 (the US content of qualifying goods)");
    }
    if (const auto value =
            r_.Number(t, "covered_value_usd", path, "write US dollars per year, e.g. 21.9e9")) {
      if (!std::isfinite(*value) || *value <= 0.0) {
        r_.Fail(r_.ValueAt(t, "covered_value_usd", path),
                fmt::format("covered_value_usd {} must be positive", *value));
      }
      m.covered_value_usd = *value;
    }
    m.from = r_.DateValue(t, "from", path);
    m.to = r_.DateValue(t, "to", path);
    CheckDates(t, path, m.from, m.to);
    m.enabled = r_.Bool(t, "enabled", path).value_or(true);
    m.tags = r_.Strings(t, "tags", path, "[\"retaliation\"]").value_or(std::vector<std::string>{});
    m.sources =
        r_.Strings(t, "sources", path, "[\"https://…\"]").value_or(std::vector<std::string>{});
    m.notes = r_.String(t, "notes", path).value_or("");
    m.replaces = References(t, "replaces", path);
    m.replaced_by = References(t, "replaced_by", path);
    m.replaces_on_content = References(t, "replaces_on_content", path);
    m.stacks_with = References(t, "stacks_with", path);
    return m;
  }

  StackingRule ParseStacking(const toml::table& t, const std::string& path) {
    StackingRule rule;
    rule.source = SourceRef{r_.At(t, path), {}};
    r_.RecordPositions(t, "", &rule.source.fields);
    r_.CheckKeys(t, kStackingKeys, "[[stacking]]", path);
    const auto measure = r_.String(t, "measure", path);
    if (!measure)
      r_.Fail(r_.At(t, path), "a stacking rule has no 'measure'", "add measure = \"<id>\"");
    rule.measure = *measure;
    int kinds = 0;
    for (auto [key, kind] : {std::pair{"replaces", StackingKind::kReplaces},
                             std::pair{"replaces_on_content", StackingKind::kReplacesOnContent},
                             std::pair{"stacks_with", StackingKind::kStacks}}) {
      if (t.contains(key)) {
        ++kinds;
        rule.kind = kind;
        rule.others = References(t, key, path);
        if (rule.others.empty())
          r_.Fail(r_.ValueAt(t, key, path), fmt::format("'{}' is empty", key));
      }
    }
    if (kinds != 1) {
      r_.Fail(
          r_.At(t, path),
          "a stacking rule needs exactly one of 'replaces', 'replaces_on_content', 'stacks_with'");
    }
    rule.from = r_.DateValue(t, "from", path);
    rule.to = r_.DateValue(t, "to", path);
    CheckDates(t, path, rule.from, rule.to);
    rule.note = r_.String(t, "note", path).value_or("");
    return rule;
  }

  TradeCostShock ParseTradeCost(const toml::table& t, const std::string& path) {
    TradeCostShock shock;
    shock.source = SourceRef{r_.At(t, path), {}};
    r_.RecordPositions(t, "", &shock.source.fields);
    r_.CheckKeys(t, kTradeCostKeys, "[[trade_costs]]", path);
    const auto id = r_.String(t, "id", path);
    if (!id) r_.Fail(r_.At(t, path), "a trade-cost shock has no 'id'", "add id = \"my-shock\"");
    if (!IsIdentifier(*id)) {
      r_.Fail(r_.ValueAt(t, "id", path), fmt::format("id '{}' is not an identifier", *id),
              "use lower-case letters, digits, '-', '_' or '.'");
    }
    shock.id = *id;
    shock.importers = Countries(t, "importers", path, true);
    shock.exporters = Countries(t, "exporters", path, true);
    if (shock.importers.empty())
      r_.Fail(r_.At(t, path), fmt::format("trade-cost shock '{}' has no 'importers'", shock.id));
    if (shock.exporters.empty())
      r_.Fail(r_.At(t, path), fmt::format("trade-cost shock '{}' has no 'exporters'", shock.id));
    shock.sectors =
        r_.Strings(t, "sectors", path, "[\"metals\"]").value_or(std::vector<std::string>{});
    shock.all_sectors = r_.Bool(t, "all_sectors", path).value_or(false);
    if (shock.all_sectors && !shock.sectors.empty()) {
      r_.Fail(r_.ValueAt(t, "all_sectors", path),
              "give either 'sectors' or all_sectors = true, not both");
    }
    const auto d_hat = r_.Number(t, "d_hat", path, "write d̂ = d′/d as a number, e.g. d_hat = 0.9");
    if (!d_hat)
      r_.Fail(r_.At(t, path), fmt::format("trade-cost shock '{}' has no 'd_hat'", shock.id),
              "add d_hat = 0.9 for 10% lower trade costs");
    if (!std::isfinite(*d_hat) || *d_hat <= 0.0 || *d_hat > 10.0) {
      r_.Fail(r_.ValueAt(t, "d_hat", path), fmt::format("d_hat {} is out of range", *d_hat),
              "d̂ = d′/d must be above 0 and at most 10 (1 = unchanged, 0.9 = 10% lower)");
    }
    shock.d_hat = *d_hat;
    shock.from = r_.DateValue(t, "from", path);
    shock.to = r_.DateValue(t, "to", path);
    CheckDates(t, path, shock.from, shock.to);
    shock.notes = r_.String(t, "notes", path).value_or("");
    return shock;
  }

  void CheckUniqueIds(const Scenario& s) {
    for (std::size_t a = 0; a < s.measures.size(); ++a) {
      for (std::size_t b = 0; b < a; ++b) {
        if (s.measures[a].id == s.measures[b].id) {
          r_.Fail(s.measures[a].source.where,
                  fmt::format("measure id '{}' is used twice (first at line {})", s.measures[a].id,
                              s.measures[b].source.where.line),
                  "give every measure its own id");
        }
      }
    }
  }

  TomlReader r_;
  const ProductData& products_;
};

}  // namespace

Scenario ParseScenario(std::string_view toml_text, const std::string& source_name) {
  const auto products = ShippedProductData();
  return ParseScenario(toml_text, source_name, *products);
}

Scenario ParseScenario(std::string_view toml_text, const std::string& source_name,
                       const ProductData& products) {
  Parser parser(source_name, products);
  return parser.Run(toml_text);
}

Scenario LoadScenario(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw NotFoundError(
        Location{file.string(), 0, 0, ""}, "scenario file not found",
        fmt::format("shipped scenarios: {}", fmt::join(ShippedScenarioNames(), ", ")));
  }
  // Refuses pipes, devices and directories, and files above kMaxScenarioFileBytes.
  return ParseScenario(detail::ReadRegularFile(file, detail::kScenarioFileKind), file.string());
}

namespace detail {
Scenario ScenarioFromTomlTable(const toml::table& table, const std::string& source_name) {
  const auto products = ShippedProductData();
  Parser parser(source_name, *products);
  return parser.FromTable(table);
}
}  // namespace detail

}  // namespace ricardo
