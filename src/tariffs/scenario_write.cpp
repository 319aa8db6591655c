// Scenario → TOML and JSON, and JSON → Scenario (through the same checks as TOML).
#include <toml++/toml.h>

#include <sstream>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"
#include "tariffs/scenario_rate_text.hpp"
#include "tariffs/toml_reader.hpp"

namespace ricardo {
namespace detail {
Scenario ScenarioFromTomlTable(const toml::table& table, const std::string& source_name);
}  // namespace detail

namespace {

toml::array StringArray(const std::vector<std::string>& values) {
  toml::array a;
  for (const std::string& v : values) a.push_back(v);
  return a;
}

toml::date TomlDate(const Date& d) {
  return toml::date{static_cast<uint16_t>(d.year), static_cast<uint8_t>(d.month),
                    static_cast<uint8_t>(d.day)};
}

void PutDate(toml::table& t, std::string_view key, const std::optional<Date>& d) {
  if (d) t.insert(key, TomlDate(*d));
}

void PutStrings(toml::table& t, std::string_view key, const std::vector<std::string>& v) {
  if (!v.empty()) t.insert(key, StringArray(v));
}

void PutString(toml::table& t, std::string_view key, const std::string& v) {
  if (!v.empty()) t.insert(key, v);
}

toml::table ToTable(const Scenario& s) {
  toml::table root;
  root.insert("name", s.name);
  PutString(root, "title", s.title);
  PutString(root, "description", s.description);
  PutStrings(root, "sources", s.sources);
  root.insert("baseline", s.baseline);
  PutDate(root, "date", s.date);
  PutDate(root, "reference_date", s.reference_date);
  if (s.usmca != UsmcaSettings{}) {
    toml::table usmca;
    usmca.insert("method", ToString(s.usmca.method));
    if (s.usmca.share_override) usmca.insert("share", *s.usmca.share_override);
    root.insert("usmca", std::move(usmca));
  }
  if (!s.measures.empty()) {
    toml::array measures;
    for (const Measure& m : s.measures) {
      toml::table t;
      t.insert("id", m.id);
      PutString(t, "title", m.title);
      t.insert("authority", ToString(m.authority));
      PutString(t, "legal_basis", m.legal_basis);
      t.insert("importer", m.importer);
      t.insert("origins", StringArray(m.origins));
      toml::table scope;
      if (m.scope.all_goods) scope.insert("all_goods", true);
      PutStrings(scope, "hs", m.scope.hs_prefixes);
      PutStrings(scope, "lists", m.scope.lists);
      PutStrings(scope, "sectors", m.scope.sectors);
      PutStrings(scope, "exclude_hs", m.scope.exclude_hs_prefixes);
      PutStrings(scope, "exclude_lists", m.scope.exclude_lists);
      t.insert("scope", std::move(scope));
      if (m.rate_from_baseline.empty()) {
        t.insert("rate", m.rate);
      } else {
        t.insert("rate_from_baseline", m.rate_from_baseline);
      }
      if (m.rate_form != RateForm::kAdditional) t.insert("rate_form", ToString(m.rate_form));
      if (m.content != ContentBasis::kFullValue) t.insert("content", ToString(m.content));
      if (m.usmca != UsmcaTreatment::kNone) t.insert("usmca", ToString(m.usmca));
      if (m.usmca == UsmcaTreatment::kNonUsContent)
        t.insert("us_content_share", m.us_content_share);
      if (m.covered_value_usd) t.insert("covered_value_usd", *m.covered_value_usd);
      PutDate(t, "from", m.from);
      PutDate(t, "to", m.to);
      if (!m.enabled) t.insert("enabled", false);
      PutStrings(t, "tags", m.tags);
      PutStrings(t, "sources", m.sources);
      PutString(t, "notes", m.notes);
      PutStrings(t, "replaces", m.replaces);
      PutStrings(t, "replaced_by", m.replaced_by);
      PutStrings(t, "replaces_on_content", m.replaces_on_content);
      PutStrings(t, "stacks_with", m.stacks_with);
      measures.push_back(std::move(t));
    }
    root.insert("measures", std::move(measures));
  }
  if (!s.stacking.empty()) {
    toml::array rules;
    for (const StackingRule& r : s.stacking) {
      toml::table t;
      t.insert("measure", r.measure);
      const char* key = r.kind == StackingKind::kReplaces            ? "replaces"
                        : r.kind == StackingKind::kReplacesOnContent ? "replaces_on_content"
                                                                     : "stacks_with";
      t.insert(key, StringArray(r.others));
      PutDate(t, "from", r.from);
      PutDate(t, "to", r.to);
      PutString(t, "note", r.note);
      rules.push_back(std::move(t));
    }
    root.insert("stacking", std::move(rules));
  }
  if (!s.trade_costs.empty()) {
    toml::array costs;
    for (const TradeCostShock& c : s.trade_costs) {
      toml::table t;
      t.insert("id", c.id);
      t.insert("importers", StringArray(c.importers));
      t.insert("exporters", StringArray(c.exporters));
      PutStrings(t, "sectors", c.sectors);
      if (c.all_sectors) t.insert("all_sectors", true);
      t.insert("d_hat", c.d_hat);
      PutDate(t, "from", c.from);
      PutDate(t, "to", c.to);
      PutString(t, "notes", c.notes);
      costs.push_back(std::move(t));
    }
    root.insert("trade_costs", std::move(costs));
  }
  if (!s.elasticities.empty()) {
    toml::table e;
    for (const ElasticityOverride& o : s.elasticities) e.insert(o.sector, o.theta);
    root.insert("elasticities", std::move(e));
  }
  return root;
}

nlohmann::json NodeToJson(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: {
      nlohmann::json out = nlohmann::json::object();
      for (auto&& [k, v] : *node.as_table()) out[std::string(k.str())] = NodeToJson(v);
      return out;
    }
    case toml::node_type::array: {
      nlohmann::json out = nlohmann::json::array();
      for (const toml::node& v : *node.as_array()) out.push_back(NodeToJson(v));
      return out;
    }
    case toml::node_type::string: return std::string(node.as_string()->get());
    case toml::node_type::integer: return node.as_integer()->get();
    case toml::node_type::floating_point: return node.as_floating_point()->get();
    case toml::node_type::boolean: return node.as_boolean()->get();
    case toml::node_type::date: {
      const toml::date d = node.as_date()->get();
      return Date{d.year, d.month, d.day}.ToString();
    }
    default: return nullptr;
  }
}

bool IsDateKey(std::string_view key) {
  return key == "date" || key == "reference_date" || key == "from" || key == "to";
}

void Insert(toml::table& t, const std::string& key, const nlohmann::json& value,
            const std::string& file, const std::string& path);

toml::array JsonArray(const nlohmann::json& value, const std::string& file,
                      const std::string& path) {
  toml::array a;
  std::size_t index = 0;
  for (const nlohmann::json& element : value) {
    const std::string here = fmt::format("{}[{}]", path, index++);
    if (element.is_object()) {
      toml::table t;
      for (auto it = element.begin(); it != element.end(); ++it) {
        Insert(t, it.key(), it.value(), file, fmt::format("{}.{}", here, it.key()));
      }
      a.push_back(std::move(t));
    } else if (element.is_string()) {
      a.push_back(element.get<std::string>());
    } else if (element.is_boolean()) {
      a.push_back(element.get<bool>());
    } else if (element.is_number_integer()) {
      a.push_back(element.get<int64_t>());
    } else if (element.is_number()) {
      a.push_back(element.get<double>());
    } else if (element.is_array()) {
      a.push_back(JsonArray(element, file, here));
    } else {
      throw ScenarioError(Location{file, 0, 0, here}, "null is not allowed in a scenario",
                          "leave the entry out instead");
    }
  }
  return a;
}

void Insert(toml::table& t, const std::string& key, const nlohmann::json& value,
            const std::string& file, const std::string& path) {
  if (value.is_object()) {
    toml::table sub;
    for (auto it = value.begin(); it != value.end(); ++it) {
      Insert(sub, it.key(), it.value(), file, fmt::format("{}.{}", path, it.key()));
    }
    t.insert(key, std::move(sub));
  } else if (value.is_array()) {
    t.insert(key, JsonArray(value, file, path));
  } else if (value.is_string()) {
    const std::string text = value.get<std::string>();
    const auto date = IsDateKey(key) ? Date::Parse(text) : std::nullopt;
    if (date) {
      t.insert(key, TomlDate(*date));
    } else {
      t.insert(key, text);
    }
  } else if (value.is_boolean()) {
    t.insert(key, value.get<bool>());
  } else if (value.is_number_integer()) {
    t.insert(key, value.get<int64_t>());
  } else if (value.is_number()) {
    t.insert(key, value.get<double>());
  } else {
    throw ScenarioError(Location{file, 0, 0, path}, "null is not allowed in a scenario",
                        "leave the key out instead");
  }
}

}  // namespace

std::string ScenarioToToml(const Scenario& scenario) {
  std::ostringstream out;
  // No literal strings: toml++ 3.3 prints a multi-line string holding ''' as a multi-line
  // literal string, which cannot contain ''' and so does not parse back (found by
  // fuzz/scenario_fuzz.cpp; regression input fuzz/corpus/scenario/literal-quotes.toml). Basic
  // strings escape what they must.
  constexpr auto flags =
      toml::toml_formatter::default_flags & ~toml::format_flags::allow_literal_strings;
  out << toml::toml_formatter(ToTable(scenario), flags) << "\n";
  return out.str();
}

nlohmann::json ScenarioToJson(const Scenario& scenario) {
  return NodeToJson(ToTable(scenario));
}

Scenario ScenarioFromJson(const nlohmann::json& document, const std::string& source_name) {
  if (!document.is_object()) {
    throw ScenarioError(Location{source_name, 0, 0, ""}, "a scenario must be a JSON object",
                        "send { \"name\": …, \"measures\": [ … ] }");
  }
  toml::table root;
  for (auto it = document.begin(); it != document.end(); ++it) {
    Insert(root, it.key(), it.value(), source_name, it.key());
  }
  return detail::ScenarioFromTomlTable(root, source_name);
}

}  // namespace ricardo

// ---- The rate template (tariffs/scenario_rate_text.hpp) ----

namespace ricardo::detail {
namespace {

// How ScenarioToToml writes a rate: toml++'s own double formatting, read off a one-key table.
std::string TomlDouble(double value) {
  std::ostringstream out;
  out << toml::toml_formatter(toml::table{{"r", value}});
  std::string text = out.str();
  const std::size_t start = text.find("= ");
  std::string number = start == std::string::npos ? text : text.substr(start + 2);
  while (!number.empty() && (number.back() == '\n' || number.back() == ' ')) number.pop_back();
  return number;
}

// Rates no scenario uses, each printed as a whole number: the k-th measure's is 987654000 + k.
constexpr double kSentinelBase = 987654000.0;

}  // namespace

RateTemplate MakeRateTemplate(const Scenario& scenario) {
  RateTemplate out;
  Scenario marked = scenario;
  for (std::size_t k = 0; k < marked.measures.size(); ++k) {
    if (!marked.measures[k].rate_from_baseline.empty()) continue;
    marked.measures[k].rate = kSentinelBase + static_cast<double>(k);
    out.slots.push_back(k);
  }
  const std::string text = ScenarioToToml(marked);
  std::size_t from = 0;
  for (std::size_t k : out.slots) {
    const std::string key = "rate = " + TomlDouble(kSentinelBase + static_cast<double>(k));
    const std::size_t at = text.find(key, from);
    // Each sentinel once, in measure order; anything else and the template is not used.
    if (at == std::string::npos || text.find(key, at + key.size()) != std::string::npos) return out;
    out.parts.push_back(text.substr(from, at + 7 - from));  // up to and with "rate = "
    from = at + key.size();
  }
  out.parts.push_back(text.substr(from));
  out.usable = true;
  return out;
}

std::string ScenarioTomlWithRates(const RateTemplate& t, const Scenario& scenario,
                                  const std::vector<double>& rates) {
  if (!t.usable || rates.size() != scenario.measures.size()) {
    Scenario edited = scenario;
    for (std::size_t k = 0; k < edited.measures.size() && k < rates.size(); ++k)
      edited.measures[k].rate = rates[k];
    return ScenarioToToml(edited);
  }
  std::string out = t.parts.front();
  for (std::size_t s = 0; s < t.slots.size(); ++s)
    out += TomlDouble(rates[t.slots[s]]) + t.parts[s + 1];
  return out;
}

}  // namespace ricardo::detail
