// manifest.toml: the package's metadata and money unit.
#include <toml++/toml.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/regular_file.hpp"
#include "core/suggest.hpp"
#include "data/csv.hpp"
#include "data/package_internal.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "tariffs/toml_guard.hpp"

namespace ricardo::data_internal {
namespace {

constexpr const char* kFormatName = "ricardo-baseline";

const std::vector<std::string>& ManifestKeys() {
  static const std::vector<std::string> keys = {"format", "format_version", "name",       "title",
                                                "year",   "currency",       "money_unit", "unit",
                                                "source", "licence",        "notes"};
  return keys;
}

Location Where(const toml::source_region& source) {
  return Location{kManifestFile, static_cast<long>(source.begin.line),
                  static_cast<long>(source.begin.column), ""};
}

// TOML basic string, escaped; multi-line strings use """ so that notes stay readable.
std::string TomlString(const std::string& value) {
  const bool multiline = value.find('\n') != std::string::npos;
  std::string out = multiline ? "\"\"\"\n" : "\"";
  for (std::size_t k = 0; k < value.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(value[k]);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += multiline ? "\n" : "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out += multiline ? "\"\"\"" : "\"";
  return out;
}

}  // namespace

std::string ManifestToToml(const Manifest& m) {
  std::string out;
  out += "# A ricardo baseline package (docs/baseline-format.md).\n";
  out += fmt::format("format = \"{}\"\n", kFormatName);
  out += fmt::format("format_version = {}\n", kPackageFormatVersion);
  out += fmt::format("name = {}\n", TomlString(m.name));
  out += fmt::format("title = {}\n", TomlString(m.title));
  out += fmt::format("year = {}\n", m.year);
  out += fmt::format("currency = {}\n", TomlString(m.currency));
  // A float in TOML needs a '.' or an exponent; ExactNumber may print an integer, which the
  // reader accepts as well.
  out += fmt::format("money_unit = {}\n", ExactNumber(m.money_unit));
  out += fmt::format("unit = {}  # one money unit; must agree with currency and money_unit\n",
                     TomlString(m.MoneyUnitLabel()));
  out += fmt::format("source = {}\n", TomlString(m.source));
  out += fmt::format("licence = {}\n", TomlString(m.licence));
  out += fmt::format("notes = {}\n", TomlString(m.notes));
  return out;
}

Manifest ReadManifest(const std::filesystem::path& path, ValidationReport& report) {
  if (!std::filesystem::exists(path)) {
    throw DataError(Location{kManifestFile, 0, 0, ""},
                    "missing manifest: the directory is not a "
                    "baseline package",
                    "a package needs manifest.toml with format, name, year, currency and "
                    "money_unit; see docs/baseline-format.md");
  }
  // Refuses a pipe, a device or a directory named manifest.toml, and manifests above
  // kMaxManifestFileBytes.
  const std::string text = detail::ReadRegularFile(path, detail::kManifestFileKind, kManifestFile);
  try {
    detail::GuardToml(text, kManifestFile);  // before toml++: see tariffs/toml_guard.hpp
  } catch (const ScenarioError& e) {
    throw DataError(e.where(), e.problem(), e.fix());
  }
  toml::table table;
  try {
    table = toml::parse(text, path.string());
  } catch (const toml::parse_error& e) {
    throw DataError(Where(e.source()), fmt::format("invalid TOML: {}", e.description()),
                    "fix the syntax: strings in double quotes, one key = value per line");
  }

  for (auto&& [key, node] : table) {
    const std::string name(key.str());
    bool known = false;
    for (const auto& k : ManifestKeys()) known = known || k == name;
    if (!known) {
      const std::string suggestion = detail::DidYouMean(name, ManifestKeys());
      throw DataError(Where(key.source()), fmt::format("unknown key '{}'{}", name, suggestion),
                      suggestion.empty() ? fmt::format("the manifest keys are: {}",
                                                       detail::JoinList(ManifestKeys()))
                                         : std::string{});
    }
  }

  auto require = [&](const char* key) -> const toml::node& {
    const toml::node* node = table.get(key);
    if (!node) {
      throw DataError(Location{kManifestFile, 0, 0, ""},
                      fmt::format("missing required key '{}'", key),
                      "a manifest needs format, format_version, name, year, currency and "
                      "money_unit");
    }
    return *node;
  };
  auto string_value = [&](const char* key, bool required) -> std::string {
    const toml::node* node = required ? &require(key) : table.get(key);
    if (!node) return {};
    if (!node->is_string()) {
      throw DataError(Where(node->source()), fmt::format("'{}' must be a string", key),
                      fmt::format("write {} = \"...\"", key));
    }
    return std::string(node->as_string()->get());
  };
  auto integer_value = [&](const char* key) -> std::int64_t {
    const toml::node& node = require(key);
    if (!node.is_integer()) {
      throw DataError(
          Where(node.source()), fmt::format("'{}' must be an integer", key),
          fmt::format("write e.g. {} = {}", key, std::string(key) == "year" ? 2024 : 1));
    }
    return node.as_integer()->get();
  };

  const std::string format = string_value("format", true);
  if (format != kFormatName) {
    throw DataError(Where(table.get("format")->source()),
                    fmt::format("format '{}' is not a ricardo baseline package", format),
                    fmt::format("write format = \"{}\"", kFormatName));
  }
  const std::int64_t version = integer_value("format_version");
  if (version != kPackageFormatVersion) {
    throw DataError(Where(table.get("format_version")->source()),
                    fmt::format("format_version {} is not supported; this ricardo reads version {}",
                                version, kPackageFormatVersion),
                    "convert the package or use a matching ricardo");
  }

  Manifest m;
  m.name = string_value("name", true);
  if (m.name.empty()) {
    throw DataError(Where(table.get("name")->source()), "'name' is empty",
                    "give the baseline a short identifier such as \"north-america\"");
  }
  m.title = string_value("title", false);
  const std::int64_t year = integer_value("year");
  if (const auto problem = YearProblem(year)) {
    throw DataError(Where(table.get("year")->source()), *problem,
                    "write the base year of the data, e.g. year = 2024");
  }
  m.year = static_cast<int>(year);
  m.currency = string_value("currency", true);
  if (const auto problem = CurrencyProblem(m.currency)) {
    throw DataError(Where(table.get("currency")->source()), *problem,
                    "write three upper-case letters, e.g. currency = \"USD\"");
  }
  {
    const toml::node& node = require("money_unit");
    double unit = 0.0;
    if (node.is_floating_point()) {
      unit = node.as_floating_point()->get();
    } else if (node.is_integer()) {
      unit = static_cast<double>(node.as_integer()->get());
    } else {
      throw DataError(Where(node.source()), "'money_unit' must be a number",
                      "write the size of one money unit in currency units, e.g. 1e6");
    }
    if (const auto problem = MoneyUnitProblem(unit)) {
      throw DataError(Where(node.source()), *problem,
                      "write the size of one money unit in currency units, e.g. 1e6");
    }
    m.money_unit = unit;
  }
  if (const toml::node* unit = table.get("unit")) {
    if (!unit->is_string()) {
      throw DataError(Where(unit->source()), "'unit' must be a string",
                      "write e.g. unit = \"US$ million\"");
    }
    const std::string label(unit->as_string()->get());
    if (label != m.MoneyUnitLabel()) {
      throw DataError(Where(unit->source()),
                      fmt::format("unit mismatch: unit '{}' disagrees with currency '{}' and "
                                  "money_unit {}, which mean '{}'",
                                  label, m.currency, ExactNumber(m.money_unit), m.MoneyUnitLabel()),
                      "make them agree; money_unit is one money unit in currency units");
    }
  }
  m.source = string_value("source", false);
  m.licence = string_value("licence", false);
  m.notes = string_value("notes", false);
  if (m.licence.empty()) {
    report.warnings.push_back({PackageIssue::Severity::kWarning,
                               Location{kManifestFile, 0, 0, "licence"}, "no licence is stated",
                               "say under which terms the data may be used"});
  }
  return m;
}

std::optional<std::string> YearProblem(std::int64_t year) {
  if (year >= 1000 && year <= 9999) return std::nullopt;
  return fmt::format("year {} is not a four-digit year", year);
}

std::optional<std::string> CurrencyProblem(const std::string& currency) {
  bool ok = currency.size() == 3;
  for (char c : currency) ok = ok && c >= 'A' && c <= 'Z';
  if (ok) return std::nullopt;
  return fmt::format("currency '{}' is not an ISO 4217 code", currency);
}

std::optional<std::string> MoneyUnitProblem(double money_unit) {
  if (std::isfinite(money_unit) && money_unit > 0.0) return std::nullopt;
  return fmt::format("money_unit {} must be a positive number", money_unit);
}

}  // namespace ricardo::data_internal
