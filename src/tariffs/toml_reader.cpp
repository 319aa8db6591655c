#include "tariffs/toml_reader.hpp"

#include <cmath>

#include "core/suggest.hpp"
#include "fmt/format.h"

namespace ricardo::detail {

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
  }
}

std::string JoinPath(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

Location TomlReader::At(const toml::node& node, std::string_view path) const {
  const auto& begin = node.source().begin;
  if (begin.line > 0) {
    return Location{file_, static_cast<long>(begin.line), static_cast<long>(begin.column), ""};
  }
  return Location{file_, 0, 0, std::string(path)};
}

Location TomlReader::AtKey(const toml::key& key, std::string_view path) const {
  const auto& begin = key.source().begin;
  if (begin.line > 0) {
    return Location{file_, static_cast<long>(begin.line), static_cast<long>(begin.column), ""};
  }
  return Location{file_, 0, 0, std::string(path)};
}

void TomlReader::RecordPositions(const toml::table& table, std::string_view prefix,
                                 std::map<std::string, Location>* fields) const {
  for (auto&& [key, value] : table) {
    const std::string path = JoinPath(prefix, key.str());
    const Location here = At(value, path);
    if (here.line > 0) (*fields)[path] = here;
    if (const toml::table* sub = value.as_table()) RecordPositions(*sub, path, fields);
    if (const toml::array* array = value.as_array()) {
      std::size_t index = 0;
      for (const toml::node& element : *array) {
        const std::string entry = fmt::format("{}[{}]", path, index++);
        const Location at = At(element, entry);
        if (at.line > 0) (*fields)[entry] = at;
      }
    }
  }
}

void TomlReader::Fail(const Location& where, const std::string& what,
                      const std::string& fix) const {
  throw ScenarioError(where, what, fix);
}

void TomlReader::CheckKeys(const toml::table& table, const std::vector<std::string>& allowed,
                           std::string_view context, std::string_view path) const {
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    bool known = false;
    for (const std::string& a : allowed) known = known || a == name;
    if (known) continue;
    const std::string fix =
        DidYouMeanOr(name, allowed, fmt::format("known keys: {}", fmt::join(allowed, ", ")));
    Fail(AtKey(key, JoinPath(path, name)), fmt::format("unknown key '{}' in {}", name, context),
         fix);
  }
}

Location TomlReader::ValueAt(const toml::table& table, std::string_view key,
                             std::string_view path) const {
  const toml::node* node = table.get(key);
  return node ? At(*node, JoinPath(path, key)) : At(table, path);
}

std::optional<std::string> TomlReader::String(const toml::table& table, std::string_view key,
                                              std::string_view path) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (!node->is_string()) {
    Fail(At(*node, JoinPath(path, key)),
         fmt::format("'{}' must be a string, not {}", key, TypeName(*node)),
         "write it in double quotes");
  }
  return std::string(node->as_string()->get());
}

std::optional<double> TomlReader::Number(const toml::table& table, std::string_view key,
                                         std::string_view path, std::string_view example) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
  if (!node->is_floating_point()) {
    Fail(At(*node, JoinPath(path, key)),
         fmt::format("'{}' must be a number, not {}", key, TypeName(*node)), std::string(example));
  }
  return node->as_floating_point()->get();
}

std::optional<bool> TomlReader::Bool(const toml::table& table, std::string_view key,
                                     std::string_view path) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (!node->is_boolean()) {
    Fail(At(*node, JoinPath(path, key)),
         fmt::format("'{}' must be true or false, not {}", key, TypeName(*node)));
  }
  return node->as_boolean()->get();
}

std::optional<Date> TomlReader::DateValue(const toml::table& table, std::string_view key,
                                          std::string_view path) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  const Location where = At(*node, JoinPath(path, key));
  if (node->is_string()) {
    Fail(where, fmt::format("'{}' must be a date, not a string", key),
         fmt::format("write {} = {} without quotes", key,
                     Date::Parse(node->as_string()->get()) ? node->as_string()->get()
                                                           : std::string_view("2025-06-04")));
  }
  if (!node->is_date()) {
    Fail(where, fmt::format("'{}' must be a date, not {}", key, TypeName(*node)),
         fmt::format("write {} = 2025-06-04", key));
  }
  const toml::date d = node->as_date()->get();
  Date date{static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
  if (!date.IsValid() || date.year < 1990 || date.year > 2100) {
    Fail(where, fmt::format("date {} is out of range", date.ToString()),
         "dates must lie between 1990-01-01 and 2100-12-31");
  }
  return date;
}

std::optional<std::vector<std::string>> TomlReader::Strings(const toml::table& table,
                                                            std::string_view key,
                                                            std::string_view path,
                                                            std::string_view example) const {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  const std::string here = JoinPath(path, key);
  if (!node->is_array()) {
    Fail(At(*node, here),
         fmt::format("'{}' must be an array of strings, not {}", key, TypeName(*node)),
         fmt::format("write {} = {}", key, example));
  }
  std::vector<std::string> out;
  std::size_t index = 0;
  for (const toml::node& element : *node->as_array()) {
    if (!element.is_string()) {
      Fail(At(element, fmt::format("{}[{}]", here, index)),
           fmt::format("'{}' must hold strings, not {}", key, TypeName(element)),
           fmt::format("write {} = {}", key, example));
    }
    out.emplace_back(element.as_string()->get());
    ++index;
  }
  return out;
}

std::vector<Location> TomlReader::EntryLocations(const toml::table& table, std::string_view key,
                                                 std::string_view path) const {
  std::vector<Location> out;
  const toml::node* node = table.get(key);
  if (!node || !node->is_array()) return out;
  std::size_t index = 0;
  for (const toml::node& element : *node->as_array()) {
    out.push_back(At(element, fmt::format("{}[{}]", JoinPath(path, key), index++)));
  }
  return out;
}

const toml::table* TomlReader::Table(const toml::table& table, std::string_view key,
                                     std::string_view path) const {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  if (!node->is_table()) {
    Fail(At(*node, JoinPath(path, key)),
         fmt::format("'{}' must be a table, not {}", key, TypeName(*node)),
         fmt::format("write [{}] on its own line, or {} = {{ ... }}", key, key));
  }
  return node->as_table();
}

const toml::array* TomlReader::TableArray(const toml::table& table, std::string_view key,
                                          std::string_view path) const {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  const std::string here = JoinPath(path, key);
  if (node->is_array() && node->as_array()->empty()) return node->as_array();
  if (!node->is_array_of_tables()) {
    const toml::node* culprit = node;
    if (node->is_array()) {
      for (const toml::node& element : *node->as_array()) {
        if (!element.is_table()) {
          culprit = &element;
          break;
        }
      }
    }
    Fail(At(*culprit, here),
         fmt::format("'{}' must be a list of tables, not {}", key, TypeName(*culprit)),
         fmt::format("start each entry with [[{}]] on its own line", key));
  }
  return node->as_array();
}

}  // namespace ricardo::detail
