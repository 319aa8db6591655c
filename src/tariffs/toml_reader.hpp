// Typed, located access to a parsed TOML document, for the scenario parser.
//
// Every accessor either returns the value or throws ScenarioError at the node: file:line:column
// when the document came from TOML text, or the field path ("measures[2].rate") when it was
// built from JSON and carries no positions.
#pragma once

#include <toml++/toml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::detail {

class TomlReader {
 public:
  explicit TomlReader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  Location At(const toml::node& node, std::string_view path) const;
  Location AtKey(const toml::key& key, std::string_view path) const;

  // Throws for any key of `table` not in `allowed`, suggesting the closest allowed key.
  // `context` names the table for people ("[[measures]]").
  void CheckKeys(const toml::table& table, const std::vector<std::string>& allowed,
                 std::string_view context, std::string_view path) const;

  // Each returns nullopt when the key is absent and throws when it has the wrong type.
  // `example` completes "must be <expected>" with how to write it.
  std::optional<std::string> String(const toml::table& table, std::string_view key,
                                    std::string_view path) const;
  std::optional<double> Number(const toml::table& table, std::string_view key,
                               std::string_view path, std::string_view example) const;
  std::optional<bool> Bool(const toml::table& table, std::string_view key,
                           std::string_view path) const;
  std::optional<Date> DateValue(const toml::table& table, std::string_view key,
                                std::string_view path) const;
  // An array of strings (a single string is a type error: arrays are always written [..]).
  std::optional<std::vector<std::string>> Strings(const toml::table& table, std::string_view key,
                                                  std::string_view path,
                                                  std::string_view example) const;
  // Locations of the entries of an array of strings, in order (for errors about one entry).
  std::vector<Location> EntryLocations(const toml::table& table, std::string_view key,
                                       std::string_view path) const;
  const toml::table* Table(const toml::table& table, std::string_view key,
                           std::string_view path) const;
  // An array of tables ([[name]]); each element must be a table.
  const toml::array* TableArray(const toml::table& table, std::string_view key,
                                std::string_view path) const;

  // Location of the value of `key` (or of the table if the key is absent).
  Location ValueAt(const toml::table& table, std::string_view key, std::string_view path) const;

  // Records the positions of every value under `table` (keys, array entries, nested tables)
  // by path relative to it, e.g. "origins[1]", "scope.hs[0]".
  void RecordPositions(const toml::table& table, std::string_view prefix,
                       std::map<std::string, Location>* fields) const;

  [[noreturn]] void Fail(const Location& where, const std::string& what,
                         const std::string& fix = {}) const;

 private:
  std::string file_;
};

// "a string", "an integer", … for messages.
std::string TypeName(const toml::node& node);
std::string JoinPath(std::string_view path, std::string_view key);

}  // namespace ricardo::detail
